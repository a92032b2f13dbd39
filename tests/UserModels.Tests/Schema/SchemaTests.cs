using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.PostgreSql;
using DjangoSettings.Scaleout.Tests.Infrastructure;
using DjangoSettings.Stores;
using DjangoSettings.UserModels.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Schema;

/// <summary>
/// The tables the runtime creates for each test project are the ones Django's migrate creates
/// (user table and token_blacklist tables, the outstanding token's user_id typed as the key), on
/// SQLite (sqlite_master text) and PostgreSQL (pg_dump); and a Django-made database is used as is.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SchemaTests
{
    private readonly ServersFixture _servers;

    public SchemaTests(ServersFixture servers) => _servers = servers;

    public static TheoryData<string> Projects => new() { "email_uuid", "bigauto_table", "char_pk" };

    [Theory]
    [MemberData(nameof(Projects))]
    public void SQLite_tables_we_create_are_the_ones_Django_recorded(string name)
    {
        var project = TestProject.Named(name);
        string dir = System.IO.Directory.CreateTempSubdirectory("schema-").FullName;
        try
        {
            string file = System.IO.Path.Combine(dir, "db.sqlite3");
            new SqliteDjangoDatabase(file).EnsureCreated(project.Model);
            string recorded = DjangoProject.Fixture(name, "sqlite.sql");
            Assert.Equal(Lines(recorded), SqliteSchema(file, project.Model.Table));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Projects))]
    public void A_SQLite_database_Django_migrates_now_matches_the_recording_and_is_left_as_it_is(string name)
    {
        var project = TestProject.Named(name);
        using var django = DjangoProject.OnSqlite(name).Migrate();
        string[] before = SqliteSchema(django.SqlitePath!, project.Model.Table);
        Assert.Equal(Lines(DjangoProject.Fixture(name, "sqlite.sql")), before);
        new SqliteDjangoDatabase(django.SqlitePath!).EnsureCreated(project.Model);
        Assert.Equal(before, SqliteSchema(django.SqlitePath!, project.Model.Table));
        SqliteConnection.ClearAllPools();
    }

    [SkippableTheory]
    [MemberData(nameof(Projects))]
    public void PostgreSQL_tables_we_create_are_the_ones_Django_recorded(string name)
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        var project = TestProject.Named(name);
        string database = pg.CreateDatabase();
        using (var db = new PostgreSqlDjangoDatabase(pg.ConnectionString(database))) db.EnsureCreated(project.Model);
        Assert.Equal(Normalize(DjangoProject.Fixture(name, "postgresql.sql")), Normalize(Dump(pg, database, project.Model.TableName(63))));
    }

    [SkippableTheory]
    [MemberData(nameof(Projects))]
    public void A_PostgreSQL_database_Django_migrates_now_matches_ours_and_is_left_as_it_is(string name)
    {
        ThrowawayPostgres pg = _servers.RequirePostgres();
        var project = TestProject.Named(name);
        using var django = DjangoProject.OnPostgres(name, pg).Migrate();
        string database = new Npgsql.NpgsqlConnectionStringBuilder(django.PostgresConnectionString).Database!;
        string before = Normalize(Dump(pg, database, project.Model.Table));
        Assert.Equal(Normalize(DjangoProject.Fixture(name, "postgresql.sql")), before);
        using (var db = new PostgreSqlDjangoDatabase(django.PostgresConnectionString!)) db.EnsureCreated(project.Model);
        Assert.Equal(before, Normalize(Dump(pg, database, project.Model.Table)));
    }

    [Fact]
    public void A_user_table_that_is_not_the_described_model_is_refused_naming_the_columns()
    {
        string dir = System.IO.Directory.CreateTempSubdirectory("schema-").FullName;
        try
        {
            string file = System.IO.Path.Combine(dir, "db.sqlite3");
            // Django's auth_user, then the runtime told the users live in it with project A's fields.
            new SqliteDjangoDatabase(file).EnsureCreated();
            var wrong = DjangoSettings.Users.DjangoUserModel.Create("auth.User", m => m.AbstractUser().Field(DjangoSettings.Users.DjangoUserField.Char("display_name", 100)));
            var e = Assert.Throws<InvalidOperationException>(() => new SqliteDjangoDatabase(file).EnsureCreated(wrong));
            Assert.Contains("auth_user", e.Message, StringComparison.Ordinal);
            Assert.Contains("display_name", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    private static string[] SqliteSchema(string file, string userTable)
    {
        using var connection = new SqliteConnection("Data Source=" + file + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ($u, 'token_blacklist_outstandingtoken', 'token_blacklist_blacklistedtoken') ORDER BY rowid";
        command.Parameters.AddWithValue("$u", userTable);
        var lines = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) lines.Add(reader.GetString(0) + ";");
        return lines.ToArray();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Dump(ThrowawayPostgres pg, string database, string userTable) => ServerProcesses.Run(
        $"{ServerProcesses.PostgresBin}/pg_dump -h 127.0.0.1 -p {pg.Port} -U postgres -s -t '{userTable}' -t 'token_blacklist_*' {database}");

    // pg_dump's session-specific noise: comments, \restrict keys, blank lines.
    private static string Normalize(string dump) => string.Join("\n", dump.Split('\n')
        .Select(l => l.TrimEnd('\r'))
        .Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal) && !Regex.IsMatch(l, @"^\\(un)?restrict ")));
}
