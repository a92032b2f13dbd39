using System.Collections.Generic;

namespace DjangoSettings.Stores;

/// <summary>
/// The DDL Django 3.2's <c>manage.py migrate</c> leaves in SQLite for <c>auth_user</c> and simplejwt's
/// blacklist tables, character for character (recorded in tests/Runtime.Tests/Fixtures/sqlite/
/// django32_schema.sql), so a database we create is indistinguishable from one Django migrated.
/// Column order and the integer/bigint mix are what Django's table rebuilds produce.
/// </summary>
internal static class DjangoSqliteSchema
{
    public const string UserTable = "auth_user";
    public const string OutstandingTable = "token_blacklist_outstandingtoken";
    public const string BlacklistedTable = "token_blacklist_blacklistedtoken";

    /// <summary>A table, the statements that create it (table, then its indexes), and the columns we use.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Statements, IReadOnlyList<string> Columns);

    /// <summary>In Django's sqlite_master order.</summary>
    public static IReadOnlyList<Table> Tables { get; } = new[]
    {
        new Table(
            UserTable,
            new[]
            {
                "CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"password\" varchar(128) NOT NULL, \"last_login\" datetime NULL, \"is_superuser\" bool NOT NULL, \"username\" varchar(150) NOT NULL UNIQUE, \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" bool NOT NULL, \"is_active\" bool NOT NULL, \"date_joined\" datetime NOT NULL, \"first_name\" varchar(150) NOT NULL)",
            },
            new[] { "id", "password", "last_login", "is_superuser", "username", "last_name", "email", "is_staff", "is_active", "date_joined", "first_name" }),
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
                "CREATE TABLE \"token_blacklist_outstandingtoken\" (\"token\" text NOT NULL, \"created_at\" datetime NULL, \"expires_at\" datetime NOT NULL, \"user_id\" integer NULL REFERENCES \"auth_user\" (\"id\") DEFERRABLE INITIALLY DEFERRED, \"jti\" varchar(255) NOT NULL UNIQUE, \"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT)",
                "CREATE INDEX \"token_blacklist_outstandingtoken_user_id_83bc629a\" ON \"token_blacklist_outstandingtoken\" (\"user_id\")",
            },
            new[] { "id", "token", "created_at", "expires_at", "user_id", "jti" }),
    };
}
