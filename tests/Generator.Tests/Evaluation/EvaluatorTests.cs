using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using DjangoSettings.Generator.Text;
using Xunit;

namespace DjangoSettings.Generator.Tests.Evaluation;

public class EvaluatorTests
{
    private static object? Eval(string expression, string prelude = "", ISettingsEnvironment? environment = null)
        => Py.Plain(Py.Run(prelude + "\nX = " + expression + "\n", environment).Value("X"));

    private static DictionaryEnvironment Env(params (string Key, string Value)[] variables)
        => new(variables.ToDictionary(v => v.Key, v => v.Value));

    [Theory]
    [InlineData("timedelta(minutes=30)", 1800.0)]
    [InlineData("timedelta(days=1)", 86400.0)]
    [InlineData("timedelta(hours=5)", 18000.0)]
    [InlineData("timedelta(weeks=2)", 1209600.0)]
    [InlineData("timedelta(seconds=15 * 60)", 900.0)]
    [InlineData("timedelta(milliseconds=1500)", 1.5)]
    [InlineData("timedelta(microseconds=1)", 0.000001)]
    [InlineData("timedelta(1)", 86400.0)]
    [InlineData("timedelta(0, 30)", 30.0)]
    [InlineData("timedelta(0, 0, 250000)", 0.25)]
    [InlineData("timedelta(days=1, hours=2)", 93600.0)]
    [InlineData("timedelta(minutes=0.5)", 30.0)]
    [InlineData("timedelta(days=1.5)", 129600.0)]
    [InlineData("timedelta(microseconds=0.5)", 0.0)]
    [InlineData("timedelta(microseconds=1.5)", 0.000002)]
    [InlineData("timedelta(minutes=5) * 2", 600.0)]
    [InlineData("3 * timedelta(minutes=5)", 900.0)]
    [InlineData("timedelta(days=1) + timedelta(hours=1)", 90000.0)]
    [InlineData("timedelta(days=1) - timedelta(hours=1)", 82800.0)]
    [InlineData("timedelta(hours=1) / 4", 900.0)]
    [InlineData("timedelta(hours=1) // 7", 514.285714)]
    [InlineData("-timedelta(minutes=1)", -60.0)]
    [InlineData("timedelta(minutes=5) * 1.5", 450.0)]
    public void Timedelta_forms(string expression, double seconds)
    {
        var value = Eval(expression, "from datetime import timedelta");
        Assert.Equal(seconds, (double)value!, 6);
    }

    [Fact]
    public void Timedelta_through_module_and_timezone_reexport()
    {
        Assert.Equal(300.0, Eval("datetime.timedelta(minutes=5)", "import datetime"));
        Assert.Equal(300.0, Eval("timedelta(minutes=5)", "from django.utils.timezone import timedelta"));
        Assert.Equal(true, Eval("timedelta(days=1) > timedelta(hours=23)", "from datetime import timedelta"));
        Assert.Equal(2.0, Eval("timedelta(days=2) / timedelta(days=1)", "from datetime import timedelta"));
        Assert.Equal(3600.0, Eval("timedelta(hours=1).total_seconds()", "from datetime import timedelta"));
        Assert.Equal(1L, Eval("timedelta(days=1, hours=3).days", "from datetime import timedelta"));
    }

    [Fact]
    public void Timedelta_errors_are_warnings_not_crashes()
    {
        var m = Py.Run("from datetime import timedelta\nX = timedelta(days=10**12)\nY = timedelta(minutes='5')\nZ = timedelta(foo=1)\n");
        Assert.Equal(3, m.Diagnostics.Count(d => d.Id == DiagnosticDescriptors.EvaluationError.Id));
        Assert.IsType<PyUnknown>(m.Value("X"));
        Assert.Contains("OverflowError", m.Diagnostics.First().Message);
    }

    [Fact]
    public void Default_headers_extension_forms_use_the_4x_tuple()
    {
        const string prelude = "from corsheaders.defaults import default_headers, default_methods";
        var four = new[] { "accept", "authorization", "content-type", "user-agent", "x-csrftoken", "x-requested-with" };
        Assert.Equal(four.Append("x-key").Cast<object?>().ToList(), Eval("list(default_headers) + ['x-key']", prelude));
        Assert.Equal(four.Append("x-key").Cast<object?>().ToList(), Eval("(*default_headers, 'x-key')", prelude));
        Assert.Equal(four.Append("x-key").Cast<object?>().ToList(), Eval("default_headers + ('x-key',)", prelude));
        Assert.Equal(four.Append("a").Append("b").Cast<object?>().ToList(), Eval("[*default_headers, 'a', 'b']", prelude));
        Assert.Equal(four.Cast<object?>().ToList(), Eval("(*default_headers,)", prelude));
        Assert.Equal(Py.Strings("DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"), Eval("default_methods", prelude));
        var tuple = Py.Run(prelude + "\nX = (*default_headers, 'x')\n").Value("X");
        Assert.IsType<PyTuple>(tuple);
        Assert.Equal("TypeError: unsupported operand type(s) for +: 'tuple' and 'list'", Py.Run(prelude + "\nX = default_headers + ['x']\n").Diagnostics.Single().Message);
    }

