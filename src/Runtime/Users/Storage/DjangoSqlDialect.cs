namespace DjangoSettings.Users;

/// <summary>The databases whose Django schema the built-in stores speak.</summary>
internal enum DjangoSqlDialect
{
    Sqlite,
    PostgreSql,
}
