using System.Collections.Generic;
using System.IO;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Library;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks;

/// <summary>
/// Issue 15.4, "right and quiet on real files": each finding on real settings files, reproduced by a
/// minimal file of Corpus/Regressions (Django loads each one; its header says how), and what the
/// compiler now says about it.
/// </summary>
public class RealFileRegressionTests
{
    private static SettingsSource Source(string name)
        => new(name, File.ReadAllText(RepositoryRoot.Corpus(Path.Combine("Regressions", name))));

    private static CompilationResult Build(string name, bool wiring = false)
        => SettingsCompiler.Compile(new[] { Source(name) }, new CompileOptions("Tests", "DjangoProjectSettings", EmitRuntimeWiring: wiring));

    /// <summary>What the application binds at startup, with these environment variables.</summary>
    private static BoundSettings Startup(string name, Dictionary<string, string>? variables, List<SettingsDiagnostic> diagnostics)
        => SettingsPipeline.Run(new[] { Source(name) }, new DictionaryEnvironment(variables ?? new Dictionary<string, string>()), diagnostics);

    private static string[] Ids(CompilationResult result, SettingsSeverity minimum)
        => result.Diagnostics.Where(d => d.Severity >= minimum).Select(d => d.Id).ToArray();

    [Theory]
    [InlineData("01-database-port-from-environment.settings")]
    [InlineData("02-database-port-env-int.settings")]
    [InlineData("03-database-port-int-of-environ.settings")]
    public void An_int_database_port_read_from_the_environment_binds_as_text(string file)
    {
        var build = Build(file);
        Assert.Empty(Ids(build, SettingsSeverity.Warning));
        var port = build.Settings!["DATABASES.default.PORT"];
        Assert.Equal("str", Assert.IsType<PyDeferred>(port.Value).ExpectedType);
        Assert.Equal("5432", Assert.IsType<PyStr>(((PyDeferred)port.Value).Default).Value);

        var diagnostics = new List<SettingsDiagnostic>();
        var startup = Startup(file, new Dictionary<string, string> { ["DB_PORT"] = "6543" }, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= SettingsSeverity.Warning);
        Assert.Equal("6543", Assert.IsType<PyStr>(startup["DATABASES.default.PORT"].Value).Value);
    }

    [Fact]
    public void Debug_takes_the_truth_value_of_an_int()
    {
        var zero = Build("05-debug-zero.settings");
        Assert.Empty(Ids(zero, SettingsSeverity.Warning));
        Assert.False(Assert.IsType<PyBool>(zero.Settings!["DEBUG"].Value).Value);

        var fromEnvironment = Build("04-debug-int-from-environment.settings");
        Assert.Empty(Ids(fromEnvironment, SettingsSeverity.Warning));
        var debug = Assert.IsType<PyDeferred>(fromEnvironment.Settings!["DEBUG"].Value);
        Assert.Equal("bool", debug.ExpectedType);
        Assert.Equal(new PyBool(false), debug.Default);

        var diagnostics = new List<SettingsDiagnostic>();
        var on = Startup("04-debug-int-from-environment.settings", new Dictionary<string, string> { ["DJANGO_DEBUG"] = "1" }, diagnostics);
        Assert.Empty(diagnostics);
        Assert.True(Assert.IsType<PyBool>(on["DEBUG"].Value).Value);
    }

    [Fact]
    public void Debug_as_a_string_is_its_truth_value_and_a_warning()
    {
        var d = Compile.Single("DEBUG = 'False'\n", DiagnosticDescriptors.StringAsTruthValue.Id);
        Assert.Equal(SettingsSeverity.Warning, d.Severity);
        Assert.Equal("DEBUG is the string 'False', which Python (and so Django) treats as True; write True or False, or compare the text (== \"True\")", d.Message);
        // The file's default read from an unset environment has the same trap: reported by the defaults scenario.
        var unset = Compile.Text("import os\nDEBUG = os.environ.get('DEBUG', 'False')\n");
        Assert.Contains(unset.Diagnostics, x => x.Id == DiagnosticDescriptors.FailsWhenEnvironmentUnset.Id && x.Message.Contains("DJS0113"));
    }