    [Fact]
    public void Imported_values_are_not_settings_unless_rebound()
    {
        var m = Py.Run("import os\nfrom corsheaders.defaults import default_headers\nfrom datetime import timedelta\nX = 1\n");
        Assert.Equal(new[] { "X" }, m.Names.Keys.ToArray());
        var m2 = Py.Run("from corsheaders.defaults import default_headers\ndefault_headers = default_headers + ('x',)\n");
        Assert.True(m2.Names.ContainsKey("default_headers"));
    }

    [Fact]
    public void Environment_reads_are_deferred_at_build_time()
    {
        var m = Py.Run("import os\nA = os.environ.get('A_KEY', 'x,y')\nB = os.getenv('B_KEY')\nC = os.environ['C_KEY']\nD = 'D_KEY' in os.environ\n");
        var a = Assert.IsType<PyDeferred>(m.Value("A"));
        Assert.Equal(new[] { "A_KEY" }, a.EnvironmentKeys.ToArray());
        Assert.Equal("os.environ.get('A_KEY', 'x,y')", a.Description);
        Assert.Equal("x,y", ((PyStr)a.Default!).Value);
        Assert.Equal("str", a.ExpectedType);
        var b = Assert.IsType<PyDeferred>(m.Value("B"));
        Assert.IsType<PyNone>(b.Default);
        Assert.Null(b.ExpectedType);
        var c = Assert.IsType<PyDeferred>(m.Value("C"));
        Assert.Null(c.Default);
        Assert.Equal("str", c.ExpectedType);
        var d = Assert.IsType<PyDeferred>(m.Value("D"));
        Assert.Equal("bool", d.ExpectedType);
        Assert.Equal(new SourcePosition(2, 5), a.Origin!.Start);
        Assert.DoesNotContain(m.Diagnostics, x => x.Severity >= SettingsSeverity.Warning);
    }

    [Fact]
    public void Environment_reads_are_real_values_at_startup()
    {
        var env = Env(("A_KEY", "p,q"), ("C_KEY", "secret"));
        var m = Py.Run("import os\nA = os.environ.get('A_KEY', 'x,y').split(',')\nB = os.getenv('B_KEY', 'dflt')\nC = os.environ['C_KEY']\nD = 'C_KEY' in os.environ\n", env);
        Assert.Equal(Py.Strings("p", "q"), Py.Plain(m.Value("A")));
        Assert.Equal("dflt", Py.Plain(m.Value("B")));
        Assert.Equal("secret", Py.Plain(m.Value("C")));
        Assert.Equal(true, Py.Plain(m.Value("D")));
        Assert.Empty(m.Diagnostics);
    }

    [Fact]
    public void Missing_required_variable_at_startup_names_the_key()
    {
        var m = Py.Run("import os\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n", DictionaryEnvironment.Empty);
        var d = Assert.Single(m.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.MissingEnvironmentVariable.Id, d.Id);
        Assert.Contains("DJANGO_SECRET_KEY", d.Message);
        Assert.Equal(SettingsSeverity.Error, d.Severity);
        Assert.Equal(new SourcePosition(2, 14), d.Location.Start);
    }

    [Fact]
    public void Operations_on_deferred_values_stay_deferred_with_all_keys_and_a_default()
    {
        var text = "import os\n_cors = os.environ.get('CORS', '')\nX = [o.strip() for o in _cors.split(',') if o.strip()] or ['http://localhost:3000']\n"
            + "DEBUG = os.environ.get('DEBUG', '0') == '1'\nY = DEBUG and not X\nZ = int(os.getenv('MIN', '15'))\nW = 'a' if DEBUG else 'b'\n";
        var m = Py.Run(text);
        var x = Assert.IsType<PyDeferred>(m.Value("X"));
        Assert.Equal(new[] { "CORS" }, x.EnvironmentKeys.ToArray());
        Assert.Equal(Py.Strings("http://localhost:3000"), Py.Plain(x.Default!));
        Assert.Equal("list", x.ExpectedType);
        var y = Assert.IsType<PyDeferred>(m.Value("Y"));
        Assert.Equal(new[] { "DEBUG", "CORS" }, y.EnvironmentKeys.ToArray());
        Assert.Equal(false, Py.Plain(y.Default!));
        var z = Assert.IsType<PyDeferred>(m.Value("Z"));
        Assert.Equal(15L, Py.Plain(z.Default!));
        Assert.Equal("int", z.ExpectedType);
        var w = Assert.IsType<PyDeferred>(m.Value("W"));
        Assert.Equal("b", Py.Plain(w.Default!));
        Assert.Equal("str", w.ExpectedType);
        Assert.Equal("'a' if DEBUG else 'b'", w.Description);

        var startup = Py.Run(text, Env(("CORS", " https://a.example , ,https://b.example"), ("DEBUG", "1"), ("MIN", "30")));
        Assert.Equal(Py.Strings("https://a.example", "https://b.example"), Py.Plain(startup.Value("X")));
        Assert.Equal(false, Py.Plain(startup.Value("Y")));
        Assert.Equal(30L, Py.Plain(startup.Value("Z")));
        Assert.Equal("a", Py.Plain(startup.Value("W")));
    }

