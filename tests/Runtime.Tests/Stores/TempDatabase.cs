using System;
using System.Collections.Generic;
using System.IO;
using DjangoSettings.Stores;
using Microsoft.Data.Sqlite;

namespace DjangoSettings.Runtime.Tests.Stores;

/// <summary>A real SQLite file in its own temp folder, deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    /// <summary>Creates the folder; the file itself is created by the first connection.</summary>
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "djangosettings-stores-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "db.sqlite3");
        Database = new SqliteDjangoDatabase(FilePath);
    }

    /// <summary>The temp folder.</summary>
    public string Folder { get; }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>The database over the file.</summary>
    public SqliteDjangoDatabase Database { get; }

    /// <summary>A new, unpooled connection for looking at the file from outside the stores.</summary>
    public SqliteConnection Open() => OpenRaw(FilePath);

    /// <summary>An unpooled connection to any SQLite file.</summary>
    public static SqliteConnection OpenRaw(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    /// <summary>Runs a query and returns every row as an array of values.</summary>
    public static List<object?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The first column of the first row.</summary>
    public object? Scalar(string sql)
    {
        using var c = Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
