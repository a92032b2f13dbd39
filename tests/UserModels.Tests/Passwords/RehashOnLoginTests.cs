using System;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DjangoSettings.UserModels.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Passwords;

/// <summary>
/// A successful login re-hashes a password an older Django wrote (fewer iterations) with the preferred
/// hasher, as Django's check_password setter does, even for an inactive user whose login is refused;
/// Django then verifies the new hash and sees nothing to update.
/// </summary>
public sealed class RehashOnLoginTests
{
    [SkippableFact]
    public async Task An_outdated_hash_is_rewritten_at_login_and_Django_accepts_the_new_one()
    {
        using DjangoProject django = DjangoProject.OnSqlite("bigauto_table").Migrate();
        const string password = "pw-old-hash";
        string old = django.Run("make-password", "--password", password, "--hasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher", "--iterations", "150000")["hash"]!.GetValue<string>();
        django.Run("create-user", "--password", "irrelevant", "username=olduser");
        django.Run("set-hash", "--login", "olduser", "--hash", old);
        django.Run("create-user", "--password", "irrelevant", "username=sleeper", "--inactive");
        django.Run("set-hash", "--login", "sleeper", "--hash", old);

        await using var host = await RuntimeHost.StartAsync(TestProject.BigAutoTable, django);
        // A wrong password leaves the hash alone.
        using (var wrong = await host.Client.PostAsJsonAsync("/api/token/", new JsonObject { ["username"] = "olduser", ["password"] = password + "x" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        Assert.Equal(old, Hash(django, "olduser"));

        using (var ok = await host.Client.PostAsJsonAsync("/api/token/", new JsonObject { ["username"] = "olduser", ["password"] = password }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        string upgraded = Hash(django, "olduser");
        Assert.StartsWith("pbkdf2_sha256$260000$", upgraded, StringComparison.Ordinal);
        JsonNode check = django.Run("check-hash", "--password", password, "--hash", upgraded);
        Assert.True(check["verified"]!.GetValue<bool>());
        Assert.False(check["must_update"]!.GetValue<bool>());

        // Inactive: refused, yet re-hashed (the setter runs before the activity check, as in Django).
        using (var refused = await host.Client.PostAsJsonAsync("/api/token/", new JsonObject { ["username"] = "sleeper", ["password"] = password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        Assert.StartsWith("pbkdf2_sha256$260000$", Hash(django, "sleeper"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Django_itself_rewrites_the_same_hashes_the_runtime_rewrites()
    {
        using DjangoProject django = DjangoProject.OnSqlite("bigauto_table").Migrate();
        const string password = "pw";
        string old = django.Run("make-password", "--password", password, "--hasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher", "--iterations", "1000000")["hash"]!.GetValue<string>();
        django.Run("create-user", "--password", "irrelevant", "username=newer");
        django.Run("set-hash", "--login", "newer", "--hash", old);
        JsonNode djangoLogin = django.Run("check-password", "--login", "newer", "--password", password);
        Assert.True(djangoLogin["authenticated"]!.GetValue<bool>());
        // Django 3.2 downgrades a newer Django's 1,000,000 iterations to its own 260,000: so does the runtime.
        Assert.StartsWith("pbkdf2_sha256$260000$", djangoLogin["hash"]!.GetValue<string>(), StringComparison.Ordinal);
        var hasher = new DjangoSettings.Users.DjangoPasswordHasher(DjangoSettings.Users.DjangoPasswordHasherOptions.ForDjango("3.2"));
        Assert.True(hasher.Check(password, old).MustUpdate);
        await Task.CompletedTask;
    }

    private static string Hash(DjangoProject django, string login) => django.Run("user", "--login", login)["password"]!.GetValue<string>();
}