    [Fact]
    public void If_block_on_a_deferred_condition_merges_both_branches()
    {
        var text = "import os\nDEBUG = os.environ.get('DJANGO_DEBUG', '0') == '1'\nCORS_ALLOW_ALL_ORIGINS = DEBUG\nif not DEBUG:\n"
            + "    CORS_ALLOWED_ORIGINS = os.environ.get('CORS_ALLOWED_ORIGINS', '').split(',')\n    CORS_ALLOW_CREDENTIALS = True\nelse:\n    CORS_ALLOW_CREDENTIALS = False\n";
        var m = Py.Run(text);
        var origins = Assert.IsType<PyDeferred>(m.Value("CORS_ALLOWED_ORIGINS"));
        Assert.Equal(new[] { "DJANGO_DEBUG", "CORS_ALLOWED_ORIGINS" }, origins.EnvironmentKeys.ToArray());
        Assert.Equal(Py.Strings(""), Py.Plain(origins.Default!));
        var credentials = Assert.IsType<PyDeferred>(m.Value("CORS_ALLOW_CREDENTIALS"));
        Assert.Equal(true, Py.Plain(credentials.Default!));
        Assert.Equal("bool", credentials.ExpectedType);
        Assert.Equal(new SourcePosition(6, 5), m.Names["CORS_ALLOW_CREDENTIALS"].NameLocation.Start);

        var dev = Py.Run(text, Env(("DJANGO_DEBUG", "1")));
        Assert.False(dev.Names.ContainsKey("CORS_ALLOWED_ORIGINS"));
        Assert.Equal(false, Py.Plain(dev.Value("CORS_ALLOW_CREDENTIALS")));
        Assert.Equal(true, Py.Plain(dev.Value("CORS_ALLOW_ALL_ORIGINS")));
    }

    [Fact]
    public void Walrus_in_if_condition()
    {
        var text = "import os\nif cors_origins := os.getenv('CORS_ALLOWED_ORIGINS'):\n    CORS_ALLOWED_ORIGINS = [o.strip() for o in cors_origins.split(',')]\nelse:\n    CORS_ALLOWED_ORIGINS = []\n";
        var build = Assert.IsType<PyDeferred>(Py.Run(text).Value("CORS_ALLOWED_ORIGINS"));
        Assert.Equal(new List<object?>(), Py.Plain(build.Default!));
        Assert.Equal(new[] { "CORS_ALLOWED_ORIGINS" }, build.EnvironmentKeys.ToArray());
        var startup = Py.Run(text, Env(("CORS_ALLOWED_ORIGINS", "https://a, https://b")));
        Assert.Equal(Py.Strings("https://a", "https://b"), Py.Plain(startup.Value("CORS_ALLOWED_ORIGINS")));
        Assert.Equal("https://a, https://b", Py.Plain(startup.Value("cors_origins")));
    }

    [Fact]
    public void Decouple_config_with_casts()
    {
        var text = "from decouple import config, Csv\nA = config('A', default='http://a,http://b', cast=Csv())\nB = config('B', default=False, cast=bool)\n"
            + "C = config('C', default=5, cast=int)\nD = config('D', default=None)\nE = config('E', cast=lambda v: [s.strip() for s in v.split(',')], default='x, y')\n";
        var m = Py.Run(text);
        var a = Assert.IsType<PyDeferred>(m.Value("A"));
        Assert.Equal(Py.Strings("http://a", "http://b"), Py.Plain(a.Default!));
        Assert.Equal("list", a.ExpectedType);
        Assert.Equal("bool", ((PyDeferred)m.Value("B")).ExpectedType);
        Assert.Equal(false, Py.Plain(((PyDeferred)m.Value("B")).Default!));
        Assert.Equal(5L, Py.Plain(((PyDeferred)m.Value("C")).Default!));
        Assert.IsType<PyNone>(((PyDeferred)m.Value("D")).Default);
        Assert.Equal(Py.Strings("x", "y"), Py.Plain(((PyDeferred)m.Value("E")).Default!));

        var startup = Py.Run(text, Env(("A", "https://x, https://y,"), ("B", "on"), ("C", "7"), ("E", "p,q ")));
        Assert.Equal(Py.Strings("https://x", "https://y"), Py.Plain(startup.Value("A")));
        Assert.Equal(true, Py.Plain(startup.Value("B")));
        Assert.Equal(7L, Py.Plain(startup.Value("C")));
        Assert.Equal(Py.Strings("p", "q"), Py.Plain(startup.Value("E")));
    }