    [Fact]
    public void Simple_jwt_flags_take_their_truth_value()
    {
        var result = Compile.Text("SIMPLE_JWT = {'ROTATE_REFRESH_TOKENS': 1, 'BLACKLIST_AFTER_ROTATION': 0}\n");
        Assert.DoesNotContain(result.Diagnostics, x => x.Severity == SettingsSeverity.Error);
        Assert.Equal(new PyBool(true), result.Settings!["SIMPLE_JWT.ROTATE_REFRESH_TOKENS"].Value with { Origin = null, DefinedAt = null });
    }

    [Fact]
    public void Builtins_used_in_settings_are_never_undefined_names()
    {
        var result = Build("06-builtins-in-settings.settings");
        Assert.Empty(Ids(result, SettingsSeverity.Info));
        var module = SettingsEvaluator.Evaluate(new[] { Source("06-builtins-in-settings.settings") }, null);
        Assert.Equal(Py.Strings("https://app.example.com"), Py.Plain(module.Value("CORS_ALLOWED_ORIGINS")));
    }

    [Fact]
    public void Every_name_of_the_builtins_module_has_a_value()
    {
        // dir(builtins) of CPython, recorded in PythonNames.Recorded.cs (None, True, False are keywords).
        foreach (var name in PythonNames.AllBuiltins.Where(n => n is not ("None" or "True" or "False")))
        {
            var module = Py.Run("X = " + name + "\n");
            Assert.True(module.Names.ContainsKey("X"), name);
            Assert.DoesNotContain(module.Diagnostics, d => d.Id == DiagnosticDescriptors.NameNotDefined.Id);
        }
        // A name Python does not have is still a NameError.
        Assert.Contains(Py.Run("X = ImproperlyConfigured\n").Diagnostics, d => d.Id == DiagnosticDescriptors.NameNotDefined.Id);
    }

    [Fact]
    public void After_exec_a_missing_name_is_unknown_not_undefined()
    {
        var module = Py.Run("exec(open('local.py').read())\nX = LOCAL_ORIGINS\n");
        Assert.DoesNotContain(module.Diagnostics, d => d.Id == DiagnosticDescriptors.NameNotDefined.Id);
        Assert.Contains("exec(...)", Assert.IsType<PyUnknown>(module.Value("X")).Reason);
    }

    [Fact]
    public void Globals_and_locals_are_the_module_namespace()
    {
        var module = Py.Run("A = 1\nB = 'A' in locals()\nC = 'Z' in globals()\nD = globals().get('A')\nE = [locals() for _ in [1]][0]\n");
        Assert.Equal(true, Py.Plain(module.Value("B")));
        Assert.Equal(false, Py.Plain(module.Value("C")));
        Assert.Equal(1L, Py.Plain(module.Value("D")));
        Assert.IsType<PyUnknown>(module.Value("E"));
    }

    [Fact]
    public void Writing_os_environ_is_not_a_python_error()
    {
        Assert.Empty(Ids(Build("07-environ-write.settings"), SettingsSeverity.Info));
        // A later read of the written variable is not evaluated: said where it matters, with the write's line.
        var read = Compile.Text("import os\nos.environ['ORIGIN'] = 'https://a.example.com'\nCORS_ALLOWED_ORIGINS = [os.environ['ORIGIN']]\n");
        var error = Assert.Single(read.Diagnostics, d => d.Severity == SettingsSeverity.Error);
        Assert.Equal(DiagnosticDescriptors.SettingNotEvaluable.Id, error.Id);
        var cause = Assert.Single(read.Diagnostics, d => d.Id == DiagnosticDescriptors.OperationNotEvaluated.Id);
        Assert.Equal(2, cause.Location.Start.Line);
        Assert.Equal("the assignment os.environ['ORIGIN'] is not evaluated: the settings compiler reads the environment and does not model writes to it, so a later read of 'ORIGIN' is unknown", cause.Message);
    }

