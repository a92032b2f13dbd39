using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Localization;

/// <summary>
/// Django's <c>LocaleMiddleware</c> (without <c>i18n_patterns</c>). Request phase: the language from
/// the <c>django_language</c> cookie, else <c>Accept-Language</c> (highest q first; <c>*</c> stops the
/// scan; each range mapped by <c>get_supported_language_variant</c>), else LANGUAGE_CODE's supported
/// variant, else LANGUAGE_CODE; it becomes the request's language for DRF's and simplejwt's messages.
/// Response phase, on every response passing through it: <c>Vary: Accept-Language</c> merged in and
/// <c>Content-Language</c> set unless present. Place it where MIDDLEWARE lists LocaleMiddleware
/// (<see cref="Microsoft.AspNetCore.Builder.DjangoLocaleApplicationBuilderExtensions.UseDjangoLocale"/>).
/// </summary>
public sealed class DjangoLocaleMiddleware
{
    private readonly RequestDelegate _next;
    private readonly DjangoTranslations _translations;

    /// <summary>Created by the pipeline.</summary>
    public DjangoLocaleMiddleware(RequestDelegate next, DjangoTranslations translations)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _translations = translations ?? throw new ArgumentNullException(nameof(translations));
    }

    /// <summary>Activates the request's language and decorates the response.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = _translations.Settings;
        // With USE_I18N = False activate() does nothing and get_language() is LANGUAGE_CODE verbatim.
        string contentLanguage;
        if (settings.UseI18n)
        {
            string language = LanguageFromRequest(context);
            context.Features.Set(new DjangoLanguageFeature(language));
            contentLanguage = ToLanguage(language);
        }
        else
        {
            contentLanguage = settings.LanguageCode;
        }
        context.Response.OnStarting(static state =>
        {
            var (ctx, value) = ((HttpContext, string))state;
            var headers = ctx.Response.Headers;
            headers.Vary = PatchVary(headers.Vary, "Accept-Language");
            if (!headers.ContainsKey("Content-Language")) headers.ContentLanguage = value;
            return Task.CompletedTask;
        }, (context, contentLanguage));
        return _next(context);
    }

    /// <summary>Django's <c>get_language_from_request</c> (no path prefixes).</summary>
    public string LanguageFromRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = _translations.Settings;
        string? cookie = context.Request.Cookies.TryGetValue(settings.LanguageCookieName, out var c) ? c : null;
        if (cookie is not null && Contains(_translations.Languages, cookie) && _translations.CheckForLanguage(cookie)) return cookie;
        if (_translations.GetSupportedLanguageVariant(cookie) is { } fromCookie) return fromCookie;

        string accept = context.Request.Headers.AcceptLanguage.ToString();
        foreach (var (range, _) in DjangoAcceptLanguage.Parse(accept))
        {
            if (range == "*") break;
            if (!_translations.CheckForLanguageSyntax(range)) continue;
            if (_translations.GetSupportedLanguageVariant(range) is { } supported) return supported;
        }
        return _translations.GetSupportedLanguageVariant(settings.LanguageCode) ?? settings.LanguageCode;
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value) return true;
        }
        return false;
    }

    // Django's to_language: what get_language() reports for an activated code.
    private static string ToLanguage(string locale)
    {
        int p = locale.IndexOf('_', StringComparison.Ordinal);
        return p >= 0 ? locale.Substring(0, p).ToLowerInvariant() + "-" + locale.Substring(p + 1).ToLowerInvariant() : locale.ToLowerInvariant();
    }

    // Django's patch_vary_headers: tokens kept in order, the new one appended unless present (any case).
    private static StringValues PatchVary(StringValues existing, string token)
    {
        var tokens = new List<string>();
        foreach (var value in existing)
        {
            if (value is null) continue;
            foreach (var part in value.Split(','))
            {
                var t = part.Trim();
                if (t.Length > 0) tokens.Add(t);
            }
        }
        bool present = false;
        foreach (var t in tokens)
        {
            if (string.Equals(t, token, StringComparison.OrdinalIgnoreCase)) present = true;
        }
        if (!present) tokens.Add(token);
        return tokens.Contains("*") ? "*" : string.Join(", ", tokens);
    }
}