    [Fact]
    public void Django_environ_with_scheme_and_typed_reads()
    {
        var text = "import environ\nenv = environ.Env(DEBUG=(bool, False))\nenviron.Env.read_env('.env')\nDEBUG = env('DEBUG')\n"
            + "A = env.list('A', default=[])\nB = env.bool('B', False)\nC = env.int('C', default=60)\nD = env.str('D', default='x')\nE = env('E', default='dflt')\n";
        var m = Py.Run(text);
        Assert.False(m.Names.ContainsKey("env") && m.Names["env"].Value is not PyOpaque);
        var debug = Assert.IsType<PyDeferred>(m.Value("DEBUG"));
        Assert.Equal(false, Py.Plain(debug.Default!));
        Assert.Equal("bool", debug.ExpectedType);
        Assert.Equal(new List<object?>(), Py.Plain(((PyDeferred)m.Value("A")).Default!));
        Assert.Equal("list", ((PyDeferred)m.Value("A")).ExpectedType);
        Assert.Equal(false, Py.Plain(((PyDeferred)m.Value("B")).Default!));
        Assert.Equal(60L, Py.Plain(((PyDeferred)m.Value("C")).Default!));
        Assert.Equal("x", Py.Plain(((PyDeferred)m.Value("D")).Default!));
        Assert.Equal("str", ((PyDeferred)m.Value("E")).ExpectedType);

        var startup = Py.Run(text, Env(("DEBUG", "yes"), ("A", "https://a,https://b"), ("B", "0"), ("C", "5")));
        Assert.Equal(true, Py.Plain(startup.Value("DEBUG")));
        Assert.Equal(Py.Strings("https://a", "https://b"), Py.Plain(startup.Value("A")));
        Assert.Equal(false, Py.Plain(startup.Value("B")));
        Assert.Equal(5L, Py.Plain(startup.Value("C")));
        Assert.Empty(startup.Diagnostics);
    }

    [Fact]
    public void Star_import_across_two_files_with_subscript_assignment()
    {
        var baseFile = new SettingsSource("config/settings/base.py", "from datetime import timedelta\nSIMPLE_JWT = {\n    'ACCESS_TOKEN_LIFETIME': timedelta(minutes=30),\n    'ROTATE_REFRESH_TOKENS': True,\n}\nCORS_ALLOWED_ORIGINS = ['https://a.example']\n_private = 1\n");
        var main = new SettingsSource("config/settings/production.py", "from .base import *  # noqa\nSIMPLE_JWT['ACCESS_TOKEN_LIFETIME'] = timedelta(minutes=5)\nSIMPLE_JWT.update({'ALGORITHM': 'HS512'})\nCORS_ALLOWED_ORIGINS += ['https://b.example']\n");
        var m = SettingsEvaluator.Evaluate(new[] { baseFile, main }, null);
        Assert.Empty(m.Diagnostics);
        var jwt = (PyDict)m.Value("SIMPLE_JWT");
        Assert.Equal(new object?[] { "ACCESS_TOKEN_LIFETIME", "ROTATE_REFRESH_TOKENS", "ALGORITHM" }, jwt.Entries.Select(e => Py.Plain(e.Key)).ToArray());
        Assert.Equal(300.0, Py.Plain(jwt.Entries[0].Value));
        Assert.Equal("config/settings/production.py", jwt.Entries[0].Value.Origin!.Path);
        Assert.Equal("config/settings/base.py", m.Names["SIMPLE_JWT"].NameLocation.Path);
        Assert.Equal(Py.Strings("https://a.example", "https://b.example"), Py.Plain(m.Value("CORS_ALLOWED_ORIGINS")));
        Assert.Equal(new SourcePosition(4, 1), m.Names["CORS_ALLOWED_ORIGINS"].NameLocation.Start);
        Assert.False(m.Names.ContainsKey("_private"));
        Assert.False(m.Names.ContainsKey("timedelta"));

        var absolute = SettingsEvaluator.Evaluate(new[] { baseFile, new SettingsSource("local.settings", "from config.settings.base import *\nX = CORS_ALLOWED_ORIGINS\n") }, null);
        Assert.Equal(Py.Strings("https://a.example"), Py.Plain(absolute.Value("X")));
    }

    [Fact]
    public void Unresolved_star_import_is_info_and_later_names_are_unknown()
    {
        var m = Py.Run("from .base import *\nimport os\nSECRET_KEY = os.environ['K']\nSIMPLE_JWT['SIGNING_KEY'] = SECRET_KEY\nX = SOMETHING\n");
        var d = Assert.Single(m.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.UnresolvedStarImport.Id, d.Id);
        Assert.Equal(SettingsSeverity.Info, d.Severity);
        Assert.IsType<PyUnknown>(m.Value("X"));
        Assert.IsType<PyUnknown>(m.Value("SIMPLE_JWT"));
    }

    [Fact]
    public void Try_around_an_import_is_an_optional_import()
    {
        var m = Py.Run("X = 1\ntry:\n    from .local import *\nexcept ImportError:\n    pass\n");
        Assert.Equal(DiagnosticDescriptors.UnresolvedStarImport.Id, Assert.Single(m.Diagnostics).Id);
        Assert.Equal(1L, Py.Plain(m.Value("X")));
    }

