using System;
using System.IO;
using System.Threading;
using DjangoSettings.Runtime.Tests.Infrastructure;

namespace DjangoSettings.Scaleout.Tests.Infrastructure;

/// <summary>A redis-server of our own on a free loopback port, no persistence, in a temp folder; stopped by <see cref="Dispose"/>.</summary>
public sealed class ThrowawayRedis : IDisposable
{
    private readonly string _dir;

    private ThrowawayRedis(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>StackExchange.Redis configuration for it (short timeouts so faults show quickly).</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000,connectRetry=1";

    /// <summary>Starts a server.</summary>
    public static ThrowawayRedis Start()
    {
        string dir = Path.Combine(Path.GetTempPath(), "scaleout-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var redis = new ThrowawayRedis(dir, OracleServer.FreePort());
        redis.StartServer();
        return redis;
    }

    /// <summary>Starts the server on <see cref="Port"/> and waits until it answers PING.</summary>
    public void StartServer()
    {
        ServerProcesses.Run(
            $"/usr/bin/redis-server --bind 127.0.0.1 --port {Port} --daemonize yes --pidfile '{_dir}/redis.pid' --logfile '{_dir}/redis.log' --save '' --appendonly no --dir '{_dir}'");
        for (int i = 0; i < 100; i++)
        {
            try
            {
                if (ServerProcesses.Run($"/usr/bin/redis-cli -p {Port} ping").Trim() == "PONG") return;
            }
            catch (InvalidOperationException)
            {
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException("redis-server did not answer PING");
    }

    /// <summary>Stops the server (its data is gone: it keeps none).</summary>
    public void StopServer()
    {
        ServerProcesses.Run($"/usr/bin/redis-cli -p {Port} shutdown nosave || true");
        for (int i = 0; i < 100 && File.Exists(Path.Combine(_dir, "redis.pid")); i++) Thread.Sleep(50);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { StopServer(); } catch (InvalidOperationException) { }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
