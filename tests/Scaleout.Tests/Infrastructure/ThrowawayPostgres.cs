using System;
using System.IO;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Npgsql;

namespace DjangoSettings.Scaleout.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL 15 cluster of our own: initdb (trust auth) into a temp folder, pg_ctl start on a free
/// loopback port with the socket in that folder; stopped and deleted by <see cref="Dispose"/>.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _dir;

    private ThrowawayPostgres(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Initialises and starts a cluster.</summary>
    public static ThrowawayPostgres Start()
    {
        string dir = Path.Combine(Path.GetTempPath(), "scaleout-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        if (ServerProcesses.IsRoot) ServerProcesses.Run($"chown postgres '{dir}'");
        ServerProcesses.Run($"{ServerProcesses.PostgresBin}/initdb -D '{dir}/data' -A trust -U postgres --no-sync", asPostgres: true);
        var pg = new ThrowawayPostgres(dir, OracleServer.FreePort());
        pg.StartServer();
        return pg;
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, short timeouts.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "postgres",
        Timeout = 3,
        CommandTimeout = 10,
        MaxPoolSize = 120,
    }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name and returns the name.</summary>
    public string CreateDatabase()
    {
        string name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        create.ExecuteNonQuery();
        return name;
    }

    /// <summary>Runs <c>pg_dump -s</c> of the named tables (the schema, for comparison).</summary>
    public string DumpSchema(string database) => ServerProcesses.Run(
        $"{ServerProcesses.PostgresBin}/pg_dump -h 127.0.0.1 -p {Port} -U postgres -s -t auth_user -t 'token_blacklist_*' {database}");

    /// <summary>Stops the server (fast shutdown), keeping the data.</summary>
    public void StopServer() =>
        ServerProcesses.Run($"{ServerProcesses.PostgresBin}/pg_ctl -D '{_dir}/data' -m fast -w stop", asPostgres: true);

    /// <summary>Starts the server on <see cref="Port"/> and waits until it accepts connections.</summary>
    public void StartServer() =>
        ServerProcesses.Run(
            $"{ServerProcesses.PostgresBin}/pg_ctl -D '{_dir}/data' -l '{_dir}/log' -o \"-c listen_addresses=127.0.0.1 -p {Port} -k '{_dir}' -c max_connections=300 -c fsync=off\" -w start",
            asPostgres: true);

    /// <inheritdoc />
    public void Dispose()
    {
        try { ServerProcesses.Run($"{ServerProcesses.PostgresBin}/pg_ctl -D '{_dir}/data' -m immediate -w stop", asPostgres: true); }
        catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
