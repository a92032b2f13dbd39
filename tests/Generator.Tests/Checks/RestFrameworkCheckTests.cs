using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Emit;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>REST_FRAMEWORK binding and checks (DJS0600-0611).</summary>
public class RestFrameworkCheckTests
{
    [Fact]
    public void Schema_has_every_DRF_key_in_DRFs_order_with_DRFs_default()
    {
        // DjangoReference is written from the installed DRF by extract_reference.py; the defaults are
        // DRF's repr() of DEFAULTS, evaluated here with the settings evaluator.
        Assert.Equal(DjangoReference.RestFrameworkKeys, SettingsSchema.RestFrameworkKeys.ToArray());
        for (int i = 0; i < DjangoReference.RestFrameworkKeys.Length; i++)
        {
            string key = DjangoReference.RestFrameworkKeys[i];
            var def = SettingsSchema.ByKey["REST_FRAMEWORK." + key];
            var drf = Py.Run("X = " + DjangoReference.RestFrameworkDefaultReprs[i] + "\n").Value("X");
            Assert.True(SettingValues.TryConvert(def.Kind, drf, out var expected), key + ": DRF's default does not fit " + def.Kind);
            Assert.True(SettingValues.TryConvert(def.Kind, def.Default!, out var actual), key);
            Assert.Equal(Normalise(expected), Normalise(actual));
        }
    }

    private static object? Normalise(object? value) => value switch
    {
        IReadOnlyList<string> list => string.Join("|", list),
        IReadOnlyDictionary<string, string?> map => string.Join("|", map.Select(p => p.Key + "=" + (p.Value ?? "None"))),
        _ => value,
    };

    [Fact]
    public void The_keys_the_wiring_hands_the_runtime_are_the_keys_the_checks_call_translated()
    {
        // A key in one list and not the other would be either silently dropped or reported wrongly.
        Assert.Equal(
            DjangoSettings.Generator.Checks.DrfPortSupport.TranslatedKeys.OrderBy(k => k, System.StringComparer.Ordinal),
            WiringEmitter.RestFrameworkKeysWired.OrderBy(k => k, System.StringComparer.Ordinal));
        // Every key is either translated, reported as without effect, or reported with what the port does instead.
        var untreated = SettingsSchema.RestFrameworkKeys.Where(k => !DjangoSettings.Generator.Checks.DrfPortSupport.TranslatedKeys.Contains(k)
            && !DjangoSettings.Generator.Checks.DrfPortSupport.InertKeys.ContainsKey(k)
            && !DjangoSettings.Generator.Checks.DrfPortSupport.UntranslatedKeys.ContainsKey(k)).ToList();
        Assert.True(untreated.Count == 0, "REST_FRAMEWORK keys nothing reports: " + string.Join(", ", untreated));
    }

