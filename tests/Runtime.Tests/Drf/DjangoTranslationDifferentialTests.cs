using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Localization;
using DjangoSettings.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// The language machinery against Django 3.2 itself (Debian's python3): every msgid of DRF and
/// simplejwt in every language of Django's LANGUAGES under several LANGUAGE_CODEs (catalogue
/// merging, locale aliases, fallbacks), get_supported_language_variant, check_for_language, and
/// LocaleMiddleware's choice for a corpus of Accept-Language headers and cookies.
/// </summary>
public class DjangoTranslationDifferentialTests
{
    private static readonly string[] Apps = ["django.contrib.auth", "django.contrib.contenttypes", "rest_framework", "rest_framework_simplejwt"];

    private static async Task<JsonElement> DjangoAsync(string languageCode, string[]? languages, string script, object input)
    {
        string langs = languages is null ? "" : ", LANGUAGES=[(c, c) for c in " + JsonSerializer.Serialize(languages) + "]";
        string setup = $$"""
            import json, sys, types
            urls = types.ModuleType("differential_urls")
            urls.urlpatterns = []
            sys.modules["differential_urls"] = urls
            from django.conf import settings
            settings.configure(INSTALLED_APPS={{JsonSerializer.Serialize(Apps)}}, LANGUAGE_CODE={{JsonSerializer.Serialize(languageCode)}}, USE_I18N=True, SECRET_KEY="x" * 50, ROOT_URLCONF="differential_urls"{{langs}})
            import django
            django.setup()
            from django.utils import translation
            from django.utils.translation import trans_real
            data = json.loads(sys.stdin.read())
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(setup + "\n" + script);
        psi.StandardInputEncoding = new UTF8Encoding(false);
        psi.StandardOutputEncoding = Encoding.UTF8;
        using var p = Process.Start(psi)!;
        await p.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        p.StandardInput.Close();
        string output = await p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [SkippableTheory]
    [InlineData("en-us")]
    [InlineData("ko-kr")]
    [InlineData("de")]
    [InlineData("pt-br")]
    public async Task Every_message_in_every_language_is_djangos(string languageCode)
    {
        Services.RequireDjangoOracle();
        string[] msgids = DjangoTranslationDataAccess.Msgids();
        var translations = new DjangoTranslations(new DjangoLanguageSettings { LanguageCode = languageCode, InstalledApps = Apps });
        var languages = translations.Languages.Concat(["ko-kr", "en-us", "de-ch", "zh-cn", "pt-pt", "sr-latn-rs", "no", "xx"]).ToArray();
        var expected = await DjangoAsync(languageCode, null, """
            out = {}
            for lang in data["languages"]:
                with translation.override(lang):
                    out[lang] = [translation.gettext(m) for m in data["msgids"]]
            print(json.dumps(out, ensure_ascii=False))
            """, new { languages, msgids });
        var failures = new List<string>();
        int compared = 0;
        foreach (var lang in languages)
        {
            var theirs = expected.GetProperty(lang);
            for (int i = 0; i < msgids.Length; i++)
            {
                compared++;
                string ours = translations.Gettext(lang, msgids[i]);
                if (ours != theirs[i].GetString()) failures.Add($"{lang} '{msgids[i]}': ours '{ours}' django '{theirs[i].GetString()}'");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} differ:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(compared > 10_000);
    }

    [SkippableFact]
    public async Task Language_variants_and_catalogue_checks_are_djangos()
    {
        Services.RequireDjangoOracle();
        string[] codes = ["de", "de-ch", "de-at", "de-de-1996", "fr-ca", "ko", "ko-kr", "pt-br", "pt", "zh-hans", "zh-cn", "zh-hant-tw", "zh-tw", "zh-hk", "zh-mo",
            "es-ar", "es-cl", "es-mx", "en-us", "en", "en-gb", "xx", "no", "nb", "sr-latn", "sr", "x-klingon", "it-it", "", "zh", "ar-dz", "EN-GB", "de_DE", "-de"];
        var translations = new DjangoTranslations(new DjangoLanguageSettings { InstalledApps = Apps });
        var expected = await DjangoAsync("en-us", null, """
            out = []
            for code in data:
                try:
                    v = trans_real.get_supported_language_variant(code)
                except LookupError:
                    v = None
                out.append([v, trans_real.check_for_language(code)])
            print(json.dumps(out))
            """, codes);
        var failures = new List<string>();
        for (int i = 0; i < codes.Length; i++)
        {
            string? variant = translations.GetSupportedLanguageVariant(codes[i]);
            bool check = translations.CheckForLanguage(codes[i]);
            string? theirVariant = expected[i][0].ValueKind == JsonValueKind.Null ? null : expected[i][0].GetString();
            if (variant != theirVariant || check != expected[i][1].GetBoolean()) failures.Add($"'{codes[i]}': ours {variant}/{check} django {theirVariant}/{expected[i][1].GetBoolean()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string, string?> LocaleConfigurations => new()
    {
        { "en-us", null },
        { "ko-kr", null },
        { "de", "[\"fr-ca\", \"en\", \"de\", \"pt-br\", \"zh-hant\"]" },
    };

    [SkippableTheory]
    [MemberData(nameof(LocaleConfigurations))]
    public async Task Locale_middleware_picks_djangos_language(string languageCode, string? languagesJson)
    {
        Services.RequireDjangoOracle();
        string[]? languages = languagesJson is null ? null : JsonSerializer.Deserialize<string[]>(languagesJson);
        string?[] headers = [null, "", "de", "de-CH", "de-AT", "fr-CA", "fr-FR", "ko", "ko-KR", "pt-BR", "zh-hans", "zh-CN", "zh-Hant-TW", "zh-TW", "zh-HK", "es-AR", "es-CL",
            "es-MX;q=1, *", "en-US", "EN", "*", "xx", "no", "en-GB", "sr-latn", "nb", "it-IT,it;q=0.9", "x-klingon, it", "fr;q=0.8, de;q=0.8", "de;q=0.8, fr;q=0.8",
            "xx, de;q=0", "de;q=abc", "de;q=1.5", "de;q=0.0001", "de_DE", ",de", "de,", "de ,  fr", "de;q=0.5,fr;q=0.9", "*;q=1, de", "de;q=0.\u0665",
            "fr-ca", "pt", "ar-dz", new string('a', 9) + ", de", "de-" + new string('x', 600), string.Join(",", Enumerable.Repeat("xx", 200)) + ",de"];
        string?[] cookies = [null, "de", "pt-br", "pt-BR", "xx", "zh-cn", "fr-ca"];
        var cases = (from h in headers from c in cookies.Take(headers.Length > 0 ? 1 : 0) select new[] { h, c })
            .Concat(from c in cookies from h in new string?[] { null, "ko" } select new[] { h, c }).ToList();
        var expected = await DjangoAsync(languageCode, languages, """
            from django.test import RequestFactory
            from django.middleware.locale import LocaleMiddleware
            from django.http import HttpResponse
            f = RequestFactory()
            mw = LocaleMiddleware(lambda r: HttpResponse("x"))
            out = []
            for header, cookie in data:
                extra = {} if header is None else {"HTTP_ACCEPT_LANGUAGE": header}
                req = f.get("/", **extra)
                if cookie is not None:
                    req.COOKIES[settings.LANGUAGE_COOKIE_NAME] = cookie
                resp = mw(req)
                out.append([resp["Content-Language"], translation.gettext("Not found.")])
                translation.deactivate()
            print(json.dumps(out, ensure_ascii=False))
            """, cases);
        var translations = new DjangoTranslations(new DjangoLanguageSettings { LanguageCode = languageCode, Languages = languages, InstalledApps = Apps });
        var middleware = new DjangoLocaleMiddleware(_ => Task.CompletedTask, translations);
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var context = new DefaultHttpContext();
            if (cases[i][0] is string h) context.Request.Headers.AcceptLanguage = h;
            if (cases[i][1] is string c) context.Request.Headers.Cookie = "django_language=" + c;
            var responseFeature = new TestResponseFeature();
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(responseFeature);
            await middleware.InvokeAsync(context);
            await responseFeature.StartAsync();
            string ours = context.Response.Headers.ContentLanguage.ToString();
            string oursText = translations.Gettext(context, "Not found.");
            string theirs = expected[i][0].GetString()!;
            string theirsText = expected[i][1].GetString()!;
            if (ours != theirs || oursText != theirsText) failures.Add($"Accept-Language {JsonSerializer.Serialize(cases[i][0])} cookie {cases[i][1]}: ours {ours} '{oursText}' django {theirs} '{theirsText}'");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed class TestResponseFeature : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = new();

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            for (int i = _starting.Count - 1; i >= 0; i--) await _starting[i].Callback(_starting[i].State);
        }
    }
}
