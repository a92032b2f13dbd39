using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Users;

namespace DjangoSettings.PostgreSql;

/// <summary>
/// The DDL that leaves PostgreSQL in the state Django 3.2's <c>manage.py migrate</c> (auth or the
/// project's user app, plus simplejwt's token_blacklist up to 0012) leaves it: same column order and
/// types, serial/bigserial keys, the constraint and index names the migrations' renames produce,
/// deferred foreign keys, and the outstanding token's <c>user_id</c> typed as a key to the user
/// model's primary key. Checked by comparing <c>pg_dump -s</c> of both
/// (tests/Scaleout.Tests/Fixtures/postgresql/django32_schema.sql for <c>auth.User</c>,
/// tests/DjangoProjects/fixtures for custom models).
/// </summary>
internal static class DjangoPostgreSqlSchema
{
    public const string OutstandingTable = "token_blacklist_outstandingtoken";
    public const string BlacklistedTable = "token_blacklist_blacklistedtoken";

    // auth_user as auth's migrations leave it (0001 plus the alterations up to 0012).
    private static readonly string[] AuthUserDdl =
    {
        "CREATE TABLE \"auth_user\" (\"id\" serial NOT NULL PRIMARY KEY, \"password\" varchar(128) NOT NULL, \"last_login\" timestamp with time zone NULL, \"is_superuser\" boolean NOT NULL, \"username\" varchar(150) NOT NULL UNIQUE, \"first_name\" varchar(150) NOT NULL, \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" boolean NOT NULL, \"is_active\" boolean NOT NULL, \"date_joined\" timestamp with time zone NOT NULL)",
        "CREATE INDEX \"auth_user_username_6821ab7c_like\" ON \"auth_user\" (\"username\" varchar_pattern_ops)",
    };

    /// <summary>A table, the statements that create it, and the columns the stores use.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Statements, IReadOnlyList<string> Columns);

    /// <summary>The tables for <paramref name="model"/>, in dependency order (foreign keys point backwards).</summary>
    public static IReadOnlyList<Table> Tables(DjangoUserModel model)
    {
        var users = new DjangoUserTable(model, DjangoSqlDialect.PostgreSql);
        var pk = model.PrimaryKey;
        IReadOnlyList<string> userStatements = model.Label == "auth.User" && users.Name == "auth_user" ? AuthUserDdl : users.CreateStatements();
        // Django names the foreign key after both ends: <table>_<column>_<digest>_fk_<target table>_<target column>, shortened to 63.
        string fkName = DjangoNames.IndexName(OutstandingTable, ["user_id"], "_fk_" + users.Name + "_" + pk.Column, DjangoNames.PostgreSqlMaxNameLength);
        var outstanding = new List<string>
        {
            "CREATE TABLE \"token_blacklist_outstandingtoken\" (\"id\" bigserial NOT NULL PRIMARY KEY, \"token\" text NOT NULL, \"created_at\" timestamp with time zone NULL, \"expires_at\" timestamp with time zone NOT NULL, " +
            $"\"user_id\" {DjangoColumnTypes.ReferenceTo(pk, DjangoSqlDialect.PostgreSql)} NULL, \"jti\" varchar(255) NOT NULL, CONSTRAINT \"token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_uniq\" UNIQUE (\"jti\"))",
            "CREATE INDEX \"token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_like\" ON \"token_blacklist_outstandingtoken\" (\"jti\" varchar_pattern_ops)",
            "CREATE INDEX \"token_blacklist_outstandingtoken_user_id_83bc629a\" ON \"token_blacklist_outstandingtoken\" (\"user_id\")",
        };
        if (pk.IsText)
        {
            // A foreign key is indexed, and an indexed text column also gets the pattern-ops index.
            string ops = pk.Type == DjangoFieldType.TextField ? "text_pattern_ops" : "varchar_pattern_ops";
            outstanding.Add($"CREATE INDEX {DjangoColumnTypes.Quote(DjangoNames.IndexName(OutstandingTable, ["user_id"], "_like", DjangoNames.PostgreSqlMaxNameLength))} ON \"token_blacklist_outstandingtoken\" (\"user_id\" {ops})");
        }
        outstanding.Add($"ALTER TABLE \"token_blacklist_outstandingtoken\" ADD CONSTRAINT {DjangoColumnTypes.Quote(fkName)} FOREIGN KEY (\"user_id\") REFERENCES {users.Quoted} ({DjangoColumnTypes.Quote(pk.Column)}) DEFERRABLE INITIALLY DEFERRED");
        return new[]
        {
            new Table(users.Name, userStatements, model.Fields.Select(f => f.Column).ToArray()),
            new Table(OutstandingTable, outstanding, new[] { "id", "token", "created_at", "expires_at", "user_id", "jti" }),
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
}
