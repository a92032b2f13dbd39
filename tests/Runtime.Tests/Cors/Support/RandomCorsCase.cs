using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DjangoSettings.Cors;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>
/// A random configuration (always one Django's 3.14 system checks accept, or the oracle would
/// refuse to start) and random requests for it. The same value is rendered twice: as a Django
/// settings file for the oracle and as <see cref="DjangoCorsSettings"/> for us.
/// </summary>
public sealed class RandomCorsCase
{
    private static readonly string[] ConfiguredOrigins =
    {
        "https://example.com", "http://example.com", "http://localhost:3000", "https://EXAMPLE.com", "https://example.com:443",
        "http://[::1]:8000", "null", "file://", "https://u@example.com", "http://127.0.0.1:3000", "HTTPS://upper.example",
        "https://a.b.c.example.com:8443",
    };

    private static readonly string[] Regexes =
    {
        @"^https://\w+\.example\.org$", @"^http://localhost:\d+", @"https://a\.com", @"(?i)^https://case\.example$",
        @"^https://(?P<sub>[a-z]+)\.named\.test$", @"^https://x\.test\Z", @"^https://[a-z]{,3}\.short$", @"^null$",
        @"^https://(?P<w>\w)(?P=w)\.double\.test$", @"^https?://.*\.wild\.test$", "(?x)^https://[a-z]+ \\.verbose\\.test$  # spaces ignored",
        @"^https://(a|b)+\.alt\.test$",
    };

    private static readonly string?[] UrlRegexes = { null, null, @"^/(api|public)/.*$", "^/api/", "^/public/$", "^/(?!other/)" };

    private static readonly string[][] HeaderLists = { new[] { "x-a", "X-B" }, Array.Empty<string>(), new[] { "content-type", "authorization", "x-custom" } };
    private static readonly string[][] MethodLists = { new[] { "GET", "POST" }, new[] { "get", "PATCH" }, Array.Empty<string>() };
    private static readonly string[][] ExposeLists = { Array.Empty<string>(), new[] { "X-Total-Count" }, new[] { "a", "B", "a" } };
    private static readonly int[] MaxAges = { 0, 600, 1, 123456 };

    private static readonly string[] RequestOrigins =
    {
        "https://example.com", "https://example.com/", "https://example.com/path?q=1", "https://EXAMPLE.COM", "HTTPS://example.com",
        "https://example.com:443", "http://example.com", "http://localhost:3000", "http://localhost:3001", "null", "NULL", "foo",
        "file://", "file:///x", "https://u@example.com", "http://[::1]:8000", "https://[::1", "https://example.com]",
        "https://abc.example.org", "https://abc.example.org.evil", "https://a.com.evil.net", "https://CASE.example",
        "https://abc.named.test", "https://x.test", "https://ab.short", "https://abcd.short", "https://aa.double.test",
        "https://ab.double.test", "http://foo.wild.test", "https://abc.verbose.test", "https://ex\u00e4mple.com", "https://ex\tample.com",
        "upper.example", "https://upper.example", "https://[v1.x]", "https://[1.2.3.4]", "https://abab.alt.test", "http://127.0.0.1:3000",
        "https://a.b.c.example.com:8443", "localhost:3000",
    };

