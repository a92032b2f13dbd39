using System.IO;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>The settings files the emitter and generator tests share, with what each name evaluates to.</summary>
internal static class SampleSettings
{
    /// <summary>The oracle's react.cors.settings (copied from shared/oracle/settings).</summary>
    public static string ReactText => File.ReadAllText(RepositoryRoot.Corpus("Emit/react.cors.settings")).Replace("\r\n", "\n");

    /// <summary>react.cors.settings (plus <paramref name="appended"/> lines), evaluated by hand.</summary>
    public static ModuleBuilder React(string path = "cors.settings", string appended = "") => new ModuleBuilder(path, ReactText + appended)
        .Set("SECRET_KEY", Str("django-insecure-react-demo-5x$k2!q9z@r7w#b1m^t8v0c6n4p3l2j"))
        .Set("CORS_ALLOWED_ORIGINS", List("http://localhost:3000", "http://127.0.0.1:3000", "http://localhost:5173", "https://app.example.com"))
        .Set("CORS_ALLOW_CREDENTIALS", new PyBool(true))
        .Set("CORS_EXPOSE_HEADERS", List("Content-Disposition", "X-Total-Count"))
        .Set("CORS_PREFLIGHT_MAX_AGE", new PyInt(600))
        .Set("CORS_ALLOW_PRIVATE_NETWORK", new PyBool(true))
        .SetJwt("ACCESS_TOKEN_LIFETIME", Minutes(15))
        .SetJwt("REFRESH_TOKEN_LIFETIME", new PyTimeDelta(7L * 86_400 * 1_000_000))
        .SetJwt("ROTATE_REFRESH_TOKENS", new PyBool(true))
        .SetJwt("BLACKLIST_AFTER_ROTATION", new PyBool(true))
        .SetJwt("UPDATE_LAST_LOGIN", new PyBool(true))
        .SetJwt("ALGORITHM", Str("HS256"))
        .SetJwt("AUTH_HEADER_TYPES", new PyTuple(new PyValue[] { Str("Bearer") }.ToEquatableArray()));

    /// <summary>A settings file that reads the environment.</summary>
    public const string DeferredText =
        "import os\n" +
        "import re\n" +
        "from datetime import timedelta\n" +
        "\n" +
        "SECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\n" +
        "DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"0\") == \"1\"\n" +
        "CORS_ALLOWED_ORIGINS = os.environ.get(\"CORS_ALLOWED_ORIGINS\", \"http://localhost:3000\").split(\",\")\n" +
        "CORS_ALLOW_CREDENTIALS = True\n" +
        "CORS_ALLOWED_ORIGIN_REGEXES = [re.compile(r\"^https://\\w+\\.example\\.com$\", re.I)]\n" +
        "\n" +
        "SIMPLE_JWT = {\n" +
        "    \"ACCESS_TOKEN_LIFETIME\": timedelta(minutes=int(os.getenv(\"ACCESS_MINUTES\", \"5\"))),\n" +
        "    \"LEEWAY\": 1.5,\n" +
        "    \"SIGNING_KEY\": SECRET_KEY,\n" +
        "    \"ISSUER\": \"https://auth.example.com/<tenant> & \\\"co\\\"\",\n" +
        "}\n";

    /// <summary><see cref="DeferredText"/>, evaluated by hand as the evaluator defers environment reads.</summary>
    public static ModuleBuilder Deferred(string path = "cors.settings")
    {
        var secret = new PyDeferred("os.environ[\"DJANGO_SECRET_KEY\"]", Keys("DJANGO_SECRET_KEY"), null, "str");
        return new ModuleBuilder(path, DeferredText)
            .Set("SECRET_KEY", secret)
            .Set("DEBUG", new PyDeferred("os.environ.get(\"DJANGO_DEBUG\", \"0\") == \"1\"", Keys("DJANGO_DEBUG"), new PyBool(false), "bool"))
            .Set("CORS_ALLOWED_ORIGINS", new PyDeferred("os.environ.get(\"CORS_ALLOWED_ORIGINS\", \"http://localhost:3000\").split(\",\")", Keys("CORS_ALLOWED_ORIGINS"), List("http://localhost:3000"), "list"))
            .Set("CORS_ALLOW_CREDENTIALS", new PyBool(true))
            .Set("CORS_ALLOWED_ORIGIN_REGEXES", new PyList(new PyValue[] { new PyPattern("^https://\\w+\\.example\\.com$", true) }.ToEquatableArray()))
            .SetJwt("ACCESS_TOKEN_LIFETIME", new PyDeferred("timedelta(minutes=int(os.getenv(\"ACCESS_MINUTES\", \"5\")))", Keys("ACCESS_MINUTES"), Minutes(5), "timedelta"))
            .SetJwt("LEEWAY", new PyFloat(1.5))
            .SetJwt("SIGNING_KEY", secret)
            .SetJwt("ISSUER", Str("https://auth.example.com/<tenant> & \"co\""));
    }

    /// <summary>A str.</summary>
    public static PyStr Str(string s) => new(s);

    /// <summary>A list of str.</summary>
    public static PyList List(params string[] items) => new(items.Select(i => (PyValue)new PyStr(i)).ToEquatableArray());

    /// <summary>A timedelta of whole minutes.</summary>
    public static PyTimeDelta Minutes(long m) => new(m * 60_000_000L);

    private static EquatableArray<string> Keys(params string[] keys) => keys.ToEquatableArray();
}
