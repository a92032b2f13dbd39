using System;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DjangoSettings.Stores;

/// <summary>
/// One prepared statement on SQLite's own API, for the stores' reads. Microsoft.Data.Sqlite answers
/// a locked database by sleeping on the calling thread (150 ms at a time, for at least a second);
/// here a locked database is reported at once (<see cref="SqliteException"/> with SQLITE_BUSY) so
/// the caller can wait without a thread (<see cref="SqliteDjangoDatabase.ReadAsync{T}"/>). Text is
/// bound and read as UTF-8 with its length, so a NUL inside a value is kept, as
/// Microsoft.Data.Sqlite keeps it.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    private SqliteStatement(sqlite3 db, sqlite3_stmt stmt)
    {
        _db = db;
        _stmt = stmt;
    }

    public static SqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        sqlite3 db = connection.Handle!;
        int rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt stmt);
        if (rc != raw.SQLITE_OK)
        {
            stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        return new SqliteStatement(db, stmt ?? throw new ArgumentException("No statement in the SQL text.", nameof(sql)));
    }

    public SqliteStatement Bind(string name, string value)
    {
        Check(raw.sqlite3_bind_text(_stmt, Index(name), Encoding.UTF8.GetBytes(value)));
        return this;
    }

    public SqliteStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(_stmt, Index(name), value));
        return this;
    }

    /// <summary>Binds a value as Microsoft.Data.Sqlite would: text, integer, real, blob, or NULL.</summary>
    public SqliteStatement Bind(string name, object? value)
    {
        switch (value)
        {
            case null: Check(raw.sqlite3_bind_null(_stmt, Index(name))); return this;
            case string s: return Bind(name, s);
            case long l: return Bind(name, l);
            case int i: return Bind(name, i);
            case bool b: return Bind(name, b ? 1L : 0L);
            case double d: Check(raw.sqlite3_bind_double(_stmt, Index(name), d)); return this;
            case byte[] bytes: Check(raw.sqlite3_bind_blob(_stmt, Index(name), bytes)); return this;
            default: throw new ArgumentException($"A {value.GetType().Name} cannot be bound to SQLite.", nameof(value));
        }
    }

    /// <summary>Runs to the next row: true with a row, false when done; a busy database throws SQLITE_BUSY.</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public string GetString(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_stmt, column));

    /// <summary>The column's value by its storage class, as <see cref="SqliteDataReader.GetValue"/> gives it (null for NULL).</summary>
    public object? GetValue(int column) => raw.sqlite3_column_type(_stmt, column) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_stmt, column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_stmt, column),
        raw.SQLITE_TEXT => GetString(column),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(_stmt, column).ToArray(),
        _ => null,
    };

    public void Dispose() => _stmt.Dispose();

    private int Index(string name)
    {
        int index = raw.sqlite3_bind_parameter_index(_stmt, name);
        if (index == 0) throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
        return index;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
