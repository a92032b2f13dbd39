using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Scaleout.Tests.Infrastructure;

namespace DjangoSettings.UserModels.Tests.Infrastructure;

/// <summary>
/// One of the test Django projects (tests/DjangoProjects/&lt;name&gt;) on one database, driven with
/// Django's own classes through <c>djtool.py</c>: migrate, create users, mint and authenticate
/// tokens, read the blacklist rows. The database is a SQLite file of its own or a fresh database on
/// a throwaway PostgreSQL cluster.
/// </summary>
public sealed class DjangoProject : IDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string? _workDirectory;

    private DjangoProject(string name, Dictionary<string, string> environment, string? sqlitePath, string? postgresConnectionString, string? workDirectory)
    {
        Name = name;
        _environment = environment;
        SqlitePath = sqlitePath;
        PostgresConnectionString = postgresConnectionString;
        _workDirectory = workDirectory;
    }

    /// <summary>tests/DjangoProjects.</summary>
    public static string ProjectsDirectory => Path.Combine(SharedDirectory.RepositoryRoot, "tests", "DjangoProjects");

    /// <summary>The project folder name (email_uuid, bigauto_table, char_pk).</summary>
    public string Name { get; }

    /// <summary>The SQLite file, when the project runs on SQLite.</summary>
    public string? SqlitePath { get; }

    /// <summary>The Npgsql connection string, when the project runs on PostgreSQL.</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>Requires Debian's Django stack (with psycopg2 for PostgreSQL).</summary>
    public static void Require(bool postgres = false)
    {
        Services.RequireDjangoOracle();
        if (postgres) DjangoOnPostgres.Require();
    }

    /// <summary>The project on a new, empty SQLite file (not migrated yet).</summary>
    public static DjangoProject OnSqlite(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        Require();
        string dir = Directory.CreateTempSubdirectory("djproject-" + name + "-").FullName;
        string db = Path.Combine(dir, "db.sqlite3");
        var env = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["DJ_DB_NAME"] = db };
        return new DjangoProject(name, env, db, null, dir);
    }

    /// <summary>The project on a new, empty database of <paramref name="pg"/> (not migrated yet).</summary>
    public static DjangoProject OnPostgres(string name, ThrowawayPostgres pg, IReadOnlyDictionary<string, string>? settings = null)
    {
        Require(postgres: true);
        string database = pg.CreateDatabase();
        var env = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["DJ_DB_ENGINE"] = "django.db.backends.postgresql",
            ["DJ_DB_NAME"] = database,
            ["DJ_DB_USER"] = "postgres",
            ["DJ_DB_HOST"] = "127.0.0.1",
            ["DJ_DB_PORT"] = pg.Port.ToString(CultureInfo.InvariantCulture),
        };
        return new DjangoProject(name, env, null, pg.ConnectionString(database), null);
    }

    /// <summary>The same database with other SIMPLE_JWT environment (e.g. DJ_USER_ID_FIELD).</summary>
    public DjangoProject With(IReadOnlyDictionary<string, string> settings)
    {
        var env = new Dictionary<string, string>(_environment);
        foreach (var (k, v) in settings) env[k] = v;
        return new DjangoProject(Name, env, SqlitePath, PostgresConnectionString, null);
    }

    /// <summary><c>manage.py migrate</c>.</summary>
    public DjangoProject Migrate()
    {
        Run("migrate");
        return this;
    }

    /// <summary>Runs a djtool.py command; returns its JSON output.</summary>
    public JsonNode Run(params string[] args) => Tool(Name, _environment, null, args);

    /// <summary>Runs a djtool.py command with a PASSWORD_HASHERS override.</summary>
    public JsonNode RunWithHashers(string hashers, params string[] args) => Tool(Name, _environment, hashers, args);

    /// <summary>A process running <c>manage.py runserver</c> for this project and database on a free port.</summary>
    public DjangoServer StartServer() => DjangoServer.Start(Path.Combine(ProjectsDirectory, Name), _environment);

    /// <summary>djtool.py for <paramref name="project"/> with <paramref name="environment"/>.</summary>
    public static JsonNode Tool(string project, IReadOnlyDictionary<string, string> environment, string? hashers, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ProjectsDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(ProjectsDirectory, "djtool.py"));
        psi.ArgumentList.Add("--project");
        psi.ArgumentList.Add(project);
        if (hashers is not null)
        {
            psi.ArgumentList.Add("--hashers");
            psi.ArgumentList.Add(hashers);
        }
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("djtool.py " + string.Join(' ', args) + " did not finish");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException($"djtool.py {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}");
        return JsonNode.Parse(stdout) ?? throw new InvalidOperationException("djtool.py printed nothing");
    }

    /// <summary>A recorded fixture of this project (tests/DjangoProjects/fixtures/&lt;project&gt;/&lt;file&gt;).</summary>
    public static string Fixture(string project, string file) => File.ReadAllText(Path.Combine(ProjectsDirectory, "fixtures", project, file));

    /// <summary>A recorded JSON fixture.</summary>
    public static JsonNode FixtureJson(string project, string file) => JsonNode.Parse(Fixture(project, file))!;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_workDirectory is not null)
        {
            try { Directory.Delete(_workDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Reads a JSON string member.</summary>
    public static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>Compact JSON of a node (for comparing bodies).</summary>
    public static string Compact(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
