using System;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Binding;

public class BinderTests
{
    private static BoundSettingsView Bind(string text)
    {
        var result = Compile.Text(text);
        Assert.NotNull(result.Settings);
        return new BoundSettingsView(result);
    }

    private sealed record BoundSettingsView(CompilationResult Result)
    {
        public global::DjangoSettings.Generator.Binding.BoundSetting this[string key] => Result.Settings![key];
    }

    [Fact]
    public void New_name_wins_over_legacy_alias_even_when_empty()
    {
        var s = Bind("CORS_ALLOWED_ORIGINS = []\nCORS_ORIGIN_WHITELIST = ['https://a.com']\n");
        var origins = s["CORS_ALLOWED_ORIGINS"];
        Assert.True(origins.IsSet);
        Assert.Equal("CORS_ALLOWED_ORIGINS", origins.WrittenName);
        Assert.Empty(((PySequence)origins.Value).Items);
        var d = s.Result.Diagnostics.Single(x => x.Id == "DJS0106");
        Assert.Equal(2, d.Location.Start.Line);
        Assert.Contains("CORS_ORIGIN_WHITELIST is ignored because CORS_ALLOWED_ORIGINS is also set", d.Message);
    }

    [Fact]
    public void Legacy_alias_alone_is_used_and_reported_as_deprecated()
    {
        var s = Bind("CORS_ORIGIN_ALLOW_ALL = True\n");
        Assert.Equal(new PyBool(true), s["CORS_ALLOW_ALL_ORIGINS"].Value with { Origin = null, DefinedAt = null });
        Assert.Equal("CORS_ORIGIN_ALLOW_ALL", s["CORS_ALLOW_ALL_ORIGINS"].WrittenName);
        var d = s.Result.Diagnostics.Single(x => x.Id == "DJS0107");
        Assert.Equal(SettingsSeverity.Info, d.Severity);
        Assert.Contains("use CORS_ALLOW_ALL_ORIGINS", d.Message);
    }

    [Fact]
    public void Unset_settings_take_the_library_defaults()
    {
        var s = Bind("X = 1\n");
        Assert.False(s["CORS_ALLOW_HEADERS"].IsSet);
        Assert.Equal(new[] { "accept", "authorization", "content-type", "user-agent", "x-csrftoken", "x-requested-with" },
            ((PySequence)s["CORS_ALLOW_HEADERS"].Value).Items.Select(i => ((PyStr)i).Value));
        Assert.Equal(86400, ((PyInt)s["CORS_PREFLIGHT_MAX_AGE"].Value).Value);
        Assert.Equal(5L * 60 * 1_000_000, ((PyTimeDelta)s["SIMPLE_JWT.ACCESS_TOKEN_LIFETIME"].Value).Microseconds);
    }

    [Fact]
    public void Origins_given_a_bool_suggest_allow_all()
    {
        var d = Compile.Single("CORS_ALLOWED_ORIGINS = True\n", "DJS0206");
        Assert.Equal(SettingsSeverity.Error, d.Severity);
        Assert.Equal("CORS_ALLOWED_ORIGINS should be a sequence of strings (corsheaders.E006): expected a list of origins, found bool (True); did you mean CORS_ALLOW_ALL_ORIGINS = True?", d.Message);
        Assert.Equal((1, 24), (d.Location.Start.Line, d.Location.Start.Column));
    }

    [Theory]
    [InlineData("CORS_ALLOW_HEADERS = 'x-token'\n", "DJS0231", 1, 22)]
    [InlineData("CORS_ALLOW_METHODS = {'GET'}\n", "DJS0202", 1, 22)]
    [InlineData("CORS_ALLOW_CREDENTIALS = 1\n", "DJS0203", 1, 26)]
    [InlineData("CORS_PREFLIGHT_MAX_AGE = '600'\n", "DJS0204", 1, 26)]
    [InlineData("CORS_PREFLIGHT_MAX_AGE = -1\n", "DJS0204", 1, 26)]
    [InlineData("CORS_ORIGIN_ALLOW_ALL = 'yes'\n", "DJS0205", 1, 25)]
    [InlineData("CORS_ALLOWED_ORIGIN_REGEXES = r'^https://a\\.com$'\n", "DJS0231", 1, 31)]
    [InlineData("CORS_EXPOSE_HEADERS = 5\n", "DJS0208", 1, 23)]
    [InlineData("CORS_URLS_REGEX = ['^/api/']\n", "DJS0209", 1, 19)]
    [InlineData("CORS_MODEL = 'app.Model'\n", "DJS0210", 1, 1)]
    [InlineData("CORS_REPLACE_HTTPS_REFERER = False\n", "DJS0211", 1, 1)]
    [InlineData("CORS_ALLOW_PRIVATE_NETWORK = 'True'\n", "DJS0214", 1, 30)]
    [InlineData("SIMPLE_JWT = {'ACCESS_TOKEN_LIFETIME': 300}\n", "DJS0100", 1, 40)]
    [InlineData("SIMPLE_JWT = ('a', 'b')\n", "DJS0108", 1, 14)]
    [InlineData("SIMPLE_JWT = {'SECRET_KEY': 'x'}\n", "DJS0301", 1, 15)]
    [InlineData("CORS_ALLOW_ALL_ORIGINS: True\n", "DJS0103", 1, 23)]
    public void Wrong_types_are_reported_at_the_value(string text, string id, int line, int column)
    {
        var d = Compile.Single(text, id);
        Assert.Equal((line, column), (d.Location.Start.Line, d.Location.Start.Column));
        Assert.Equal(SettingsSeverity.Error, d.Severity);
    }

