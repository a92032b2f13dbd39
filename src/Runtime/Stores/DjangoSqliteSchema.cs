using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Users;

namespace DjangoSettings.Stores;

/// <summary>
/// The DDL Django 3.2's <c>manage.py migrate</c> leaves in SQLite for the user table and simplejwt's
/// blacklist tables, character for character (recorded in tests/Runtime.Tests/Fixtures/sqlite/
/// django32_schema.sql for <c>auth.User</c> and in tests/DjangoProjects/fixtures for custom user
/// models), so a database we create is indistinguishable from one Django migrated. Column order and
/// the integer/bigint mix are what Django's table rebuilds produce; the outstanding token's
/// <c>user_id</c> takes the type of a key to the user model's primary key (<c>rel_db_type</c>).
/// </summary>
internal static class DjangoSqliteSchema
{
    public const string OutstandingTable = "token_blacklist_outstandingtoken";
    public const string BlacklistedTable = "token_blacklist_blacklistedtoken";

    // auth_user as auth's migrations leave it (0001 plus the alterations up to 0012, whose table
    // rebuilds moved first_name to the end).
    private const string AuthUserDdl =
        "CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"password\" varchar(128) NOT NULL, \"last_login\" datetime NULL, \"is_superuser\" bool NOT NULL, \"username\" varchar(150) NOT NULL UNIQUE, \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" bool NOT NULL, \"is_active\" bool NOT NULL, \"date_joined\" datetime NOT NULL, \"first_name\" varchar(150) NOT NULL)";

    /// <summary>A table, the statements that create it (table, then its indexes), and the columns we use.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Statements, IReadOnlyList<string> Columns);

    /// <summary>The tables for <paramref name="model"/>, in Django's sqlite_master order.</summary>
    public static IReadOnlyList<Table> Tables(DjangoUserModel model)
    {
        var users = new DjangoUserTable(model, DjangoSqlDialect.Sqlite);
        var pk = model.PrimaryKey;
        IReadOnlyList<string> userStatements = model.Label == "auth.User" && users.Name == "auth_user"
            ? new[] { AuthUserDdl }
            : users.CreateStatements();
        return new[]
        {
            new Table(users.Name, userStatements, model.Fields.Select(f => f.Column).ToArray()),
            new Table(
                BlacklistedTable,
                new[]
                {
                    "CREATE TABLE \"token_blacklist_blacklistedtoken\" (\"blacklisted_at\" datetime NOT NULL, \"token_id\" bigint NOT NULL UNIQUE REFERENCES \"token_blacklist_outstandingtoken\" (\"id\") DEFERRABLE INITIALLY DEFERRED, \"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT)",
                },
                new[] { "id", "blacklisted_at", "token_id" }),
            new Table(
                OutstandingTable,
                new[]
                {
                    "CREATE TABLE \"token_blacklist_outstandingtoken\" (\"token\" text NOT NULL, \"created_at\" datetime NULL, \"expires_at\" datetime NOT NULL, " +
                    $"\"user_id\" {DjangoColumnTypes.ReferenceTo(pk, DjangoSqlDialect.Sqlite)} NULL REFERENCES {users.Quoted} ({DjangoColumnTypes.Quote(pk.Column)}) DEFERRABLE INITIALLY DEFERRED, " +
                    "\"jti\" varchar(255) NOT NULL UNIQUE, \"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT)",
                    "CREATE INDEX \"token_blacklist_outstandingtoken_user_id_83bc629a\" ON \"token_blacklist_outstandingtoken\" (\"user_id\")",
                },
                new[] { "id", "token", "created_at", "expires_at", "user_id", "jti" }),
        };
    }
}