    [Fact]
    public void Path_methods_called_on_the_class_are_evaluated()
    {
        var result = Build("08-path-joinpath-unbound.settings");
        Assert.Empty(Ids(result, SettingsSeverity.Info));
        Assert.Equal("../db.sqlite3", Assert.IsType<PyStr>(result.Settings!["DATABASES.default.NAME"].Value).Value);
        // Path.cwd() depends on the machine: not evaluated, and no AttributeError either.
        Assert.IsType<PyUnknown>(Py.Run("from pathlib import Path\nX = Path.cwd()\n").Value("X"));
        Assert.Empty(Py.Run("from pathlib import Path\nX = Path.cwd()\n").Diagnostics);
    }

    [Fact]
    public void Membership_in_env_ENVIRON_reads_the_environment()
    {
        var result = Build("09-env-environ-contains.settings");
        Assert.Empty(Ids(result, SettingsSeverity.Warning));
        Assert.Equal("bool", Assert.IsType<PyDeferred>(result.Settings!["CORS_ALLOW_CREDENTIALS"].Value).ExpectedType);
        var diagnostics = new List<SettingsDiagnostic>();
        var startup = Startup("09-env-environ-contains.settings", new Dictionary<string, string> { ["CORS_ALLOWED_ORIGINS"] = "https://a.example.com", ["CORS_ALLOW_CREDENTIALS"] = "x" }, diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(Py.Strings("https://a.example.com"), Py.Plain(startup["CORS_ALLOWED_ORIGINS"].Value));
        Assert.Equal(true, Py.Plain(startup["CORS_ALLOW_CREDENTIALS"].Value));
    }

    [Theory]
    [InlineData("10-test-argv-extends-apps-and-middleware.settings", "INSTALLED_APPS", "rest_framework_simplejwt.token_blacklist is installed")]
    [InlineData("10-test-argv-extends-apps-and-middleware.settings", "MIDDLEWARE", "does not set MIDDLEWARE")]
    [InlineData("11-apps-found-with-listdir.settings", "INSTALLED_APPS", "rest_framework_simplejwt.token_blacklist is installed")]
    public void Settings_that_cannot_be_known_are_a_warning_with_the_assumption_and_reach_the_startup_log(string file, string setting, string assumption)
    {
        var result = Build(file, wiring: true);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticDescriptors.SettingAssumed.Id && d.Message.StartsWith(setting + " cannot be known at build time", System.StringComparison.Ordinal));
        Assert.Contains(assumption, warning.Message);
        Assert.True(result.Settings![setting].HasError);
        // The generated wiring hands the warning to the runtime, which logs it at startup.
        Assert.Contains("BuildWarnings = new string[]", result.GeneratedSource);
        Assert.Contains(DjangoSettings.Generator.Emit.CSharpLiteral.String(warning.ToString()), result.GeneratedSource);
    }

