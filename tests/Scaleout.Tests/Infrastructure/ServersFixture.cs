using System;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Scaleout.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster and one redis-server for the whole test collection, started
/// when the binaries are installed and stopped at the end. Tests call <see cref="RequirePostgres"/> /
/// <see cref="RequireRedis"/>: a skip locally when absent, a failure in CI (REQUIRE_SERVICES=1).
/// </summary>
public sealed class ServersFixture : IDisposable
{
    private readonly string? _postgresError;
    private readonly string? _redisError;

    /// <summary>Starts whichever servers are installed.</summary>
    public ServersFixture()
    {
        if (!ServerProcesses.PostgresInstalled) _postgresError = "PostgreSQL 15 server binaries (" + ServerProcesses.PostgresBin + ")";
        else
        {
            try { Postgres = ThrowawayPostgres.Start(); }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.IO.IOException) { _postgresError = "a throwaway PostgreSQL cluster (" + e.Message + ")"; }
        }
        if (!ServerProcesses.RedisInstalled) _redisError = "redis-server (/usr/bin/redis-server)";
        else
        {
            try { Redis = ThrowawayRedis.Start(); }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.IO.IOException) { _redisError = "a throwaway redis-server (" + e.Message + ")"; }
        }
    }

    /// <summary>The cluster, when it started.</summary>
    public ThrowawayPostgres? Postgres { get; }

    /// <summary>The Redis server, when it started.</summary>
    public ThrowawayRedis? Redis { get; }

    /// <summary>Skips (locally) or fails (CI) without PostgreSQL; returns the cluster.</summary>
    public ThrowawayPostgres RequirePostgres()
    {
        Services.Require(Postgres is not null, _postgresError ?? "PostgreSQL");
        return Postgres!;
    }

    /// <summary>Skips (locally) or fails (CI) without Redis; returns the server.</summary>
    public ThrowawayRedis RequireRedis()
    {
        Services.Require(Redis is not null, _redisError ?? "Redis");
        return Redis!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Postgres?.Dispose();
        Redis?.Dispose();
    }
}

/// <summary>The tests sharing <see cref="ServersFixture"/> (run one class at a time: they time concurrency).</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "servers";
}
