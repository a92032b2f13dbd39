using System;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Stores;

/// <summary>
/// Which database backs the stores, chosen from the settings file's <c>DATABASES['default']</c>:
/// a SQLite file for <c>django.db.backends.sqlite3</c> (NAME relative to the content root); for
/// <c>django.db.backends.postgresql</c> the connection string <c>ConnectionStrings:Default</c> when set,
/// else one built from NAME, USER, PASSWORD, HOST and PORT; for any other engine
/// <c>ConnectionStrings:Default</c> from configuration.
/// </summary>
public sealed record DatabaseSelection
{
    /// <summary>Django's SQLite backend.</summary>
    public const string SqliteEngine = "django.db.backends.sqlite3";

    /// <summary>Django's PostgreSQL backend (served by the DjangoSettings.Runtime.PostgreSql package).</summary>
    public const string PostgreSqlEngine = "django.db.backends.postgresql";

    /// <summary>The socket directory libpq (and so Django) uses on Debian when HOST is empty.</summary>
    public const string DefaultPostgreSqlSocketDirectory = "/var/run/postgresql";

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

    /// <summary>Whether the settings name Django's PostgreSQL backend (<see cref="ConnectionString"/> is then an Npgsql connection string).</summary>
    public bool IsPostgreSql => Engine == PostgreSqlEngine;

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
        => Select(engine, name, contentRoot, configuration, null);

    /// <summary>
    /// Chooses the database as <see cref="Select(string?, string?, string, IConfiguration)"/> does, and for
    /// <see cref="PostgreSqlEngine"/> without <c>ConnectionStrings:Default</c> builds the connection string
    /// from <paramref name="connection"/> (USER, PASSWORD, HOST, PORT) and NAME, as Django's backend hands
    /// them to libpq: an empty HOST means the local socket directory, an empty PORT the default 5432.
    /// </summary>
    /// <param name="engine"><c>DATABASES['default']['ENGINE']</c>, or null when absent.</param>
    /// <param name="name"><c>DATABASES['default']['NAME']</c>, or null when absent.</param>
    /// <param name="contentRoot">The directory relative NAMEs resolve against (the app's content root).</param>
    /// <param name="configuration">Where <c>ConnectionStrings:Default</c> is read.</param>
    /// <param name="connection">USER, PASSWORD, HOST and PORT of <c>DATABASES['default']</c>, or null.</param>
    /// <exception cref="DatabaseConfigurationException">A setting cannot be used.</exception>
    public static DatabaseSelection Select(string? engine, string? name, string contentRoot, IConfiguration configuration, DatabaseConnectionSettings? connection)
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
        if (engine == PostgreSqlEngine && connectionString is null)
        {
            return new DatabaseSelection(engine, null, PostgreSqlConnectionString(name, connection));
        }
        if (connectionString is null)
        {
            throw new DatabaseConfigurationException(
                $"DATABASES['default']['ENGINE'] is '{engine}', which is not SQLite: set the connection string " +
                $"'ConnectionStrings:{ConnectionStringName}' (e.g. environment variable ConnectionStrings__{ConnectionStringName}) for it.");
        }
        return new DatabaseSelection(engine, null, connectionString);
    }

    private static string PostgreSqlConnectionString(string? name, DatabaseConnectionSettings? connection)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new DatabaseConfigurationException(
                $"DATABASES['default']['NAME'] is required with ENGINE '{PostgreSqlEngine}' (Django: \"Please supply the NAME value.\"), or set ConnectionStrings:{ConnectionStringName}.");
        }
        string port = connection?.Port ?? "";
        if (port.Length > 0 && !int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw new DatabaseConfigurationException($"DATABASES['default']['PORT'] = '{port}' is not a port number.");
        }
        // Keyword=value pairs Npgsql understands, quoted by the framework's builder (no Npgsql reference here).
        var builder = new System.Data.Common.DbConnectionStringBuilder
        {
            ["Host"] = string.IsNullOrEmpty(connection?.Host) ? DefaultPostgreSqlSocketDirectory : connection!.Host,
            ["Database"] = name,
        };
        if (port.Length > 0) builder["Port"] = port;
        if (!string.IsNullOrEmpty(connection?.User)) builder["Username"] = connection!.User;
        if (!string.IsNullOrEmpty(connection?.Password)) builder["Password"] = connection!.Password;
        return builder.ConnectionString;
    }
}
