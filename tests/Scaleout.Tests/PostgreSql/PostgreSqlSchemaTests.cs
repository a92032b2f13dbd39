using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DjangoSettings.PostgreSql;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.PostgreSql;

/// <summary>The tables we create are the ones Django's migrations create, compared by pg_dump.</summary>
[Collection(ServersCollection.Name)]
public sealed class PostgreSqlSchemaTests
{
    private readonly ServersFixture _servers;

    public PostgreSqlSchemaTests(ServersFixture servers) => _servers = servers;

    // pg_dump's session-specific noise: comments, \restrict keys, blank lines.
    private static string Normalize(string dump) => string.Join("\n", dump.Split('\n')
        .Select(l => l.TrimEnd('\r'))
        .Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal) && !Regex.IsMatch(l, @"^\\(un)?restrict ")));

    [SkippableFact]
    public void EnsureCreated_gives_the_schema_recorded_from_Django_32s_migrate()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string name = pg.CreateDatabase();
        using (var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(name))) db.EnsureCreated();
        string recorded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "postgresql", "django32_schema.sql"));
        Assert.Equal(Normalize(recorded), Normalize(pg.DumpSchema(name)));
    }

    [SkippableFact]
    public void EnsureCreated_matches_a_database_the_real_Django_migrates_now_and_leaves_it_as_it_is()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        DjangoOnPostgres.Require();
        string django = pg.CreateDatabase();
        DjangoOnPostgres.Migrate(pg.Port, django);
        string djangoDump = Normalize(pg.DumpSchema(django));

        string ours = pg.CreateDatabase();
        using (var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(ours))) db.EnsureCreated();
        Assert.Equal(djangoDump, Normalize(pg.DumpSchema(ours)));

        using (var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(django))) db.EnsureCreated();
        Assert.Equal(djangoDump, Normalize(pg.DumpSchema(django)));
    }

    [SkippableFact]
    public async Task Instances_starting_together_create_the_tables_once()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string name = pg.CreateDatabase();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            using var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(name));
            db.EnsureCreated();
        })));
        string recorded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "postgresql", "django32_schema.sql"));
        Assert.Equal(Normalize(recorded), Normalize(pg.DumpSchema(name)));
    }

    [SkippableFact]
    public void A_table_without_the_needed_columns_is_refused_with_its_name()
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        string name = pg.CreateDatabase();
        PostgreSqlTokenBlacklistStoreTests.Scalar(pg.ConnectionString(name), "CREATE TABLE token_blacklist_outstandingtoken (id bigserial PRIMARY KEY, jti varchar(255) UNIQUE)");
        using var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(name));
        var e = Assert.Throws<InvalidOperationException>(db.EnsureCreated);
        Assert.Contains("token_blacklist_outstandingtoken", e.Message, StringComparison.Ordinal);
        Assert.Contains("token, created_at, expires_at, user_id", e.Message, StringComparison.Ordinal);
    }
}
