using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Shared;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// The DRF helpers against DRF 3.14 itself (Debian's python3): view names and docstrings, media type
/// matching and content negotiation, Python's int(), JSONRenderer output. Inputs go to a Python script
/// on stdin, one JSON document per line; its answers are the expected values.
/// </summary>
public class DrfPythonDifferentialTests
{
    private const string Setup = """
        import json, sys
        from django.conf import settings
        settings.configure(INSTALLED_APPS=["rest_framework"])
        import django
        django.setup()
        """;

    private static async Task<List<JsonElement>> PythonAsync(string script, IEnumerable<object?> inputs)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Setup + "\n" + script);
        psi.StandardInputEncoding = new UTF8Encoding(false);
        psi.StandardOutputEncoding = Encoding.UTF8;
        using var p = Process.Start(psi)!;
        foreach (var input in inputs) await p.StandardInput.WriteLineAsync(JsonSerializer.Serialize(input));
        p.StandardInput.Close();
        string output = await p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [SkippableFact]
    public async Task View_names_and_descriptions_match_drf()
    {
        Services.RequireDjangoOracle();
        string[] names = ["ItemsView", "MeView", "api_root", "ReadOnlyView", "UserViewSet", "JSONThing", "HTMLView", "v2_api_root", "TokenObtainPairView",
            "AView", "ABView", "aBC", "ItemView_list", "X", "View", "ViewSet", "SimpleAPIView", "ÄpfelView", "my__view", "getHTTPResponseCode"];
        string[] docs = ["", "One line.", "\n    Indented\n    block.\n    ", "First line\n    second\n      third\n", "\tTabbed\n\tlines", "  lead\n\n    x\n  y", "Takes a set of user credentials and returns an access and refresh JSON web\n    token pair to prove the authentication of those credentials.\n    "];
        var results = await PythonAsync("""
            from rest_framework.utils import formatting
            from rest_framework.views import get_view_name, get_view_description
            for line in sys.stdin:
                kind, text = json.loads(line)
                if kind == "name":
                    cls = type(text, (), {})
                    out = get_view_name(cls())
                else:
                    cls = type("V", (), {"__doc__": text})
                    out = get_view_description(cls())
                print(json.dumps(out))
            """, names.Select(n => new[] { "name", n }).Concat(docs.Select(d => new[] { "doc", d })));
        var ours = names.Select(DrfViewNames.FromPythonName).Concat(docs.Select(DrfViewNames.FromDocstring)).ToList();
        var failures = ours.Zip(results).Where(p => p.First != p.Second.GetString()).Select(p => $"ours '{p.First}' != drf '{p.Second.GetString()}'").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Python_int_matches_int()
    {
        Services.RequireDjangoOracle();
        string[] inputs = ["2", " 2 ", "+2", "-2", "0_2", "1__0", "_1", "1_", "2.0", "abc", "", " ", "\u0662", "\u0661\u0660", "\uff12", "１_２", "99999999999999999999999", "0x10", "1e3", "\t7\n", "\u00a03\u2003", "--1", "+", "٣_٤", "𝟚"];
        var results = await PythonAsync("""
            for line in sys.stdin:
                s = json.loads(line)
                try:
                    print(json.dumps(str(int(s))))
                except ValueError:
                    print(json.dumps(None))
            """, inputs);
        var failures = new List<string>();
        for (int i = 0; i < inputs.Length; i++)
        {
            string? ours = PythonInt.TryParse(inputs[i], out BigInteger v) ? v.ToString() : null;
            string? theirs = results[i].ValueKind == JsonValueKind.Null ? null : results[i].GetString();
            if (ours != theirs) failures.Add($"int({JsonSerializer.Serialize(inputs[i])}): ours {ours} python {theirs}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Content_negotiation_matches_drf()
    {
        Services.RequireDjangoOracle();
        string?[] accepts = [null, "", "*/*", "application/json", "text/html", "text/*", "application/*", "application/json;q=0, text/html", "text/html;q=1, application/json;q=0.5",
            "garbage", "Application/JSON", "application/json; indent=4", "*/*;q=0.1", "*/*; indent=2", "text/html, application/json; indent=3", "application/xml, */*",
            "application/json;version=2", " application/json ", "image/png,application/xml", "text/plain", ",", "application/json;charset=\"utf-8\"", "*/json", "*"];
        string?[] formats = [null, "json", "api", "xml"];
        var cases = (from a in accepts from f in formats select new object?[] { a, f }).ToList();
        var results = await PythonAsync("""
            from rest_framework.negotiation import DefaultContentNegotiation
            from rest_framework.renderers import JSONRenderer, BrowsableAPIRenderer
            from rest_framework.request import Request
            from rest_framework import exceptions
            from django.http import Http404
            from django.test import RequestFactory
            factory = RequestFactory()
            neg = DefaultContentNegotiation()
            renderers = [JSONRenderer(), BrowsableAPIRenderer()]
            for line in sys.stdin:
                accept, fmt = json.loads(line)
                extra = {} if accept is None else {"HTTP_ACCEPT": accept}
                req = Request(factory.get("/", {"format": fmt} if fmt else {}, **extra))
                try:
                    r, mt = neg.select_renderer(req, renderers)
                    print(json.dumps([r.media_type, mt]))
                except exceptions.NotAcceptable:
                    print(json.dumps(406))
                except Http404:
                    print(json.dumps(404))
            """, cases);
        IDrfRenderer[] renderers = [DrfJsonRenderer.Default, DrfBrowsableApiRenderer.Instance];
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            string ours;
            try
            {
                var (r, mt) = DrfContentNegotiation.SelectRenderer(renderers, (string?)cases[i][0], (string?)cases[i][1]);
                ours = r.MediaType + " | " + mt.Original;
            }
            catch (DrfException e)
            {
                ours = e.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            var result = results[i];
            string theirs = result.ValueKind == JsonValueKind.Array ? result[0].GetString() + " | " + result[1].GetString() : result.GetRawText();
            if (ours != theirs) failures.Add($"Accept {JsonSerializer.Serialize(cases[i][0])} format {cases[i][1]}: ours {ours} drf {theirs}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Json_renderer_matches_drf()
    {
        Services.RequireDjangoOracle();
        var data = new object?[]
        {
            new Dictionary<string, object?> { ["a"] = 1, ["b"] = new object?[] { 1, 2.5, "x\u2028y", null, true }, ["c"] = new Dictionary<string, object?>(), ["d"] = Array.Empty<object>() },
            new object?[] { "é<>&'\"\\\n\u0001", 2.5e20, 1e-7, 0.1, 1.5, 123456789012345678L },
        };
        string[] accepted = ["application/json", "application/json; indent=4", "application/json; indent=0", "application/json; indent=12", "application/json; indent=x", "application/json;indent=-3"];
        var cases = (from d in data from a in accepted from compact in new[] { true, false } from unicode in new[] { true, false } select new object?[] { d, a, compact, unicode }).ToList();
        var results = await PythonAsync("""
            from rest_framework.renderers import JSONRenderer
            for line in sys.stdin:
                data, accepted, compact, unicode = json.loads(line)
                r = JSONRenderer()
                r.compact = compact
                r.ensure_ascii = not unicode
                print(json.dumps(r.render(data, accepted).decode("utf-8")))
            """, cases);
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var renderer = new DrfJsonRenderer(unicodeJson: (bool)cases[i][3]!, compactJson: (bool)cases[i][2]!);
            string ours = Encoding.UTF8.GetString(renderer.Render(cases[i][0], DrfMediaType.Parse((string)cases[i][1]!)));
            if (ours != results[i].GetString()) failures.Add($"case {i} ({cases[i][1]}, compact {cases[i][2]}, unicode {cases[i][3]}):\n  ours {ours}\n  drf  {results[i].GetString()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Throttle_rates_parse_as_drf_parses_them()
    {
        Services.RequireDjangoOracle();
        string[] rates = ["100/day", "5/m", "10/second", "10/sec", "10/mxyz", "10/hour", "10/days", " 10/s", "+10/s", "1_0/s", "0/m", "-1/m",
            "10/M", "10/5m", "10/ min", "10", "10/m/x", "abc/m", "10/", "/m", "٣/h", "99999999999999999999/d"];
        var results = await PythonAsync("""
            from rest_framework.throttling import SimpleRateThrottle
            t = SimpleRateThrottle.__new__(SimpleRateThrottle)
            for line in sys.stdin:
                try:
                    n, d = t.parse_rate(json.loads(line))
                    print(json.dumps([str(n), d]))
                except Exception as e:
                    print(json.dumps(type(e).__name__))
            """, rates);
        var failures = new List<string>();
        for (int i = 0; i < rates.Length; i++)
        {
            string ours = DrfThrottleRate.TryParse(rates[i], out var rate, out var error)
                ? rate.NumRequests + " " + rate.DurationSeconds
                : error!.Split(':')[0];
            var r = results[i];
            string theirs = r.ValueKind == JsonValueKind.Array ? r[0].GetString() + " " + r[1].GetInt32() : r.GetString()!;
            // Python ints are unbounded; the port saturates a count beyond 2^63-1 (no rate gets there).
            if (rates[i].StartsWith("9999", StringComparison.Ordinal)) theirs = long.MaxValue + " 86400";
            if (ours != theirs) failures.Add($"{rates[i]}: ours {ours} drf {theirs}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Client_identity_matches_get_ident()
    {
        Services.RequireDjangoOracle();
        string?[] xffs = [null, "", "9.9.9.9 , 8.8.8.8", "1.1.1.1", " 1.1.1.1\t,2.2.2.2 ", "a,b,c", ",", "10.0.0.1, 10.0.0.2", "x\u00a0y"];
        int?[] proxies = [null, 0, 1, 2, 5];
        var cases = (from x in xffs from n in proxies select new object?[] { x, n }).ToList();
        var results = await PythonAsync("""
            from rest_framework.throttling import BaseThrottle
            from rest_framework.settings import api_settings
            from django.test import RequestFactory
            from rest_framework.request import Request
            f = RequestFactory()
            for line in sys.stdin:
                xff, n = json.loads(line)
                api_settings.NUM_PROXIES = n
                extra = {"REMOTE_ADDR": "127.0.0.1"}
                if xff is not None: extra["HTTP_X_FORWARDED_FOR"] = xff
                print(json.dumps(BaseThrottle().get_ident(Request(f.get("/", **extra)))))
            """, cases);
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("::ffff:127.0.0.1");
            if (cases[i][0] is string xff) context.Request.Headers["X-Forwarded-For"] = xff;
            string ours = DrfClientIdentity.GetIdent(context, (int?)cases[i][1]);
            if (ours != results[i].GetString()) failures.Add($"XFF {JsonSerializer.Serialize(cases[i][0])} NUM_PROXIES {cases[i][1]}: ours '{ours}' drf '{results[i].GetString()}'");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task LocMem_store_decides_as_drf_over_locmemcache()
    {
        Services.RequireDjangoOracle();
        // Many clients, a small MAX_ENTRIES (culling), expiry, and a rate whose window slides.
        var rng = new Random(1411);
        var steps = new List<object?[]>();
        double now = 1_700_000_000.25;
        for (int i = 0; i < 400; i++)
        {
            now += rng.Next(0, 4) == 0 ? rng.NextDouble() * 30 : rng.NextDouble();
            steps.Add(["c" + rng.Next(0, 9), now]);
        }
        var results = await PythonAsync("""
            from django.core.cache.backends.locmem import LocMemCache
            from rest_framework.throttling import SimpleRateThrottle
            import time
            cache = LocMemCache("t", {"OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2}})
            class T(SimpleRateThrottle):
                rate = "3/m"
                def get_cache_key(self, request, view):
                    return "throttle_x_" + request
            T.cache = cache
            for line in sys.stdin:
                ident, now = json.loads(line)
                time.time = lambda: now
                t = T()
                t.timer = lambda: now
                ok = t.allow_request(ident, None)
                print(json.dumps([ok, None if ok else t.wait()]))
            """, steps);
        var store = new DjangoSettings.Caching.LocMemThrottleStore(new DjangoSettings.Caching.DjangoCacheSettings
        {
            Options = new Dictionary<string, string> { ["MAX_ENTRIES"] = "5", ["CULL_FREQUENCY"] = "2" },
        });
        var failures = new List<string>();
        for (int i = 0; i < steps.Count; i++)
        {
            var d = await store.HitAsync("throttle_x_" + steps[i][0], DrfThrottleRate.Parse("3/m"), (double)steps[i][1]!);
            bool okPy = results[i][0].GetBoolean();
            double? waitPy = results[i][1].ValueKind == JsonValueKind.Null ? null : results[i][1].GetDouble();
            if (d.Allowed != okPy || d.Wait != waitPy) failures.Add($"step {i} {steps[i][0]}@{steps[i][1]}: ours {d.Allowed}/{d.Wait} drf {okPy}/{waitPy}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
