using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DjangoSettings.Stores;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.Users;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Management;

/// <summary>
/// <c>createsuperuser --noinput</c> from the environment for each user model: the same sequence of
/// environments gives Django's exit codes and messages (REQUIRED_FIELDS, blank, taken, invalid
/// e-mail or username, max_length), and the users we create are the ones Django reads back.
/// </summary>
public sealed class CreateSuperuserTests
{
    private static readonly string LongName = new('n', 101);

    public static TheoryData<string> Projects => new() { "email_uuid", "bigauto_table" };

    private static IEnumerable<Dictionary<string, string>> Environments(string project) => project switch
    {
        "email_uuid" =>
        [
            new(),
            new() { ["EMAIL"] = "root@example.com" },
            new() { ["EMAIL"] = "", ["DISPLAY_NAME"] = "Root" },
            new() { ["EMAIL"] = "not-an-email", ["DISPLAY_NAME"] = "Root" },
            new() { ["EMAIL"] = "root@exa_mple.com", ["DISPLAY_NAME"] = "Root" },
            new() { ["EMAIL"] = "root@example.com", ["DISPLAY_NAME"] = LongName },
            new() { ["EMAIL"] = "Root@Example.COM", ["DISPLAY_NAME"] = "Root", ["PASSWORD"] = "s3cret" },
            new() { ["EMAIL"] = "Root@example.com", ["DISPLAY_NAME"] = "Again" },
            new() { ["EMAIL"] = "nopass@example.com", ["DISPLAY_NAME"] = "No Pass" },
            new() { ["EMAIL"] = "empty@example.com", ["DISPLAY_NAME"] = "Empty", ["PASSWORD"] = "" },
        ],
        _ =>
        [
            new() { ["USERNAME"] = "bob" },
            new() { ["USERNAME"] = "bad name!", ["EMAIL"] = "bob@example.com" },
            new() { ["USERNAME"] = "", ["EMAIL"] = "bob@example.com" },
            new() { ["USERNAME"] = "bob", ["EMAIL"] = "bob" },
            new() { ["USERNAME"] = "bob", ["EMAIL"] = "bob@example.com", ["PASSWORD"] = "pw" },
            new() { ["USERNAME"] = "bob", ["EMAIL"] = "other@example.com", ["PASSWORD"] = "pw" },
            new() { ["USERNAME"] = "b\u00f6b.+-_@", ["EMAIL"] = "b@[127.0.0.1]", ["PASSWORD"] = "pw" },
        ],
    };

    [SkippableTheory]
    [MemberData(nameof(Projects))]
    public async Task Messages_and_users_are_Djangos(string name)
    {
        var project = TestProject.Named(name);
        using DjangoProject djangoDb = DjangoProject.OnSqlite(name).Migrate();
        using DjangoProject oursDb = DjangoProject.OnSqlite(name).Migrate();
        var django = new List<string>();
        var ours = new List<string>();
        foreach (var environment in Environments(name))
        {
            var env = environment.ToDictionary(kv => "DJANGO_SUPERUSER_" + kv.Key, kv => kv.Value);
            django.Add(RunDjango(djangoDb, env));
            ours.Add(await RunOurs(project, oursDb, env));
        }
        Assert.Equal(django, ours);
        Assert.Contains(django, line => line.StartsWith("0 ", StringComparison.Ordinal));
        Assert.Contains(django, line => line.StartsWith("1 CommandError: You must use --", StringComparison.Ordinal));

        // Django reads the superusers we created: flags, normalised login, usable / unusable / empty passwords.
        string loginField = project.Model.UsernameField;
        string first = name == "email_uuid" ? "Root@example.com" : "bob";
        JsonNode root = oursDb.Run("user", "--login", first);
        Assert.True(root["is_superuser"]!.GetValue<bool>());
        Assert.True(root["is_staff"]!.GetValue<bool>());
        Assert.Equal(first, DjangoProject.Str(root, loginField));
        string password = name == "email_uuid" ? "s3cret" : "pw";
        Assert.True(oursDb.Run("check-hash", "--password", password, "--hash", DjangoProject.Str(root, "password"))["verified"]!.GetValue<bool>());
        if (name == "email_uuid")
        {
            string unusable = DjangoProject.Str(oursDb.Run("user", "--login", "nopass@example.com"), "password");
            Assert.Matches("^![A-Za-z0-9]{40}$", unusable);
            string empty = DjangoProject.Str(oursDb.Run("user", "--login", "empty@example.com"), "password");
            Assert.True(oursDb.Run("check-hash", "--password", "", "--hash", empty)["verified"]!.GetValue<bool>());
        }
    }

    private static string RunDjango(DjangoProject db, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = System.IO.Path.Combine(DjangoProject.ProjectsDirectory, db.Name),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { "manage.py", "createsuperuser", "--noinput" }) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        psi.Environment["DJ_DB_NAME"] = db.SqlitePath;
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        string output = (stdout + stderr.Result).Trim();
        return p.ExitCode + " " + output;
    }

    private static async Task<string> RunOurs(TestProject project, DjangoProject db, Dictionary<string, string> env)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(env.ToDictionary(kv => kv.Key, kv => (string?)kv.Value)).Build();
        var database = new SqliteDjangoDatabase(db.SqlitePath!);
        database.EnsureCreated(project.Model);
        var users = new SqliteUserStore(database, new DjangoPasswordHasher(DjangoPasswordHasherOptions.ForDjango("3.2")), null, project.Model);
        var commands = new DjangoManagementCommands(users, new SqliteTokenBlacklistStore(database, model: project.Model), null, config);
        DjangoCommandResult result = await commands.CreateSuperuserNoInputAsync(["--noinput"]);
        return result.ExitCode + " " + result.Output;
    }
}
