using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Stores;

public class DjangoStoresRegistrationTests
{
    [Fact]
    public void Registers_the_stores_and_the_hasher_as_singletons_over_one_file()
    {
        using var db = new TempDatabase();
        using ServiceProvider provider = new ServiceCollection().AddLogging().AddDjangoSqliteStores(db.FilePath).BuildServiceProvider();
        provider.EnsureDjangoDatabase();
        Assert.IsType<SqliteUserStore>(provider.GetRequiredService<IUserStore>());
        Assert.IsType<SqliteTokenBlacklistStore>(provider.GetRequiredService<ITokenBlacklistStore>());
        Assert.IsType<DjangoPasswordHasher>(provider.GetRequiredService<IPasswordHasher>());
        Assert.Same(provider.GetRequiredService<IUserStore>(), provider.GetRequiredService<IUserStore>());
        Assert.Same(provider.GetRequiredService<ITokenBlacklistStore>(), provider.GetRequiredService<ITokenBlacklistStore>());
        Assert.Equal(db.FilePath, provider.GetRequiredService<SqliteDjangoDatabase>().DatabasePath);
        Assert.Equal(3L, db.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('auth_user', 'token_blacklist_outstandingtoken', 'token_blacklist_blacklistedtoken')"));
    }

    [Fact]
    public void A_hasher_registered_first_is_kept()
    {
        using var db = new TempDatabase();
        var mine = new DjangoPasswordHasher(iterations: 5);
        using ServiceProvider provider = new ServiceCollection().AddSingleton<IPasswordHasher>(mine).AddDjangoSqliteStores(db.FilePath).BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<IPasswordHasher>());
    }

    [Fact]
    public void A_non_sqlite_selection_cannot_be_registered_yet()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = "Host=db" }).Build();
        var selection = DatabaseSelection.Select("django.db.backends.postgresql", "app", Path.GetTempPath(), config);
        var e = Assert.Throws<DatabaseConfigurationException>(() => new ServiceCollection().AddDjangoStores(selection));
        Assert.Contains("django.db.backends.postgresql", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_create_a_superuser_and_flush_expired_tokens()
    {
        using var db = new TempDatabase();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DJANGO_SUPERUSER_PASSWORD"] = "s3cret" }).Build();
        using ServiceProvider provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IConfiguration>(config)
            .AddSingleton<IPasswordHasher>(new DjangoPasswordHasher(iterations: 1))
            .AddDjangoSqliteStores(db.FilePath)
            .BuildServiceProvider();
        provider.EnsureDjangoDatabase();
        var commands = provider.GetRequiredService<DjangoManagementCommands>();

        var output = new StringWriter();
        Assert.Equal(0, await commands.TryRunAsync(new[] { "createsuperuser", "--username", "root", "--email=Root@Example.ORG", "--noinput" }, output));
        DjangoUser root = (await provider.GetRequiredService<IUserStore>().FindByUsernameAsync("root"))!;
        Assert.True(root.IsSuperuser && root.IsStaff && root.IsActive);
        Assert.Equal("Root@example.org", root.Email);
        Assert.True(provider.GetRequiredService<IPasswordHasher>().Verify("s3cret", root.Password));
        Assert.Equal(1, await commands.TryRunAsync(new[] { "createsuperuser", "--username", "root" }, output));
        Assert.Contains("already taken", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await commands.TryRunAsync(new[] { "createsuperuser" }, output));

        var blacklist = provider.GetRequiredService<ITokenBlacklistStore>();
        await blacklist.RecordOutstandingAsync(new OutstandingToken("gone", "t", root.Pk, null, clock.Now.AddSeconds(-1)));
        await blacklist.RecordOutstandingAsync(new OutstandingToken("kept", "t", root.Pk, null, clock.Now.AddSeconds(1)));
        Assert.Equal(0, await commands.TryRunAsync(new[] { "flushexpiredtokens" }, output));
        Assert.Contains("Flushed 1 expired token(s).", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("kept", db.Scalar("SELECT group_concat(jti) FROM token_blacklist_outstandingtoken"));

        Assert.Null(await commands.TryRunAsync(new[] { "runserver" }, output));
        Assert.Null(await commands.TryRunAsync(Array.Empty<string>(), output));
        await Assert.ThrowsAsync<ArgumentException>(() => commands.CreateSuperuserAsync("x", ""));
    }
}
