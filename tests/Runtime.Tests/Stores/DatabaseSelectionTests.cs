using System.Collections.Generic;
using System.IO;
using DjangoSettings.Stores;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Stores;

public class DatabaseSelectionTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "content-root");

    private static IConfiguration Config(string? connectionString = null)
    {
        var values = new Dictionary<string, string?>();
        if (connectionString is not null) values["ConnectionStrings:Default"] = connectionString;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Fact]
    public void Sqlite_engine_selects_the_file_relative_to_the_content_root()
    {
        var selection = DatabaseSelection.Select("django.db.backends.sqlite3", "db.sqlite3", Root, Config("Host=ignored"));
        Assert.True(selection.IsSqlite);
        Assert.Equal(Path.Combine(Root, "db.sqlite3"), selection.SqlitePath);
        Assert.Null(selection.ConnectionString);
        Assert.Equal("django.db.backends.sqlite3", selection.Engine);
    }

    [Fact]
    public void An_absolute_sqlite_name_is_used_as_is()
    {
        string absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "app.db");
        Assert.Equal(absolute, DatabaseSelection.Select("django.db.backends.sqlite3", absolute, Root, Config()).SqlitePath);
    }

    [Fact]
    public void Other_engines_use_the_Default_connection_string()
    {
        var selection = DatabaseSelection.Select("django.db.backends.postgresql", "app", Root, Config("Host=db;Database=app"));
        Assert.False(selection.IsSqlite);
        Assert.Equal("Host=db;Database=app", selection.ConnectionString);
        Assert.Equal("django.db.backends.postgresql", selection.Engine);
    }

    [Fact]
    public void Another_engine_without_a_connection_string_is_a_startup_error_naming_the_engine()
    {
        var e = Assert.Throws<DatabaseConfigurationException>(() => DatabaseSelection.Select("django.db.backends.mysql", "app", Root, Config()));
        Assert.Contains("'django.db.backends.mysql'", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Default", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void No_engine_falls_back_to_the_connection_string_then_to_db_sqlite3()
    {
        Assert.Equal("Host=db", DatabaseSelection.Select(null, null, Root, Config("Host=db")).ConnectionString);
        var embedded = DatabaseSelection.Select(null, null, Root, Config());
        Assert.Equal(Path.Combine(Root, "db.sqlite3"), embedded.SqlitePath);
        Assert.Equal("", embedded.Engine);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(":memory:")]
    [InlineData("file:memdb1?mode=memory&cache=shared")]
    public void Unusable_sqlite_names_are_startup_errors(string? name)
    {
        var e = Assert.Throws<DatabaseConfigurationException>(() => DatabaseSelection.Select("django.db.backends.sqlite3", name, Root, Config()));
        Assert.Contains("NAME", e.Message, System.StringComparison.Ordinal);
    }
}
