using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>Each check, fed a small settings file: what fires, where, and what stays silent.</summary>
public class CheckTests
{
    [Theory]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://a.com/']", "DJS0213@1:25", "should not have path (corsheaders.E014); remove the trailing '/'")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://a.com/app']", "DJS0213@1:25", "should not have path")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://a.com?x=1']", "DJS0213@1:25", "should not have query")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://a.com#f']", "DJS0213@1:25", "should not have fragment")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['localhost:3000']", "DJS0212@1:25", "Origin 'localhost:3000' in CORS_ALLOWED_ORIGINS is missing scheme or netloc (corsheaders.E013)")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://']", "DJS0212@1:25", "missing scheme or netloc")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['*']", "DJS0212@1:25", "'*' is not a wildcard here")]
    [InlineData("CORS_ORIGIN_WHITELIST = ['example.com']", "DJS0212@1:26", "in CORS_ORIGIN_WHITELIST")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['http://localhost:*']", "DJS0227@1:25", "is not a pattern")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://App.Example.com']", "DJS0225@1:25", "write 'https://app.example.com'")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://a.com:443']", "DJS0226@1:25", "write 'https://a.com'")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['http://a.com:80']", "DJS0226@1:25", "write 'http://a.com'")]
    // urlsplit raises ValueError (the runtime's splitter refuses them too): a build error, not a startup failure.
    [InlineData("CORS_ALLOWED_ORIGINS = ['http://[foo]']", "DJS0212@1:25", "urlsplit raises ValueError")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['http://[::1']", "DJS0212@1:25", "urlsplit raises ValueError")]
    [InlineData("CORS_ALLOWED_ORIGINS = ['http://x[::1]']", "DJS0212@1:25", "urlsplit raises ValueError")]
    public void Origin_entries(string text, string expected, string fragment)
    {
        var result = Compile.Text(text + "\n");
        var d = result.Diagnostics.Single(x => $"{x.Id}@{x.Location.Start.Line}:{x.Location.Start.Column}" == expected);
        Assert.Contains(fragment, d.Message);
    }

    [Theory]
    [InlineData("CORS_ALLOWED_ORIGINS = ['https://a.com', 'null', 'file://', 'http://[::1]:8000', 'https://a.com:8443']")]
    [InlineData("import re\nCORS_ALLOWED_ORIGIN_REGEXES = [r'^https://\\w+\\.example\\.com$', re.compile(r'^http://localhost:\\d+$')]")]
    [InlineData("CORS_ALLOW_ALL_ORIGINS = True")]
    [InlineData("CORS_ALLOW_HEADERS = ['authorization', 'x-token']\nSIMPLE_JWT = {}")]
    [InlineData("CORS_ALLOW_HEADERS = ['x-token']")]
    [InlineData("MIDDLEWARE = ['corsheaders.middleware.CorsMiddleware', 'django.middleware.common.CommonMiddleware']")]
    public void Good_settings_give_no_warnings(string text)
    {
        Assert.Empty(Compile.Ids(text + "\n"));
    }

    [Fact]
    public void Duplicate_origin_is_information()
    {
        Assert.Contains("DJS0232@1:42", Compile.Ids("CORS_ALLOWED_ORIGINS = ['https://a.com', 'https://a.com']\n", SettingsSeverity.Info));
    }

    [Fact]
    public void Unanchored_regex_names_an_origin_it_really_admits()
    {
        var d = Compile.Single("CORS_ALLOWED_ORIGIN_REGEXES = [r'^https://app\\.example\\.com']\n", "DJS0222");
        Assert.Contains("also admits 'https://app.example.com.evil.net'", d.Message);
        Assert.Equal(SettingsSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Unescaped_dot_names_an_origin_it_really_admits()
    {
        var d = Compile.Single("CORS_ALLOWED_ORIGIN_REGEXES = [r'^https://app.example\\.com$']\n", "DJS0223");
        Assert.Contains("also admits 'https://appxexample.com'", d.Message);
    }

    [Theory]
    [InlineData("CORS_ALLOWED_ORIGIN_REGEXES = [r'^https://(.*']", "CORS_ALLOWED_ORIGIN_REGEXES")]
    [InlineData("CORS_URLS_REGEX = r'^/api/(?P<x'", "CORS_URLS_REGEX")]
    // Valid Python that the runtime's translator refuses is a build error too, not a startup failure.
    [InlineData("CORS_ALLOWED_ORIGIN_REGEXES = [r'(?a)^https://[a-z]+\\.com$']", "CORS_ALLOWED_ORIGIN_REGEXES")]
    public void Invalid_regex_is_an_error(string text, string setting)
    {
        var d = Compile.Single(text + "\n", "DJS0224");
        Assert.Equal(SettingsSeverity.Error, d.Severity);
        Assert.StartsWith(setting + ": the regular expression", d.Message);
    }

    [Fact]
    public void The_nested_quantifier_of_the_redos_report_gets_the_linear_time_engine_and_only_the_warning_for_Django()
    {
        // Issue 16.5: (a+)+ is a plain regular expression, so the port runs it on
        // RegexOptions.NonBacktracking (no DJS0234); Python's re, in the Django service, does not (DJS0235).
        Assert.Equal(new[] { "DJS0235@1:32" }, Compile.Ids("CORS_ALLOWED_ORIGIN_REGEXES = [r'^https://(a+)+\\.example\\.com$']\n"));
    }

    [Theory]
    [InlineData("CORS_ALLOWED_ORIGIN_REGEXES = [\n    r'^https://app\\.example\\.com$',\n    r'^https://(?!admin\\.)\\w+\\.example\\.com$',\n]", "DJS0234@3:5",
        "CORS_ALLOWED_ORIGIN_REGEXES: the regular expression '^https://(?!admin\\\\.)\\\\w+\\\\.example\\\\.com$' uses a lookahead (?!...) (position 9), which only the backtracking regex engine runs; this port runs it with a 100 ms match timeout, so a hostile Origin header can cost every request up to 100 ms of CPU; write the pattern without the lookaround")]
    [InlineData("CORS_URLS_REGEX = r'^/(?P<v>v[12])/(?P=v)/'", "DJS0234@1:19", "CORS_URLS_REGEX: the regular expression '^/(?P<v>v[12])/(?P=v)/' uses a backreference (?P=v) (position 15)")]
    [InlineData("import re\nCORS_ALLOWED_ORIGIN_REGEXES = [re.compile(r'^https://(?>a+)\\.t$', re.I)]", "DJS0234@2:32", "an atomic group (?>...) (position 9)")]
    [InlineData("CORS_ALLOWED_ORIGIN_REGEXES = [r'^https://a{2000}\\.t$']", "DJS0234@1:32", "counted repetitions too large for the linear-time engine")]
    public void Regex_that_needs_the_backtracking_engine_is_a_warning_at_the_pattern(string text, string expected, string fragment)
    {
        var result = Compile.Text(text + "\n");
        var d = result.Diagnostics.Single(x => $"{x.Id}@{x.Location.Start.Line}:{x.Location.Start.Column}" == expected);
        Assert.Contains(fragment, d.Message);
        if (d.Id == "DJS0234") Assert.Equal(SettingsSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Python_named_groups_are_accepted()
    {
        Assert.Empty(Compile.Ids("CORS_ALLOWED_ORIGIN_REGEXES = [r'^https://(?P<sub>[a-z]+)\\.a\\.com$']\n"));
    }

    [Fact]
    public void Allow_all_with_credentials_and_a_dead_list()
    {
        var ids = Compile.Ids("CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\nCORS_ALLOWED_ORIGINS = ['https://a.com']\n");
        Assert.Equal(new[] { "DJS0220@1:1", "DJS0221@3:1" }, ids);
    }

    [Fact]
    public void Explicit_headers_without_authorization_while_simple_jwt_is_configured()
    {
        Assert.Equal(new[] { "DJS0228@1:1" }, Compile.Ids("CORS_ALLOW_HEADERS = ('accept', 'content-type')\nSIMPLE_JWT = {}\n"));
        // A token in another header does not need authorization.
        Assert.Empty(Compile.Ids("CORS_ALLOW_HEADERS = ('accept', 'x-access-token')\nSIMPLE_JWT = {'AUTH_HEADER_NAME': 'HTTP_X_ACCESS_TOKEN'}\n"));
    }

    [Fact]
    public void Response_headers_listed_as_request_headers()
    {
        Assert.Equal(new[] { "DJS0229@1:40" }, Compile.Ids("CORS_ALLOW_HEADERS = ['authorization', 'Access-Control-Allow-Origin']\n"));
    }

    [Fact]
    public void Cors_middleware_below_common_middleware()
    {
        var ids = Compile.Ids("MIDDLEWARE = [\n    'django.middleware.common.CommonMiddleware',\n    'corsheaders.middleware.CorsMiddleware',\n]\n");
        Assert.Equal(new[] { "DJS0230@3:5" }, ids);
    }

    [Theory]
    [InlineData("SIMPLE_JWT = {'ALGORITHM': 'hs256', 'SIGNING_KEY': 'k' * 40}", "DJS0302", "did you mean HS256?")]
    [InlineData("SIMPLE_JWT = {'ALGORITHM': 'none', 'SIGNING_KEY': 'k' * 40}", "DJS0302", "Unrecognized algorithm type 'none'")]
    [InlineData("SIMPLE_JWT = {'ALGORITHM': 'RS256', 'SIGNING_KEY': 'k' * 40}", "DJS0303", "needs VERIFYING_KEY")]
    [InlineData("SIMPLE_JWT = {'ALGORITHM': 'HS256', 'SIGNING_KEY': 'k' * 40, 'VERIFYING_KEY': 'pem'}", "DJS0304", "ignored with ALGORITHM 'HS256'")]
    [InlineData("from datetime import timedelta\nSIMPLE_JWT = {'SIGNING_KEY': 'k' * 40, 'ACCESS_TOKEN_LIFETIME': timedelta(days=2), 'REFRESH_TOKEN_LIFETIME': timedelta(days=1)}", "DJS0305", "(2 days, 0:00:00) is not shorter than REFRESH_TOKEN_LIFETIME (1 day, 0:00:00)")]
    [InlineData("SIMPLE_JWT = {'SIGNING_KEY': 'k' * 40, 'BLACKLIST_AFTER_ROTATION': True}", "DJS0306", "ROTATE_REFRESH_TOKENS is False")]
    [InlineData("SIMPLE_JWT = {'SIGNING_KEY': 'k' * 40, 'AUTH_HEADER_TYPES': ('Bearer')}", "DJS0307", "('Bearer',)")]
    [InlineData("SIMPLE_JWT = {'SIGNING_KEY': 'short'}", "DJS0310", "5 bytes, shorter than the 32-byte output of HS256")]
    [InlineData("SIMPLE_JWT = {'SIGNING_KEY': 'k' * 40, 'ALGORITHM': 'HS512'}", "DJS0310", "40 bytes, shorter than the 64-byte output of HS512")]
    [InlineData("SIMPLE_JWT = {'SIGNING_KEY': 'k' * 40, 'TOKEN_OBTAIN_SERIALIZER': 'app.serializers.MyTokenSerializer'}", "DJS0116", "ISimpleJwtClaimsProvider")]
    [InlineData("SIMPLE_JWT = {'SIGNING_KEY': 'k' * 40, 'AUTH_TOKEN_CLASSES': ('rest_framework_simplejwt.tokens.RefreshToken',)}", "DJS0311", "AccessToken and/or SlidingToken")]
    [InlineData("SECRET_KEY = 'django-insecure-abc'", "DJS0309", "starts with 'django-insecure-'")]
    [InlineData("SECRET_KEY = 'abc'", "DJS0308", "written literally")]
    public void Simple_jwt_checks(string text, string id, string fragment)
    {
        var d = Compile.Single(text + "\n", id);
        Assert.Contains(fragment, d.Message);
    }

    [Fact]
    public void Signing_key_from_secret_key_is_reported_once()
    {
        var ids = Compile.Ids("SECRET_KEY = 'x' * 50\nSIMPLE_JWT = {'SIGNING_KEY': SECRET_KEY}\n");
        Assert.Equal(new[] { "DJS0308@1:14" }, ids);
    }

    [Fact]
    public void Defaults_are_checked_as_django_sees_them_without_environment()
    {
        var ids = Compile.Ids("import os\nCORS_ALLOWED_ORIGINS = os.environ.get('CORS_ALLOWED_ORIGINS', '').split(',')\n");
        Assert.Single(ids);
        Assert.StartsWith("DJS0233@2:", ids[0]);
        var d = Compile.Single("import os\nCORS_ALLOWED_ORIGINS = os.environ.get('CORS_ALLOWED_ORIGINS', '').split(',')\n", "DJS0233");
        Assert.Contains("(DJS0212): Origin '' in CORS_ALLOWED_ORIGINS is missing scheme or netloc", d.Message);
    }

    [Fact]
    public void A_filtered_environment_list_has_a_good_default()
    {
        Assert.Empty(Compile.Ids("import os\nCORS_ALLOWED_ORIGINS = [o.strip() for o in os.environ.get('X', '').split(',') if o.strip()]\n"));
    }
}