    [Fact]
    public void Ellipsis_placeholders_in_installed_apps_make_it_unknown_with_the_blacklist_assumption()
    {
        // The corpus's 33: a snippet whose `...` stand for the project's other apps. Read as complete,
        // the list would turn the token blacklist off, which Django with the whole list keeps on.
        var result = Compile.Text("INSTALLED_APPS = [\n    ...,\n    \"corsheaders\",\n    \"rest_framework_simplejwt\",\n    ...,\n]\nSECRET_KEY = 'k' * 50\n");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticDescriptors.SettingAssumed.Id);
        Assert.StartsWith("INSTALLED_APPS cannot be known at build time (its ... placeholders stand for apps the file leaves out)", warning.Message);
        Assert.Contains("rest_framework_simplejwt.token_blacklist is installed", warning.Message);
        Assert.Equal(1, warning.Location.Start.Line);
        Assert.True(result.Settings!["INSTALLED_APPS"].HasError);
        // Without placeholders the list is the file's, complete.
        var complete = Compile.Text("INSTALLED_APPS = [\"corsheaders\", \"rest_framework_simplejwt\"]\nSECRET_KEY = 'k' * 50\n");
        Assert.DoesNotContain(complete.Diagnostics, d => d.Id == DiagnosticDescriptors.SettingAssumed.Id);
        Assert.False(complete.Settings!["INSTALLED_APPS"].HasError);
    }

    [Fact]
    public void A_custom_token_obtain_serializer_is_a_warning()
    {
        var result = Build("12-custom-token-obtain-serializer.settings");
        Assert.False(result.HasErrors);
        var d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticDescriptors.CustomTokenObtainSerializer.Id);
        Assert.Equal(SettingsSeverity.Warning, d.Severity);
        Assert.Contains("ISimpleJwtClaimsProvider", d.Message);
        Assert.DoesNotContain(result.Diagnostics, x => x.Id == DiagnosticDescriptors.JwtCustomPythonClass.Id);
    }

    [Theory]
    [InlineData("13-secret-key-from-helper-function.settings", null)]
    [InlineData(null, "from .base import *\nSECRET_KEY = SECRET_KEY\n")]
    [InlineData(null, "from project.secrets import SECRET_KEY\nX = 1\nSECRET_KEY = SECRET_KEY\n")]
    [InlineData(null, "try:\n    SECRET_KEY = open('/run/secrets/key').read()\nexcept OSError:\n    SECRET_KEY = 'dev'\n")]
    [InlineData(null, "import sys\nSECRET_KEY = 'test' if 'test' in sys.argv else 'prod-key-0123456789'\n")]
    public void Secret_key_that_cannot_be_known_is_one_warning_whatever_the_cause(string? file, string? text)
    {
        var result = file is not null ? Build(file) : Compile.Text(text!);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var d = Assert.Single(result.Diagnostics, x => x.Message.StartsWith("SECRET_KEY cannot be known at build time", System.StringComparison.Ordinal));
        Assert.Equal(DiagnosticDescriptors.SettingAssumed.Id, d.Id);
        Assert.Equal(SettingsSeverity.Warning, d.Severity);
        Assert.Contains("reads SECRET_KEY from its configuration at startup", d.Message);
    }

    [Fact]
    public void A_setting_from_a_settings_module_that_was_not_given_names_the_module()
    {
        var result = Build("14-secret-key-from-star-import.settings");
        var d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticDescriptors.DependsOnMissingModule.Id && x.Message.StartsWith("CORS_ALLOWED_ORIGINS", System.StringComparison.Ordinal));
        Assert.StartsWith("CORS_ALLOWED_ORIGINS depends on the settings module '.base', which is not among the files given to the compiler ('BASE_ORIGINS' may come from 'from .base import *'", d.Message);
        Assert.DoesNotContain("separated by ';'", d.Message);
        // A library import is not a missing settings module.
        var library = Compile.Text("from dj_database_url import config\nCORS_ALLOWED_ORIGINS = config()\n");
        Assert.Contains(library.Diagnostics, x => x.Id == DiagnosticDescriptors.SettingNotEvaluable.Id);
        Assert.DoesNotContain(library.Diagnostics, x => x.Id == DiagnosticDescriptors.DependsOnMissingModule.Id);
    }

    [Fact]
    public void Cors_middleware_below_whitenoise_names_the_static_files()
    {
        var d = Assert.Single(Build("15-whitenoise-before-cors.settings").Diagnostics, x => x.Id == DiagnosticDescriptors.CorsMiddlewareOrder.Id);
        Assert.Equal("corsheaders.middleware.CorsMiddleware is placed after whitenoise.middleware.WhiteNoiseMiddleware; it must come before it, or the static files WhiteNoise serves get no CORS headers", d.Message);
        var common = Compile.Single("MIDDLEWARE = ['django.middleware.common.CommonMiddleware', 'corsheaders.middleware.CorsMiddleware']\n", DiagnosticDescriptors.CorsMiddlewareOrder.Id);
        Assert.Contains("APPEND_SLASH redirects", common.Message);
    }

    [Fact]
    public void Imports_calls_and_statements_that_reach_no_needed_value_are_not_reported()
    {
        var result = Build("16-imports-that-reach-nothing.settings");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "DJS0016" or "DJS0018" or "DJS0019" or "DJS0022");
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= SettingsSeverity.Warning);
    }

    [Fact]
    public void An_unknown_import_a_needed_value_depends_on_is_reported_at_the_import()
    {
        var result = Compile.Text("import json\nimport socket\nfrom myproject.origins import load\nCORS_ALLOWED_ORIGINS = load()\n");
        var error = Assert.Single(result.Diagnostics, d => d.Severity == SettingsSeverity.Error);
        Assert.Equal(DiagnosticDescriptors.SettingNotEvaluable.Id, error.Id);
        var info = Assert.Single(result.Diagnostics, d => d.Severity == SettingsSeverity.Info);
        Assert.Equal(DiagnosticDescriptors.UnknownImport.Id, info.Id);
        Assert.Equal(3, info.Location.Start.Line);
    }

    [Fact]
    public void Project_keys_in_simple_jwt_are_one_warning_and_typos_keep_theirs()
    {
        var result = Build("17-simple-jwt-private-keys.settings");
        var grouped = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticDescriptors.JwtKeysNotRead.Id);
        Assert.Equal("SIMPLE_JWT holds 5 keys that simplejwt does not read ('AUTH_COOKIE', 'AUTH_COOKIE_SECURE', 'AUTH_COOKIE_HTTP_ONLY', 'AUTH_COOKIE_PATH', 'AUTH_COOKIE_SAMESITE'); they are ignored, as in Django: code of the project that reads them is ported separately", grouped.Message);
        Assert.Equal(4, grouped.AdditionalLocations.Count);
        var typo = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticDescriptors.UnknownJwtKey.Id);
        Assert.Contains("did you mean ACCESS_TOKEN_LIFETIME?", typo.Message);
    }

    [Fact]
    public void A_one_character_string_is_the_one_element_list_django_reads()
    {
        var result = Build("18-allow-headers-star-string.settings");
        Assert.False(result.HasErrors);
        var d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticDescriptors.SingleCharacterString.Id);
        Assert.Equal(SettingsSeverity.Warning, d.Severity);
        Assert.Contains("never for Authorization", d.Message);
        Assert.Equal(Py.Strings("*"), Py.Plain(result.Settings!["CORS_ALLOW_HEADERS"].Value));
        // Longer strings are still the character-by-character mistake.
        Assert.Equal(DiagnosticDescriptors.CorsStringInsteadOfList.Id, Compile.Text("CORS_ALLOW_HEADERS = 'x-token'\n").Diagnostics.Single(x => x.Severity == SettingsSeverity.Error).Id);
    }

    [Fact]
    public void Replace_with_an_empty_pattern_inserts_everywhere()
    {
        Assert.Equal("-a-b-c-", Py.Plain(Py.Run("X = 'abc'.replace('', '-')\n").Value("X")));
        Assert.Equal("-a-bc", Py.Plain(Py.Run("X = 'abc'.replace('', '-', 2)\n").Value("X")));
        var result = Build("19-str-replace-empty.settings");
        Assert.Equal(Py.Strings("x-i-d-"), Py.Plain(result.Settings!["CORS_EXPOSE_HEADERS"].Value));
    }
}
