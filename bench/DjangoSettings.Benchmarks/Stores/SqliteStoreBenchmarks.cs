using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.Data.Sqlite;

namespace DjangoSettings.Benchmarks.Stores;

/// <summary>
/// What waiting for SQLite's lock without a thread (issue 16.1) costs when nobody holds the lock:
/// the user lookup every authenticated request makes, and the one-row write of every login.
/// Baselines: the same statements as the stores ran them before, on Microsoft.Data.Sqlite with
/// SQLite's busy handler blocking the thread (a pooled connection, <c>PRAGMA busy_timeout</c>, one
/// autocommit statement). The database is a file in the temp folder, as db.sqlite3 would be.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SqliteStoreBenchmarks
{
    private const string Columns = "id, username, password, is_active, is_staff, is_superuser, email, first_name, last_name, date_joined, last_login";

    private string _folder = "";
    private string _connectionString = "";
    private SqliteUserStore _users = null!;

    /// <summary>A database with Django's tables and one user.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "djs-bench-sqlite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, "db.sqlite3");
        var database = new SqliteDjangoDatabase(path);
        database.EnsureCreated();
        _users = new SqliteUserStore(database, new DjangoPasswordHasher(iterations: 1));
        _users.CreateUserAsync("alice", "wonderland-123", isSuperuser: false).AsTask().GetAwaiter().GetResult();
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, ForeignKeys = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Removes the database.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Before: the lookup on Microsoft.Data.Sqlite, the thread blocked while the database is locked.</summary>
    [Benchmark(Baseline = true, Description = "user by id, blocking (before)")]
    [BenchmarkCategory("read")]
    public string? ReadBlocking()
    {
        using SqliteConnection connection = OpenBlocking();
        using SqliteCommand query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM auth_user WHERE id = $key";
        query.Parameters.AddWithValue("$key", 1L);
        using SqliteDataReader reader = query.ExecuteReader();
        if (!reader.Read()) return null;
        for (int i = 2; i < 10; i++) _ = reader.GetValue(i);
        return reader.GetString(1);
    }

    /// <summary>After: <see cref="SqliteUserStore.FindByFieldAsync"/> by id (SQLite's API, busy answered by an asynchronous retry).</summary>
    [Benchmark(Description = "user by id, waiting without a thread (after)")]
    [BenchmarkCategory("read")]
    public async Task<string?> ReadWaitingWithoutThread() => (await _users.FindByFieldAsync("id", "1"))?.Username;

    /// <summary>Before: UPDATE last_login in autocommit on Microsoft.Data.Sqlite.</summary>
    [Benchmark(Baseline = true, Description = "last_login update, blocking (before)")]
    [BenchmarkCategory("write")]
    public int WriteBlocking()
    {
        using SqliteConnection connection = OpenBlocking();
        using SqliteCommand update = connection.CreateCommand();
        update.CommandText = "UPDATE auth_user SET last_login = $when WHERE id = $id";
        update.Parameters.AddWithValue("$when", "2026-11-23 14:07:13.099397");
        update.Parameters.AddWithValue("$id", 1L);
        return update.ExecuteNonQuery();
    }

    /// <summary>After: <see cref="SqliteUserStore.UpdateLastLoginAsync"/> (writer queue, BEGIN IMMEDIATE and COMMIT retried asynchronously).</summary>
    [Benchmark(Description = "last_login update, waiting without a thread (after)")]
    [BenchmarkCategory("write")]
    public Task WriteWaitingWithoutThread() => _users.UpdateLastLoginAsync(DjangoUserKey.FromInt64(1, DjangoUserKeyType.Integer), new DateTimeOffset(2026, 11, 23, 14, 7, 13, TimeSpan.Zero)).AsTask();

    private SqliteConnection OpenBlocking()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
