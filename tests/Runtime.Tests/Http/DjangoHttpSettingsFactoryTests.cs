using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Http;
using DjangoSettings.Settings;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Http;

/// <summary>
/// MIDDLEWARE and the settings it reads, from a settings file through the settings compiler to
/// <see cref="DjangoHttpSettings"/> (what the generated <c>AddDjangoSettings()</c> registers), with
/// Django's defaults for what the file leaves out.
/// </summary>
public sealed class DjangoHttpSettingsFactoryTests
{
    private static DjangoHttpSettings FromText(string text)
        => SettingsLoader.Load(new[] { ("cors.settings", text) }, new NoEnvironment()).ToHttpSettings();

    [Fact]
    public void An_empty_file_gets_djangos_defaults_and_startprojects_middleware()
    {
        var http = FromText("");
        var defaults = new DjangoHttpSettings();
        Assert.Equal(DjangoHttpSettings.StartProjectMiddleware, http.Middleware);
        Assert.Equal(defaults.Security, http.Security);
        Assert.Empty(http.Hosts.AllowedHosts);
        Assert.False(http.Hosts.Debug);
        Assert.Equal("DENY", http.XFrameOptions);
        Assert.Equal(2_621_440, http.Limits.MaxMemorySize);
        Assert.Equal(1000, http.Limits.MaxNumberFields);
        Assert.True(http.Common.AppendSlash);
    }

    [Fact]
    public void Every_setting_the_pipeline_reads_is_taken_from_the_file()
    {
        var http = FromText("""
            import re
            DEBUG = True
            MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]
            ALLOWED_HOSTS = ["api.example.com", ".example.org"]
            USE_X_FORWARDED_HOST = True
            USE_X_FORWARDED_PORT = True
            APPEND_SLASH = False
            PREPEND_WWW = True
            DISALLOWED_USER_AGENTS = [re.compile(r"BadBot"), re.compile(r"evil", re.I)]
            SECURE_CONTENT_TYPE_NOSNIFF = False
            SECURE_REFERRER_POLICY = ["no-referrer", " strict-origin"]
            SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
            SECURE_HSTS_SECONDS = 3600
            SECURE_HSTS_INCLUDE_SUBDOMAINS = True
            SECURE_HSTS_PRELOAD = True
            SECURE_SSL_REDIRECT = True
            SECURE_SSL_HOST = "secure.example.com"
            SECURE_REDIRECT_EXEMPT = [r"^health/$"]
            SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
            SECURE_BROWSER_XSS_FILTER = True
            X_FRAME_OPTIONS = "SAMEORIGIN"
            DATA_UPLOAD_MAX_MEMORY_SIZE = None
            DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
            """);
        Assert.Equal(["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"], http.Middleware);
        Assert.True(http.Hosts.Debug && http.Hosts.UseXForwardedHost && http.Hosts.UseXForwardedPort);
        Assert.Equal(["api.example.com", ".example.org"], http.Hosts.AllowedHosts);
        Assert.False(http.Common.AppendSlash);
        Assert.True(http.Common.PrependWww);
        Assert.Equal(2, http.Common.DisallowedUserAgents.Count);
        Assert.Equal("BadBot", http.Common.DisallowedUserAgents[0].Pattern);
        Assert.False(http.Security.ContentTypeNosniff);
        Assert.Equal("no-referrer, strict-origin", http.Security.ReferrerPolicy);
        Assert.Equal("same-origin", http.Security.CrossOriginOpenerPolicy);
        Assert.Equal("3600", http.Security.HstsSeconds);
        Assert.True(http.Security.HstsIncludeSubdomains && http.Security.HstsPreload && http.Security.SslRedirect && http.Security.BrowserXssFilter);
        Assert.Equal("secure.example.com", http.Security.SslHost);
        Assert.Equal(["^health/$"], http.Security.RedirectExempt);
        Assert.Equal(("HTTP_X_FORWARDED_PROTO", "https"), http.Security.ProxySslHeader);
        Assert.Equal("SAMEORIGIN", http.XFrameOptions);
        Assert.Null(http.Limits.MaxMemorySize);
        Assert.Equal(10, http.Limits.MaxNumberFields);
    }

    [Theory]
    [InlineData("SECURE_REFERRER_POLICY = ' same-origin ,  strict-origin '", "same-origin,strict-origin")]
    [InlineData("SECURE_REFERRER_POLICY = None", null)]
    [InlineData("SECURE_REFERRER_POLICY = ()", null)]
    public void Referrer_policy_forms_fold_as_django_joins_them(string line, string? header)
    {
        Assert.Equal(header, FromText(line + "\n").Security.ReferrerPolicy);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => DjangoHttpSettingsFactory.FromSettings(new Dictionary<string, object?> { ["APPEND_SLASH"] = "yes" }));
        Assert.StartsWith("APPEND_SLASH must be True or False", error.Message);
        error = Assert.Throws<ArgumentException>(() => DjangoHttpSettingsFactory.FromSettings(new Dictionary<string, object?> { ["ALLOWED_HOSTS"] = "api.example.com" }));
        Assert.StartsWith("ALLOWED_HOSTS must be a list of strings", error.Message);
    }

    [Fact]
    public void Unknown_keys_are_ignored_as_django_ignores_them()
    {
        var http = DjangoHttpSettingsFactory.FromSettings(new Dictionary<string, object?> { ["SOMETHING_ELSE"] = 1 });
        Assert.Equal(DjangoHttpSettings.StartProjectMiddleware, http.Middleware);
    }

    private sealed class NoEnvironment : ISettingsEnvironment
    {
        public string? GetVariable(string key) => null;

        public string? ReadFile(string path) => null;
    }
}