    private static readonly string[] Paths = { "/api/", "/public/", "/other/", "/nope/", "/api/token", "/api/me/" };
    private static readonly string[] Methods = { "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "OPTIONS", "options" };

    private RandomCorsCase(DjangoCorsSettings settings, string settingsFile, IReadOnlyList<ProbeRequest> requests, bool allowHeadersDefined)
    {
        Settings = settings;
        SettingsFile = settingsFile;
        Requests = requests;
        AllowHeadersDefined = allowHeadersDefined;
    }

    /// <summary>Ours.</summary>
    public DjangoCorsSettings Settings { get; }

    /// <summary>The oracle's cors.settings text.</summary>
    public string SettingsFile { get; }

    /// <summary>The requests, ids unique within the case.</summary>
    public IReadOnlyList<ProbeRequest> Requests { get; }

    /// <summary>Whether CORS_ALLOW_HEADERS is in the file (else the 3.14 → 4.x default delta applies).</summary>
    public bool AllowHeadersDefined { get; }

    /// <summary>Generates case number <paramref name="index"/> from <paramref name="random"/>.</summary>
    public static RandomCorsCase Generate(Random random, int index, int requestCount)
    {
        var lines = new StringBuilder($"# random CORS case {index}\n");
        var settings = new DjangoCorsSettings();

        // Origins, with the legacy alias sometimes, and sometimes both (the new name must win). The
        // settings record takes current names only (the binder resolves aliases); what it gets here is
        // Django's documented precedence, and the live oracle run checks it against Django itself.
        var origins = Pick(random, ConfiguredOrigins, random.Next(0, 5));
        int originStyle = random.Next(10);
        if (originStyle < 7) { settings = settings with { AllowedOrigins = origins }; Line(lines, "CORS_ALLOWED_ORIGINS", origins); }
        else if (originStyle < 9) { settings = settings with { AllowedOrigins = origins }; Line(lines, "CORS_ORIGIN_WHITELIST", origins); }
        else
        {
            var other = Pick(random, ConfiguredOrigins, 2);
            settings = settings with { AllowedOrigins = origins };
            Line(lines, "CORS_ALLOWED_ORIGINS", origins);
            Line(lines, "CORS_ORIGIN_WHITELIST", other);
        }

        if (random.Next(3) > 0)
        {
            var rx = Pick(random, Regexes, random.Next(1, 4));
            if (random.Next(5) == 0) { settings = settings with { AllowedOriginRegexes = rx }; Line(lines, "CORS_ORIGIN_REGEX_WHITELIST", rx); }
            else { settings = settings with { AllowedOriginRegexes = rx }; Line(lines, "CORS_ALLOWED_ORIGIN_REGEXES", rx); }
        }

        int allAll = random.Next(10);
        if (allAll < 2) { settings = settings with { AllowAllOrigins = true }; lines.Append("CORS_ALLOW_ALL_ORIGINS = True\n"); }
        else if (allAll == 2) { settings = settings with { AllowAllOrigins = true }; lines.Append("CORS_ORIGIN_ALLOW_ALL = True\n"); }
        else if (allAll == 3)
        {
            settings = settings with { AllowAllOrigins = false };
            lines.Append("CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\n");
        }

        bool credentials = random.Next(2) == 0;
        settings = settings with { AllowCredentials = credentials };
        lines.Append("CORS_ALLOW_CREDENTIALS = ").Append(credentials ? "True" : "False").Append('\n');
        if (random.Next(10) < 3) { settings = settings with { AllowPrivateNetwork = true }; lines.Append("CORS_ALLOW_PRIVATE_NETWORK = True\n"); }

        string? urls = UrlRegexes[random.Next(UrlRegexes.Length)];
        if (urls is not null) { settings = settings with { UrlsRegex = urls }; lines.Append("CORS_URLS_REGEX = ").Append(Py(urls)).Append('\n'); }

        bool headersDefined = random.Next(2) == 0;
        if (headersDefined)
        {
            var h = HeaderLists[random.Next(HeaderLists.Length)];
            settings = settings with { AllowHeaders = h };
            Line(lines, "CORS_ALLOW_HEADERS", h);
        }
        if (random.Next(2) == 0)
        {
            var m = MethodLists[random.Next(MethodLists.Length)];
            settings = settings with { AllowMethods = m };
            Line(lines, "CORS_ALLOW_METHODS", m);
        }
        if (random.Next(2) == 0)
        {
            var e = ExposeLists[random.Next(ExposeLists.Length)];
            settings = settings with { ExposeHeaders = e };
            Line(lines, "CORS_EXPOSE_HEADERS", e);
        }
        if (random.Next(2) == 0)
        {
            int age = MaxAges[random.Next(MaxAges.Length)];
            settings = settings with { PreflightMaxAge = age };
            lines.Append("CORS_PREFLIGHT_MAX_AGE = ").Append(age).Append('\n');
        }

        var requests = new List<ProbeRequest>(requestCount);
        for (int i = 0; i < requestCount; i++)
        {
            string path = Paths[random.Next(Paths.Length)];
            string method = path == "/api/me/" ? "GET" : Methods[random.Next(Methods.Length)];
            var headers = new List<KeyValuePair<string, string>>();
            int o = random.Next(20);
            if (o == 0) { }
            else if (o == 1) headers.Add(new("Origin", ""));
            else if (o == 2)
            {
                headers.Add(new("Origin", RequestOrigins[random.Next(RequestOrigins.Length)]));
                headers.Add(new("Origin", RequestOrigins[random.Next(RequestOrigins.Length)]));
            }
            else headers.Add(new("Origin", RequestOrigins[random.Next(RequestOrigins.Length)]));
            int acrm = random.Next(10);
            if (acrm < 3) headers.Add(new("Access-Control-Request-Method", "GET"));
            else if (acrm == 3) headers.Add(new("Access-Control-Request-Method", ""));
            else if (acrm == 4) headers.Add(new("Access-Control-Request-Method", "PURGE"));
            int pn = random.Next(10);
            if (pn < 2) headers.Add(new("Access-Control-Request-Private-Network", "true"));
            else if (pn == 2) headers.Add(new("Access-Control-Request-Private-Network", "True"));
            requests.Add(new ProbeRequest($"c{index}-r{i}", method, path, headers, null));
        }
        return new RandomCorsCase(settings, lines.ToString(), requests, headersDefined);
    }

    /// <summary>The corpus JSON for probe.py (header pairs as a list, to keep duplicates).</summary>
    public string CorpusJson()
    {
        var items = Requests.Select(r => new Dictionary<string, object>
        {
            ["id"] = r.Id,
            ["method"] = r.Method,
            ["path"] = r.Path,
            ["headers"] = r.Headers.Select(h => new[] { h.Key, h.Value }).ToArray(),
        });
        return JsonSerializer.Serialize(new { requests = items });
    }

    private static string[] Pick(Random random, string[] pool, int count) =>
        Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)]).ToArray();

    private static void Line(StringBuilder lines, string name, IEnumerable<string> values) =>
        lines.Append(name).Append(" = [").Append(string.Join(", ", values.Select(Py))).Append("]\n");

    // A JSON string literal is a valid Python literal (\uXXXX, \\, \" and \t mean the same).
    private static string Py(string value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
}
