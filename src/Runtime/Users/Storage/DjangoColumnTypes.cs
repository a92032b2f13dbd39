using System;

namespace DjangoSettings.Users;

/// <summary>
/// The column types Django 3.2's backends give each field (<c>DatabaseWrapper.data_types</c>) and
/// the types of foreign keys to them (<c>rel_db_type</c>: an auto field's key is referenced as a
/// plain integer of its width).
/// </summary>
internal static class DjangoColumnTypes
{
    /// <summary>The field's column type, as in Django's CREATE TABLE.</summary>
    public static string Of(DjangoUserField field, DjangoSqlDialect dialect) => (field.Type, dialect) switch
    {
        (DjangoFieldType.AutoField, DjangoSqlDialect.Sqlite) => "integer",
        (DjangoFieldType.BigAutoField, DjangoSqlDialect.Sqlite) => "integer",
        (DjangoFieldType.SmallAutoField, DjangoSqlDialect.Sqlite) => "integer",
        (DjangoFieldType.AutoField, _) => "serial",
        (DjangoFieldType.BigAutoField, _) => "bigserial",
        (DjangoFieldType.SmallAutoField, _) => "smallserial",
        (DjangoFieldType.IntegerField, _) => "integer",
        (DjangoFieldType.BigIntegerField, _) => "bigint",
        (DjangoFieldType.SmallIntegerField, _) => "smallint",
        (DjangoFieldType.CharField, _) => $"varchar({field.MaxLength})",
        (DjangoFieldType.TextField, _) => "text",
        (DjangoFieldType.UuidField, DjangoSqlDialect.Sqlite) => "char(32)",
        (DjangoFieldType.UuidField, _) => "uuid",
        (DjangoFieldType.BooleanField, DjangoSqlDialect.Sqlite) => "bool",
        (DjangoFieldType.BooleanField, _) => "boolean",
        (DjangoFieldType.DateTimeField, DjangoSqlDialect.Sqlite) => "datetime",
        (DjangoFieldType.DateTimeField, _) => "timestamp with time zone",
        (DjangoFieldType.DateField, _) => "date",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "no column type"),
    };

    /// <summary>The type of a foreign key column pointing at <paramref name="target"/> (<c>rel_db_type</c>).</summary>
    public static string ReferenceTo(DjangoUserField target, DjangoSqlDialect dialect) => target.Type switch
    {
        DjangoFieldType.AutoField => "integer",
        DjangoFieldType.BigAutoField => "bigint",
        DjangoFieldType.SmallAutoField => "smallint",
        _ => Of(target, dialect),
    };

    /// <summary>
    /// Django's column definition inside CREATE TABLE: <c>"name" type NULL|NOT NULL</c> then
    /// <c>PRIMARY KEY</c> (SQLite auto fields: <c>PRIMARY KEY AUTOINCREMENT</c>) or <c>UNIQUE</c>.
    /// </summary>
    public static string ColumnDefinition(DjangoUserField field, DjangoSqlDialect dialect)
    {
        string sql = Quote(field.Column) + " " + Of(field, dialect) + (field.Null ? " NULL" : " NOT NULL");
        if (field.PrimaryKey)
        {
            sql += " PRIMARY KEY";
            if (field.IsAuto && dialect == DjangoSqlDialect.Sqlite) sql += " AUTOINCREMENT";
        }
        else if (field.Unique)
        {
            sql += " UNIQUE";
        }
        return sql;
    }

    /// <summary>A double-quoted identifier (Django quotes every name it writes).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