    [Fact]
    public void Timedelta_given_an_int_suggests_seconds()
    {
        var d = Compile.Single("SIMPLE_JWT = {'ACCESS_TOKEN_LIFETIME': 300}\n", "DJS0100");
        Assert.Contains("expected a timedelta, for example timedelta(minutes=5), found int (300); did you mean timedelta(seconds=300)?", d.Message);
    }

    [Theory]
    [InlineData("CORS_ALLOWS_CREDENTIALS = True\n", "DJS0101", "did you mean CORS_ALLOW_CREDENTIALS?")]
    [InlineData("CORS_ALLOWED_HEADERS = ['x']\n", "DJS0101", "did you mean CORS_ALLOW_HEADERS?")]
    [InlineData("SIMPLE_JWT = {'ACCESS_TOKEN_LIFE_TIME': 5}\n", "DJS0102", "did you mean ACCESS_TOKEN_LIFETIME?")]
    [InlineData("SIMPLE_JWT = {'JWT_CLAIM': 'x'}\n", "DJS0102", "is not a SIMPLE_JWT setting")]
    public void Unknown_names_are_warnings_with_a_suggestion(string text, string id, string fragment)
    {
        var d = Compile.Single(text, id);
        Assert.Equal(SettingsSeverity.Warning, d.Severity);
        Assert.Contains(fragment, d.Message);
    }

    [Fact]
    public void A_name_reference_points_at_the_use_and_the_definition()
    {
        var d = Compile.Single("FLAG = 'yes'\nCORS_ALLOW_CREDENTIALS = FLAG\n", "DJS0203");
        Assert.Equal(2, d.Location.Start.Line);
        Assert.Equal(26, d.Location.Start.Column);
        Assert.Single(d.AdditionalLocations);
        Assert.Equal(1, d.AdditionalLocations[0].Start.Line);
    }

    [Fact]
    public void Subscript_assignment_and_update_bind_simple_jwt_keys()
    {
        var s = Bind("from datetime import timedelta\nSIMPLE_JWT = {}\nSIMPLE_JWT['ROTATE_REFRESH_TOKENS'] = True\nSIMPLE_JWT.update({'ACCESS_TOKEN_LIFETIME': timedelta(hours=1)})\n");
        Assert.True(s["SIMPLE_JWT.ROTATE_REFRESH_TOKENS"].IsSet);
        Assert.Equal(3600L * 1_000_000, ((PyTimeDelta)s["SIMPLE_JWT.ACCESS_TOKEN_LIFETIME"].Value).Microseconds);
        Assert.DoesNotContain(s.Result.Diagnostics, d => d.Severity != SettingsSeverity.Info);
    }

    [Fact]
    public void Environment_reads_are_deferred_not_errors()
    {
        var s = Bind("import os\nCORS_ALLOWED_ORIGINS = os.environ.get('ORIGINS', 'https://a.com').split(',')\n");
        Assert.True(s["CORS_ALLOWED_ORIGINS"].IsDeferred);
        Assert.DoesNotContain(s.Result.Diagnostics, d => d.Severity != SettingsSeverity.Info);
    }

    [Fact]
    public void An_undefined_secret_key_in_a_fragment_is_read_from_configuration_at_startup()
    {
        var s = Bind("SIMPLE_JWT = {'SIGNING_KEY': SECRET_KEY}\n");
        var signing = s["SIMPLE_JWT.SIGNING_KEY"];
        Assert.True(signing.IsDeferred);
        Assert.Equal(new[] { "SECRET_KEY" }, ((PyDeferred)signing.Value).EnvironmentKeys);
        Assert.DoesNotContain(s.Result.Diagnostics, d => d.Severity != SettingsSeverity.Info);
    }
}