    [Fact]
    public void Skipped_constructs_are_listed_and_explained_by_the_unknown_values_they_leave()
    {
        var text = "def get_origins():\n    CORS_ALLOWED_ORIGINS = ['x']\n    return CORS_ALLOWED_ORIGINS\n"
            + "try:\n    CORS_ALLOW_CREDENTIALS = compute()\nexcept Exception:\n    CORS_ALLOW_CREDENTIALS = False\n"
            + "class Settings:\n    X = 1\nwhile False:\n    Y = 1\nZ = get_origins()\n";
        var m = Py.Run(text);
        // Nothing is reported by the evaluator: the explanation travels with the unknown value and is
        // reported only if a needed setting depends on it (SettingsBinder).
        Assert.Empty(m.Diagnostics);
        Assert.Contains(m.Skipped, s => s.Name == "CORS_ALLOWED_ORIGINS" && s.NameLocation.Start == new SourcePosition(2, 5));
        Assert.Equal(2, m.Skipped.Count(s => s.Name == "CORS_ALLOW_CREDENTIALS"));
        var credentials = Assert.IsType<PyUnknown>(m.Value("CORS_ALLOW_CREDENTIALS"));
        Assert.Equal(DiagnosticDescriptors.SkippedStatement.Id, credentials.Cause!.Id);
        Assert.Equal(4, credentials.Cause.Location.Start.Line);
        Assert.False(m.Names.ContainsKey("CORS_ALLOWED_ORIGINS"));
        Assert.IsType<PyUnknown>(m.Value("Z"));
    }

    [Fact]
    public void Annotation_statements_are_recorded_and_bind_nothing()
    {
        var m = Py.Run("CORS_ALLOW_ALL_ORIGINS: True\nCORS_ALLOW_CREDENTIALS = True\nX: int = 5\n");
        var a = Assert.Single(m.Annotations);
        Assert.Equal("CORS_ALLOW_ALL_ORIGINS", a.Name);
        Assert.Equal(new SourcePosition(1, 23), a.ColonLocation.Start);
        Assert.Equal(true, Py.Plain(a.Annotation!));
        Assert.False(m.Names.ContainsKey("CORS_ALLOW_ALL_ORIGINS"));
        Assert.Equal(5L, Py.Plain(m.Value("X")));
    }

    [Fact]
    public void Parenthesised_string_is_a_str_and_keeps_the_paren_span()
    {
        var m = Py.Run("SIMPLE_JWT = {'AUTH_HEADER_TYPES': ('Bearer'), 'B': ('Bearer',)}\n");
        var dict = (PyDict)m.Value("SIMPLE_JWT");
        var s = Assert.IsType<PyStr>(dict.Entries[0].Value);
        Assert.Equal(new SourcePosition(1, 36), s.Origin!.Start);
        Assert.IsType<PyTuple>(dict.Entries[1].Value);
    }

    [Fact]
    public void Names_refer_to_earlier_settings_with_defined_at()
    {
        var m = Py.Run("SECRET_KEY = 'k'\nSIMPLE_JWT = {'SIGNING_KEY': SECRET_KEY}\nCORS_A = ['x']\nCSRF = CORS_A\n");
        var key = ((PyDict)m.Value("SIMPLE_JWT")).Entries[0].Value;
        Assert.Equal("k", Py.Plain(key));
        Assert.Equal(new SourcePosition(2, 30), key.Origin!.Start);
        Assert.Equal(new SourcePosition(1, 1), key.DefinedAt!.Start);
        Assert.Equal(new[] { "SECRET_KEY", "SIMPLE_JWT", "CORS_A", "CSRF" }, m.Names.Keys.ToArray());
    }

    [Fact]
    public void List_mutations_and_for_loops()
    {
        var text = "X = ['a']\nX.append('b')\nX.extend(['c'])\nX.insert(0, 'z')\nX += ('d',)\nY = []\nfor o in 'p, q'.split(','):\n    Y.append(f'{o}'.strip().upper())\nelse:\n    Y.append('end')\n"
            + "D = {}\nD.setdefault('k', []).append(1)\nD.update(a=1)\nS = set(['b', 'a', 'b'])\nS.add('c')\n";
        var m = Py.Run(text);
        Assert.Empty(m.Diagnostics);
        Assert.Equal(Py.Strings("z", "a", "b", "c", "d"), Py.Plain(m.Value("X")));
        Assert.Equal(Py.Strings("P", "Q", "end"), Py.Plain(m.Value("Y")));
        Assert.Equal(Py.Strings("b", "a", "c"), Py.Plain(m.Value("S")));
        Assert.Equal(2, ((PyDict)m.Value("D")).Entries.Count);
    }

