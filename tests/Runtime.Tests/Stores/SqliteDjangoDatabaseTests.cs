using System;
using System.IO;
using System.Linq;
using DjangoSettings.Stores;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Stores;

public class SqliteDjangoDatabaseTests
{
    private const string OurTables = "('auth_user', 'token_blacklist_outstandingtoken', 'token_blacklist_blacklistedtoken')";

    private static string[] RecordedDdl() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sqlite", "django32_schema.sql"))
            .Where(l => l.Length > 0)
            .Select(l => l.TrimEnd(';'))
            .ToArray();

    private static string[] Ddl(TempDatabase db)
    {
        using var c = db.Open();
        return TempDatabase.Rows(c, $"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN {OurTables} ORDER BY rowid")
            .Select(r => (string)r[0]!).ToArray();
    }

    private static string[] AllObjects(TempDatabase db)
    {
        using var c = db.Open();
        return TempDatabase.Rows(c, "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY rowid")
            .Select(r => (string)r[0]!).ToArray();
    }

    [Fact]
    public void Creates_exactly_the_DDL_Django_32_migrate_creates()
    {
        using var db = new TempDatabase();
        db.Database.EnsureCreated();
        string[] recorded = RecordedDdl();
        Assert.Equal(4, recorded.Length);
        Assert.Equal(recorded, Ddl(db));
    }

    [Fact]
    public void Adds_no_other_tables_and_is_idempotent()
    {
        using var db = new TempDatabase();
        db.Database.EnsureCreated();
        string[] first = AllObjects(db);
        db.Database.EnsureCreated();
        new SqliteDjangoDatabase(db.FilePath).EnsureCreated();
        Assert.Equal(first, AllObjects(db));
        using var c = db.Open();
        var tables = TempDatabase.Rows(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => (string)r[0]!);
        // sqlite_sequence is SQLite's own bookkeeping for AUTOINCREMENT; Django's databases have it too.
        Assert.Equal(new[] { "auth_user", "sqlite_sequence", "token_blacklist_blacklistedtoken", "token_blacklist_outstandingtoken" }, tables);
    }

    [Fact]
    public void Leaves_the_journal_mode_alone()
    {
        using var db = new TempDatabase();
        db.Database.EnsureCreated();
        Assert.Equal("delete", db.Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public void Keeps_existing_tables_and_rows_and_adds_only_the_missing_ones()
    {
        using var db = new TempDatabase();
        string userDdl = RecordedDdl()[0];
        using (var c = db.Open())
        {
            using var create = c.CreateCommand();
            create.CommandText = userDdl + "; INSERT INTO auth_user (password, is_superuser, username, last_name, email, is_staff, is_active, date_joined, first_name) " +
                "VALUES ('!x', 0, 'kept', '', '', 0, 1, '2020-01-01 00:00:00', '')";
            create.ExecuteNonQuery();
        }
        db.Database.EnsureCreated();
        Assert.Equal("kept", db.Scalar("SELECT username FROM auth_user WHERE id = 1"));
        Assert.Equal(RecordedDdl(), Ddl(db));
    }

    [Fact]
    public void An_existing_table_without_the_needed_columns_is_a_clear_error()
    {
        using var db = new TempDatabase();
        using (var c = db.Open())
        {
            using var create = c.CreateCommand();
            // A pre-0002 blacklist table (jti was a UUID column named differently back then).
            create.CommandText = "CREATE TABLE token_blacklist_outstandingtoken (id integer PRIMARY KEY, token text, created_at datetime, expires_at datetime, user_id integer)";
            create.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidOperationException>(() => db.Database.EnsureCreated());
        Assert.Contains("token_blacklist_outstandingtoken", e.Message, StringComparison.Ordinal);
        Assert.Contains("jti", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_a_clear_error_naming_the_file()
    {
        using var db = new TempDatabase();
        string path = Path.Combine(db.Folder, "missing", "db.sqlite3");
        var e = Assert.Throws<InvalidOperationException>(() => new SqliteDjangoDatabase(path).EnsureCreated());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("file::memory:?cache=shared")]
    public void In_memory_databases_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new SqliteDjangoDatabase(name));
    }
}
