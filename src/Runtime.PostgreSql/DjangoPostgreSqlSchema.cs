using System.Collections.Generic;

namespace DjangoSettings.PostgreSql;

/// <summary>
/// The DDL that leaves PostgreSQL in the state Django 3.2's <c>manage.py migrate</c> (auth + simplejwt's
/// token_blacklist up to 0012) leaves it: same column order and types, serial/bigserial keys, the
/// constraint and index names the migrations' renames produce, deferred foreign keys. Checked by
/// comparing <c>pg_dump -s</c> of both (tests/Scaleout.Tests/Fixtures/postgresql/django32_schema.sql
/// is the dump of a database the real Django migrated).
/// </summary>
internal static class DjangoPostgreSqlSchema
{
    public const string UserTable = "auth_user";
    public const string OutstandingTable = "token_blacklist_outstandingtoken";
    public const string BlacklistedTable = "token_blacklist_blacklistedtoken";

    /// <summary>A table, the statements that create it, and the columns the stores use.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Statements, IReadOnlyList<string> Columns);

    /// <summary>In dependency order (foreign keys point backwards).</summary>
    public static IReadOnlyList<Table> Tables { get; } = new[]
    {
        new Table(
            UserTable,
            new[]
            {
                "CREATE TABLE \"auth_user\" (\"id\" serial NOT NULL PRIMARY KEY, \"password\" varchar(128) NOT NULL, \"last_login\" timestamp with time zone NULL, \"is_superuser\" boolean NOT NULL, \"username\" varchar(150) NOT NULL UNIQUE, \"first_name\" varchar(150) NOT NULL, \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" boolean NOT NULL, \"is_active\" boolean NOT NULL, \"date_joined\" timestamp with time zone NOT NULL)",
                "CREATE INDEX \"auth_user_username_6821ab7c_like\" ON \"auth_user\" (\"username\" varchar_pattern_ops)",
            },
            new[] { "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active", "date_joined" }),
        new Table(
            OutstandingTable,
            new[]
            {
                "CREATE TABLE \"token_blacklist_outstandingtoken\" (\"id\" bigserial NOT NULL PRIMARY KEY, \"token\" text NOT NULL, \"created_at\" timestamp with time zone NULL, \"expires_at\" timestamp with time zone NOT NULL, \"user_id\" integer NULL, \"jti\" varchar(255) NOT NULL, CONSTRAINT \"token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_uniq\" UNIQUE (\"jti\"))",
                "CREATE INDEX \"token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_like\" ON \"token_blacklist_outstandingtoken\" (\"jti\" varchar_pattern_ops)",
                "CREATE INDEX \"token_blacklist_outstandingtoken_user_id_83bc629a\" ON \"token_blacklist_outstandingtoken\" (\"user_id\")",
                "ALTER TABLE \"token_blacklist_outstandingtoken\" ADD CONSTRAINT \"token_blacklist_outs_user_id_83bc629a_fk_auth_user\" FOREIGN KEY (\"user_id\") REFERENCES \"auth_user\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
            },
            new[] { "id", "token", "created_at", "expires_at", "user_id", "jti" }),
        new Table(
            BlacklistedTable,
            new[]
            {
                "CREATE TABLE \"token_blacklist_blacklistedtoken\" (\"id\" bigserial NOT NULL PRIMARY KEY, \"blacklisted_at\" timestamp with time zone NOT NULL, \"token_id\" bigint NOT NULL UNIQUE)",
                "ALTER TABLE \"token_blacklist_blacklistedtoken\" ADD CONSTRAINT \"token_blacklist_blacklistedtoken_token_id_3cc7fe56_fk\" FOREIGN KEY (\"token_id\") REFERENCES \"token_blacklist_outstandingtoken\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
            },
            new[] { "id", "blacklisted_at", "token_id" }),
    };
}
