using System;
using DjangoSettings.Settings;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Hosting;

/// <summary>What <c>os.environ[...]</c> sees at startup, through the host's configuration.</summary>
public sealed class ConfigurationEnvironmentTests
{
    [Fact]
    public void A_variable_with_a_double_underscore_is_found_under_the_name_the_file_reads()
    {
        // The environment-variables provider stores DJS_CFGENV_DB__HOST as DJS_CFGENV_DB:HOST.
        string name = "DJS_CFGENV_" + Guid.NewGuid().ToString("N") + "__HOST";
        Environment.SetEnvironmentVariable(name, "db.internal");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var environment = new ConfigurationEnvironment(configuration, AppContext.BaseDirectory);

            Assert.Equal("db.internal", environment.GetVariable(name));
            Assert.Null(environment.GetVariable(name.Replace("__HOST", "__PORT", StringComparison.Ordinal)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void The_file_spelling_wins_over_the_provider_spelling()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>("A__B", "literal"),
            new System.Collections.Generic.KeyValuePair<string, string?>("A:B", "section"),
        }).Build();
        var environment = new ConfigurationEnvironment(configuration, AppContext.BaseDirectory);

        Assert.Equal("literal", environment.GetVariable("A__B"));
        Assert.Equal("section", environment.GetVariable("A:B"));
    }
}