    [Fact]
    public void Deferred_loop_and_append_inside_deferred_if()
    {
        var text = "import os\nX = ['https://a']\nfor origin in os.getenv('EXTRA', '').split(','):\n    if origin:\n        X.append(origin.strip())\n"
            + "Y = ['https://c']\nif os.environ.get('CODESPACE_NAME'):\n    Y.append(f\"https://{os.environ.get('CODESPACE_NAME')}-3000.app.github.dev\")\n";
        var m = Py.Run(text);
        var x = Assert.IsType<PyDeferred>(m.Value("X"));
        Assert.Equal(new[] { "EXTRA" }, x.EnvironmentKeys.ToArray());
        Assert.Equal(Py.Strings("https://a"), Py.Plain(x.Default!));
        var y = Assert.IsType<PyDeferred>(m.Value("Y"));
        Assert.Equal(Py.Strings("https://c"), Py.Plain(y.Default!));
        var startup = Py.Run(text, Env(("EXTRA", "https://b , https://d"), ("CODESPACE_NAME", "cs")));
        Assert.Equal(Py.Strings("https://a", "https://b", "https://d"), Py.Plain(startup.Value("X")));
        Assert.Equal(Py.Strings("https://c", "https://cs-3000.app.github.dev"), Py.Plain(startup.Value("Y")));
    }

