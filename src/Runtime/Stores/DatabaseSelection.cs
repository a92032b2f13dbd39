using System;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Stores;

/// <summary>
/// Which database backs the stores, chosen from the settings file's <c>DATABASES['default']</c>:
/// a SQLite file for <c>django.db.backends.sqlite3</c> (NAME relative to the content root), otherwise
/// the connection string <c>ConnectionStrings:Default</c> from configuration.
/// </summary>
public sealed record DatabaseSelection
{
    /// <summary>Django's SQLite backend.</summary>
    public const string SqliteEngine = "django.db.backends.sqlite3";

    /// <summary>The file name Django's <c>startproject</c> uses, taken when the settings name no database.</summary>
    public const string DefaultSqliteName = "db.sqlite3";

    /// <summary>The configuration key of the fallback connection string (<c>ConnectionStrings:Default</c>).</summary>
    public const string ConnectionStringName = "Default";

    private DatabaseSelection(string engine, string? sqlitePath, string? connectionString)
    {
        Engine = engine;
        SqlitePath = sqlitePath;
        ConnectionString = connectionString;
    }

    /// <summary>The settings' ENGINE, or "" when the settings define no database.</summary>
    public string Engine { get; }

    /// <summary>The absolute path of the SQLite file, when <see cref="IsSqlite"/>.</summary>
    public string? SqlitePath { get; }

    /// <summary><c>ConnectionStrings:Default</c>, when the database is not SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>Whether the stores use the SQLite file <see cref="SqlitePath"/>.</summary>
    public bool IsSqlite => SqlitePath is not null;

    /// <summary>
    /// Chooses the database. SQLite when <paramref name="engine"/> is <see cref="SqliteEngine"/>;
    /// otherwise <c>ConnectionStrings:Default</c>; with no ENGINE and no connection string, Django's
    /// default <c>db.sqlite3</c> in the content root.
    /// </summary>
    /// <param name="engine"><c>DATABASES['default']['ENGINE']</c>, or null when absent.</param>
    /// <param name="name"><c>DATABASES['default']['NAME']</c>, or null when absent.</param>
    /// <param name="contentRoot">The directory relative NAMEs resolve against (the app's content root).</param>
    /// <param name="configuration">Where <c>ConnectionStrings:Default</c> is read.</param>
    /// <exception cref="DatabaseConfigurationException">A non-SQLite ENGINE without a connection string, or an unusable SQLite NAME.</exception>
    public static DatabaseSelection Select(string? engine, string? name, string contentRoot, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(configuration);
        string? connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = null;

        if (engine == SqliteEngine)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new DatabaseConfigurationException(
                    $"DATABASES['default']['NAME'] is required with ENGINE '{SqliteEngine}' (Django: \"Please supply the NAME value.\").");
            }
            if (name == ":memory:" || name.StartsWith("file:", StringComparison.Ordinal))
            {
                throw new DatabaseConfigurationException(
                    $"DATABASES['default']['NAME'] = '{name}' is an in-memory or URI SQLite database; the token blacklist and users need a database file.");
            }
            return new DatabaseSelection(engine, Path.GetFullPath(Path.Combine(contentRoot, name)), null);
        }
        if (string.IsNullOrEmpty(engine))
        {
            return connectionString is not null
                ? new DatabaseSelection("", null, connectionString)
                : new DatabaseSelection("", Path.GetFullPath(Path.Combine(contentRoot, DefaultSqliteName)), null);
        }
        if (connectionString is null)
        {
            throw new DatabaseConfigurationException(
                $"DATABASES['default']['ENGINE'] is '{engine}', which is not SQLite: set the connection string " +
                $"'ConnectionStrings:{ConnectionStringName}' (e.g. environment variable ConnectionStrings__{ConnectionStringName}) for it.");
        }
        return new DatabaseSelection(engine, null, connectionString);
    }
}