    [Fact]
    public void The_porting_guide_explains_every_key()
    {
        string guide = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "porting-guide.md"));
        int section = guide.IndexOf("## 7. REST_FRAMEWORK, key by key", System.StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/porting-guide.md has no REST_FRAMEWORK section");
        var missing = SettingsSchema.RestFrameworkKeys.Where(k => guide.IndexOf("| `" + k + "` |", section, System.StringComparison.Ordinal) < 0).ToList();
        Assert.True(missing.Count == 0, "keys without a row in the porting guide: " + string.Join(", ", missing));
    }

    [Fact]
    public void Language_settings_bind_with_gettext_marked_names()
    {
        const string text = "from django.utils.translation import gettext_lazy as _\nLANGUAGE_CODE = 'ko-kr'\nUSE_I18N = True\nLANGUAGES = [('ko', _('Korean')), ('en', _('English'))]\n";
        var result = Compile.Text(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= SettingsSeverity.Warning);
        var bound = result.Settings!;
        Assert.Equal("ko-kr", SettingValues.ToClr(bound["LANGUAGE_CODE"]));
        Assert.Equal(new[] { "ko", "en" }, (IReadOnlyList<string>)SettingValues.ToClr(bound["LANGUAGES"])!);
        Assert.Null(SettingValues.ToClr(Compile.Text("DEBUG = False\n").Settings!["LANGUAGES"]));
        var wrong = Compile.Single("LANGUAGES = ['ko', 'en']\n", DiagnosticDescriptors.WrongSettingType.Id);
        Assert.Contains("a list of (language code, name) pairs", wrong.Message);
    }

    [Fact]
    public void A_project_without_REST_FRAMEWORK_gets_no_diagnostics_and_DRFs_defaults()
    {
        var result = Compile.Text("DEBUG = False\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("DJS06"));
    }

    [Fact]
    public void Translated_settings_give_no_diagnostics()
    {
        const string text = """
            REST_FRAMEWORK = {
                'DEFAULT_AUTHENTICATION_CLASSES': (
                    'rest_framework_simplejwt.authentication.JWTAuthentication',
                    'rest_framework.authentication.TokenAuthentication',
                    'rest_framework.authentication.BasicAuthentication',
                ),
                'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],
                'DEFAULT_RENDERER_CLASSES': ['rest_framework.renderers.JSONRenderer'],
                'DEFAULT_PARSER_CLASSES': ['rest_framework.parsers.JSONParser', 'rest_framework.parsers.FormParser'],
                'DEFAULT_THROTTLE_CLASSES': ['rest_framework.throttling.AnonRateThrottle', 'rest_framework.throttling.UserRateThrottle'],
                'DEFAULT_THROTTLE_RATES': {'anon': '3/min', 'user': '1000/day', 'uploads': '5/h'},
                'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.PageNumberPagination',
                'PAGE_SIZE': 10,
                'NUM_PROXIES': 1,
                'UNICODE_JSON': False,
                'TEST_REQUEST_DEFAULT_FORMAT': 'multipart',
                'DATETIME_FORMAT': 'iso-8601',
            }
            """;
        Assert.Empty(Compile.Ids(text + "\n", SettingsSeverity.Info));
    }

    [Theory]
    [InlineData("REST_FRAMEWORK = ['rest_framework.permissions.IsAuthenticated']", "DJS0600@1:18", "REST_FRAMEWORK must be a dict of DRF settings; found list ['rest_framework.permissions.IsAuthenticated'] (DRF fails at the first request)")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_PERMISSIONS_CLASSES': []}", "DJS0601@1:19", "'DEFAULT_PERMISSIONS_CLASSES' is not a REST_FRAMEWORK setting of DRF 3.14 and is ignored; did you mean DEFAULT_PERMISSION_CLASSES?")]
    [InlineData("REST_FRAMEWORK = {'PAGINATE_BY': 10}", "DJS0602@1:19", "The 'PAGINATE_BY' setting has been removed from DRF and is ignored; use PAGE_SIZE")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticate']}", "DJS0603@1:50", "DEFAULT_PERMISSION_CLASSES: 'rest_framework.permissions.IsAuthenticate' is not a class DRF 3.14 or simplejwt ship (Django raises ImportError at the first request); did you mean rest_framework.permissions.IsAuthenticated?")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_AUTHENTICATION_CLASSES': ['accounts.auth.CookieJWTAuthentication']}", "DJS0604@1:54", "DEFAULT_AUTHENTICATION_CLASSES: 'accounts.auth.CookieJWTAuthentication' is a Python class the port cannot run; register its C# counterpart with services.AddDrfComponent(\"accounts.auth.CookieJWTAuthentication\", ...)")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_RENDERER_CLASSES': ['rest_framework.renderers.JSONRenderer', 'rest_framework.renderers.BrowsableAPIRenderer']}", "DJS0605@1:89", "'rest_framework.renderers.BrowsableAPIRenderer' is not served by the port: it still counts for negotiation")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework.authentication.SessionAuthentication']}", "DJS0605@1:54", "the port reads no Django sessions")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.DjangoModelPermissions']}", "DJS0605@1:50", "register an IDrfPermission for it")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.CursorPagination', 'PAGE_SIZE': 5}", "DJS0605@1:47", "CursorPagination's cursors are not ported")]
    [InlineData("REST_FRAMEWORK = {'EXCEPTION_HANDLER': 'core.utils.custom_exception_handler'}", "DJS0606@1:19", "REST_FRAMEWORK['EXCEPTION_HANDLER'] is not translated by the port: errors are answered with the bodies of DRF's default exception_handler")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_FILTER_BACKENDS': ['django_filters.rest_framework.DjangoFilterBackend']}", "DJS0606@1:19", "filter backends act on Django querysets")]
    [InlineData("REST_FRAMEWORK = {'DATETIME_FORMAT': '%Y-%m-%d %H:%M:%S'}", "DJS0606@1:19", "handlers format their own dates")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_THROTTLE_RATES': {'anon': '3/minute', 'user': '10 per day'}}", "DJS0607@1:74", "DEFAULT_THROTTLE_RATES['user'] = '10 per day' is not a rate DRF can parse (ValueError: not enough values to unpack (expected 2, got 1) at the first throttled request)")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_THROTTLE_RATES': {'anon': 'ten/m'}}", "DJS0607@1:54", "(ValueError: invalid literal for int() with base 10: 'ten' at")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_THROTTLE_RATES': {'anon': '10/w'}}", "DJS0607@1:54", "(KeyError: 'w' at")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_THROTTLE_RATES': {'anon': '10/'}}", "DJS0607@1:54", "(IndexError: string index out of range at")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_THROTTLE_CLASSES': ['rest_framework.throttling.UserRateThrottle'], 'DEFAULT_THROTTLE_RATES': {'anon': '3/min'}}", "DJS0608@1:48", "UserRateThrottle is in DEFAULT_THROTTLE_CLASSES but DEFAULT_THROTTLE_RATES has no 'user' entry")]
    [InlineData("REST_FRAMEWORK = {'PAGE_SIZE': 20}", "DJS0609@1:19", "(rest_framework.W001)")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.PageNumberPagination'}", "DJS0610@1:47", "list views are not paginated at all")]
    [InlineData("REST_FRAMEWORK = {'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.LimitOffsetPagination'}", "DJS0610@1:47", "paginates only requests that give ?limit=")]
    [InlineData("REST_FRAMEWORK = {'TEST_REQUEST_DEFAULT_FORMAT': 'json'}", "DJS0611@1:19", "REST_FRAMEWORK['TEST_REQUEST_DEFAULT_FORMAT'] has no effect in the port: it configures DRF's test client")]
    public void Each_check(string text, string expected, string fragment)
    {
        var result = Compile.Text(text + "\n");
        var d = result.Diagnostics.Single(x => $"{x.Id}@{x.Location.Start.Line}:{x.Location.Start.Column}" == expected);
        Assert.Contains(fragment, d.Message);
    }

    [Fact]
    public void Session_authentication_beside_the_csrf_middleware_is_one_warning_that_names_the_csrf_check()
    {
        // Formerly two warnings on the same entry (DJS0403 from the CSRF checks, DJS0605 from DRF's).
        const string text = "MIDDLEWARE = ['django.middleware.csrf.CsrfViewMiddleware']\nREST_FRAMEWORK = {'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework.authentication.SessionAuthentication']}\n";
        var result = Compile.Text(text);
        var d = Assert.Single(result.Diagnostics, x => x.Severity >= SettingsSeverity.Warning);
        Assert.Equal(DiagnosticDescriptors.DrfClassNotServed.Id, d.Id);
        Assert.Equal("2:54", $"{d.Location.Start.Line}:{d.Location.Start.Column}");
        Assert.Contains("the CSRF check it makes for session logins never runs either", d.Message);
        Assert.Contains("antiforgery", d.Message);
    }

    [Fact]
    public void Wrong_types_name_the_key()
    {
        var d = Compile.Single("REST_FRAMEWORK = {'PAGE_SIZE': '10'}\n", DiagnosticDescriptors.WrongSettingType.Id);
        Assert.Contains("REST_FRAMEWORK['PAGE_SIZE']", d.Message);
        Assert.Contains("an integer or None", d.Message);
        var rates = Compile.Single("REST_FRAMEWORK = {'DEFAULT_THROTTLE_RATES': {'anon': 3}}\n", DiagnosticDescriptors.WrongSettingType.Id);
        Assert.Contains("a dict of strings to strings or None", rates.Message);
    }

    [Fact]
    public void A_value_equal_to_DRFs_default_is_not_reported()
    {
        Assert.Empty(Compile.Ids("REST_FRAMEWORK = {'DEFAULT_FILTER_BACKENDS': (), 'SEARCH_PARAM': 'search', 'DEFAULT_METADATA_CLASS': 'rest_framework.metadata.SimpleMetadata'}\n", SettingsSeverity.Info));
    }

    [Fact]
    public void Values_from_the_environment_are_bound_and_not_guessed()
    {
        const string text = "import os\nREST_FRAMEWORK = {'PAGE_SIZE': int(os.environ.get('PAGE_SIZE', '10')), 'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.PageNumberPagination'}\n";
        var result = Compile.Text(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= SettingsSeverity.Warning);
    }
}