    [Theory]
    [InlineData("60 * 60 * 24", 86400L)]
    [InlineData("7 // 2", 3L)]
    [InlineData("-7 // 2", -4L)]
    [InlineData("-7 % 3", 2L)]
    [InlineData("2 ** 10", 1024L)]
    [InlineData("1 << 4", 16L)]
    [InlineData("0xff", 255L)]
    [InlineData("0o17", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("1_000_000", 1000000L)]
    [InlineData("True + 1", 2L)]
    [InlineData("len('abc')", 3L)]
    [InlineData("int('42')", 42L)]
    [InlineData("int(' -7 ')", -7L)]
    [InlineData("int(3.9)", 3L)]
    [InlineData("round(2.5)", 2L)]
    public void Integer_arithmetic(string expression, long expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("7 / 2", 3.5)]
    [InlineData("1.5e3", 1500.0)]
    [InlineData("float('2.5')", 2.5)]
    [InlineData("2 ** -1", 0.5)]
    [InlineData("1 + 0.5", 1.5)]
    public void Float_arithmetic(string expression, double expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void Integer_overflow_and_huge_powers_are_diagnostics_not_hangs()
    {
        var m = Py.Run("A = 10**10**10\nB = 9223372036854775807 + 1\nC = 99999999999999999999\nD = 'x' * 10**9\nE = 2 ** 62\n");
        Assert.IsType<PyUnknown>(m.Value("A"));
        Assert.IsType<PyUnknown>(m.Value("B"));
        Assert.IsType<PyUnknown>(m.Value("C"));
        Assert.IsType<PyUnknown>(m.Value("D"));
        Assert.Equal(1L << 62, Py.Plain(m.Value("E")));
        Assert.Equal(3, m.Diagnostics.Count(d => d.Id == DiagnosticDescriptors.IntegerOverflow.Id));
        Assert.Equal(1, m.Diagnostics.Count(d => d.Id == DiagnosticDescriptors.ValueTooLarge.Id));
    }

    [Theory]
    [InlineData("'a,b,,c'.split(',')", new[] { "a", "b", "", "c" })]
    [InlineData("' a  b \\t c '.split()", new[] { "a", "b", "c" })]
    [InlineData("'a,b,c'.split(',', 1)", new[] { "a", "b,c" })]
    [InlineData("'a,b,c'.rsplit(',', 1)", new[] { "a,b", "c" })]
    [InlineData("''.split(',')", new[] { "" })]
    [InlineData("''.split()", new string[0])]
    [InlineData("[s.strip() for s in ' x , y '.split(',')]", new[] { "x", "y" })]
    [InlineData("sorted({'b', 'a'})", new[] { "a", "b" })]
    [InlineData("list(dict.fromkeys(['a', 'b', 'a']))", new[] { "a", "b" })]
    [InlineData("list(filter(None, ['a', '', 'b']))", new[] { "a", "b" })]
    [InlineData("list(map(str.strip, [' a', 'b ']))", new[] { "a", "b" })]
    [InlineData("[x.lower() for x in ('A', 'B') if x != 'B']", new[] { "a" })]
    [InlineData("[a + b for a in 'xy' for b in 'z']", new[] { "xz", "yz" })]
    [InlineData("list(set(['a']).union({'b'}))", new[] { "a", "b" })]
    [InlineData("'x'.join(['a', 'b']).split('x')", new[] { "a", "b" })]
    [InlineData("['a', 'b', 'c'][1:]", new[] { "b", "c" })]
    [InlineData("['a', 'b', 'c'][::-1]", new[] { "c", "b", "a" })]
    [InlineData("tuple(x for x in ['q'])", new[] { "q" })]
    public void String_and_list_methods(string expression, string[] expected)
        => Assert.Equal(expected.Cast<object?>().ToList(), Eval(expression));

    [Theory]
    [InlineData("'  x '.strip()", "x")]
    [InlineData("'xxhixx'.strip('x')", "hi")]
    [InlineData("'  x '.lstrip()", "x ")]
    [InlineData("'  x '.rstrip()", "  x")]
    [InlineData("'AbC'.lower()", "abc")]
    [InlineData("'AbC'.upper()", "ABC")]
    [InlineData("'a-b-c'.replace('-', '.')", "a.b.c")]
    [InlineData("'{}://{}:{}'.format('http', 'h', 80)", "http://h:80")]
    [InlineData("'{0}{name}'.format('a', name='b')", "ab")]
    [InlineData("'%s:%d' % ('h', 80)", "h:80")]
    [InlineData("f'{1 + 1:03d}|{\"x\":>3}|{2.5:.2f}|{[1]!r}'", "002|  x|2.50|[1]")]
    [InlineData("f'{x=}'", "x='v'")]
    [InlineData("str(timedelta(days=1, minutes=5))", "1 day, 0:05:00")]
    [InlineData("str(1.0) + str(0.1) + str(1e16) + str(None) + str(True)", "1.00.11e+16NoneTrue")]
    [InlineData("str(1.5e-05) + ' ' + str(0.0001) + ' ' + str(123.456) + ' ' + str(-2.5e20) + ' ' + str(1/3)", "1.5e-05 0.0001 123.456 -2.5e+20 0.3333333333333333")]
    [InlineData("str(['a', (1,), {'k': None}])", "['a', (1,), {'k': None}]")]
    [InlineData("'x' if 'a' in 'cat' else 'y'", "x")]
    [InlineData("('Bearer')", "Bearer")]
    [InlineData("r'^https://\\w+\\.example\\.com$'", "^https://\\w+\\.example\\.com$")]
    public void String_results(string expression, string expected)
        => Assert.Equal(expected, Eval(expression, "from datetime import timedelta\nx = 'v'"));

    [Theory]
    [InlineData("'a' in ['a', 'b']", true)]
    [InlineData("'c' not in ('a', 'b')", true)]
    [InlineData("1 < 2 < 3", true)]
    [InlineData("1 < 3 < 2", false)]
    [InlineData("None is None", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("[1, 2] == [1, 2]", true)]
    [InlineData("(1,) == [1]", false)]
    [InlineData("'https://x'.startswith(('http://', 'https://'))", true)]
    [InlineData("'abc'.endswith('c')", true)]
    [InlineData("any(['', 'x'])", true)]
    [InlineData("all(['', 'x'])", false)]
    [InlineData("bool([])", false)]
    [InlineData("not {}", true)]
    [InlineData("isinstance('x', str)", true)]
    [InlineData("'k' in {'k': 1}", true)]
    public void Boolean_results(string expression, bool expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void Regex_compile_and_pathlib()
    {
        var m = Py.Run("import re\nfrom pathlib import Path\nimport os\nR = re.compile(r'^https://\\w+\\.example\\.com$', re.I)\n"
            + "BASE_DIR = Path(__file__).resolve().parent.parent\nDB = BASE_DIR / 'db.sqlite3'\nK = os.path.join(BASE_DIR, 'keys', 'a.pem')\n"
            + "HERE = os.path.dirname(os.path.abspath(__file__))\nS = str(BASE_DIR / 'x')\nA = Path('/etc') / 'keys'\nN = DB.name\n", path: "src/app/cors.settings");
        var r = Assert.IsType<PyPattern>(m.Value("R"));
        Assert.True(r.IgnoreCase);
        Assert.Equal(new PyPath("..", PathAnchor.SettingsDirectory), m.Value("BASE_DIR") with { Origin = null, DefinedAt = null });
        Assert.Equal("../db.sqlite3", ((PyPath)m.Value("DB")).Path);
        Assert.Equal("../keys/a.pem", ((PyPath)m.Value("K")).Path);
        Assert.Equal(".", ((PyPath)m.Value("HERE")).Path);
        Assert.Equal("../x", Py.Plain(m.Value("S")));
        Assert.Equal(new PyPath("/etc/keys", PathAnchor.Absolute), m.Value("A") with { Origin = null, DefinedAt = null });
        Assert.Equal("db.sqlite3", Py.Plain(m.Value("N")));
    }

    [Fact]
    public void File_reads_are_deferred_then_read_at_startup()
    {
        var text = "from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent\nKEY = open(BASE_DIR / 'jwt.pem').read()\nPUB = (BASE_DIR / 'pub.pem').read_text()\n"
            + "ALG = 'RS256' if (BASE_DIR / 'jwt.pem').exists() else 'HS256'\n";
        var m = Py.Run(text);
        var key = Assert.IsType<PyDeferred>(m.Value("KEY"));
        Assert.Equal("str", key.ExpectedType);
        Assert.Equal("open(BASE_DIR / 'jwt.pem').read()", key.Description);
        Assert.IsType<PyDeferred>(m.Value("PUB"));
        Assert.IsType<PyDeferred>(m.Value("ALG"));

        var files = new Dictionary<string, string> { ["jwt.pem"] = "-----BEGIN PRIVATE KEY-----", ["pub.pem"] = "-----BEGIN PUBLIC KEY-----" };
        var startup = Py.Run(text, new DictionaryEnvironment(null, files));
        Assert.Equal("-----BEGIN PRIVATE KEY-----", Py.Plain(startup.Value("KEY")));
        Assert.Equal("-----BEGIN PUBLIC KEY-----", Py.Plain(startup.Value("PUB")));
        Assert.Equal("RS256", Py.Plain(startup.Value("ALG")));

        var missing = Py.Run(text, DictionaryEnvironment.Empty);
        Assert.Contains(missing.Diagnostics, d => d.Id == DiagnosticDescriptors.FileNotReadable.Id && d.Severity == SettingsSeverity.Error);
        Assert.Equal("HS256", Py.Plain(missing.Value("ALG")));
    }

    [Fact]
    public void Undefined_name_is_a_warning_with_a_hint_for_timedelta()
    {
        var m = Py.Run("SIMPLE_JWT = {'ACCESS_TOKEN_LIFETIME': timedelta(minutes=5)}\n");
        var d = Assert.Single(m.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.NameNotDefined.Id, d.Id);
        Assert.Contains("from datetime import timedelta", d.Message);
        Assert.Equal(new SourcePosition(1, 40), d.Location.Start);
    }

    [Fact]
    public void Python_errors_are_warnings_with_python_messages()
    {
        var m = Py.Run("X = config_list.split(',')\n".Replace("config_list", "['a']") + "Y = {}['k']\nZ = 1 + 'a'\n");
        Assert.Equal(new[]
        {
            "AttributeError: 'list' object has no attribute 'split'",
            "KeyError: 'k'",
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        }, m.Diagnostics.Select(d => d.Message).ToArray());
        Assert.All(m.Diagnostics, d => Assert.Equal(SettingsSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Unknown_imports_make_unknown_values_that_carry_the_import_as_their_cause()
    {
        var m = Py.Run("from django.core.management.utils import get_random_secret_key\nimport dj_database_url\nSECRET_KEY = get_random_secret_key()\nDB = dj_database_url.config()\nLOGGING = {'version': 1, 'handlers': {'console': {'class': 'logging.StreamHandler'}}}\n");
        Assert.Empty(m.Diagnostics);
        var secret = Assert.IsType<PyUnknown>(m.Value("SECRET_KEY"));
        Assert.Equal(DiagnosticDescriptors.UnknownImport.Id, secret.Cause!.Id);
        Assert.Equal(1, secret.Cause.Location.Start.Line);
        Assert.Equal(2, Assert.IsType<PyUnknown>(m.Value("DB")).Cause!.Location.Start.Line);
        Assert.IsType<PyDict>(m.Value("LOGGING"));
    }

    [Fact]
    public void Deleting_names_and_keys()
    {
        var m = Py.Run("A = 1\nD = {'k': 1, 'j': 2}\ndel A, D['k']\n");
        Assert.False(m.Names.ContainsKey("A"));
        Assert.Single(((PyDict)m.Value("D")).Entries);
    }

    [Fact]
    public void Chained_assignment_and_unpacking()
    {
        var m = Py.Run("A = B = ['x']\nC, (D, *E) = 1, (2, 3, 4)\n");
        Assert.Equal(Py.Strings("x"), Py.Plain(m.Value("B")));
        Assert.Equal(2L, Py.Plain(m.Value("D")));
        Assert.Equal(new List<object?> { 3L, 4L }, Py.Plain(m.Value("E")));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => SettingsEvaluator.Evaluate(new[] { new SettingsSource("c", "X = [i for i in range(1000)]\n") }, null, cts.Token));
    }

    [Fact]
    public void Loops_are_bounded()
    {
        var m = Py.Run("X = []\nfor i in range(1000):\n    for j in range(1000):\n        X.append(j)\n");
        Assert.Contains(m.Diagnostics, d => d.Id == DiagnosticDescriptors.LoopLimitReached.Id);
        Assert.IsType<PyUnknown>(m.Value("X"));
    }

    [Fact]
    public void Values_cannot_nest_without_bound()
    {
        var m = Py.Run("X = []\nfor i in range(200):\n    X = [X]\nY = []\nfor i in range(200):\n    Y += [Y]\nZ = 1\n");
        Assert.Contains(m.Diagnostics, d => d.Id == DiagnosticDescriptors.ValueTooLarge.Id);
        Assert.Equal(1L, Py.Plain(m.Value("Z")));
    }

    [Fact]
    public void Recursive_lambdas_stop()
    {
        var m = Py.Run("f = lambda n: f(n + 1)\nX = f(0)\nsq = lambda v, k=2: v ** k\nY = sq(3)\nZ = (lambda *a, **kw: len(a) + len(kw))(1, 2, k=3)\n");
        Assert.IsType<PyUnknown>(m.Value("X"));
        Assert.Equal(9L, Py.Plain(m.Value("Y")));
        Assert.Equal(3L, Py.Plain(m.Value("Z")));
    }

    [Fact]
    public void Nothing_leaks_from_silent_default_evaluation()
    {
        // The default of the deferred value is computed silently; the real branch still reports.
        var m = Py.Run("import os\nX = os.getenv('K').split(',')\nY = None.split(',')\n");
        var x = Assert.IsType<PyDeferred>(m.Value("X"));
        Assert.Null(x.Default);
        Assert.Equal("list", x.ExpectedType);
        var d = Assert.Single(m.Diagnostics);
        Assert.Equal(new SourcePosition(3, 5), d.Location.Start);
    }
}
