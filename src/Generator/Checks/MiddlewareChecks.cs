using System;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// MIDDLEWARE entry by entry: what the composed pipeline (<c>app.UseDjangoMiddleware()</c>) does
/// with each entry it has no full component for, as an informational note on the entry, so no
/// entry is dropped silently. CorsMiddleware's position is CorsPolicyChecks' (DJS0230).
/// </summary>
internal static class MiddlewareChecks
{
    public static void Run(CheckContext ctx)
    {
        var middleware = ctx["MIDDLEWARE"];
        if (!middleware.IsSet || !ctx.IsUsable(middleware)) return;
        foreach (var (entry, location) in CheckContext.Strings(middleware))
        {
            if (Instead(entry) is { } instead)
            {
                ctx.Report(DiagnosticDescriptors.MiddlewareWithoutEquivalent, location, middleware, entry, instead);
            }
        }
    }

    /// <summary>What the port does for an entry, or null when UseDjangoMiddleware composes it fully.</summary>
    internal static string? Instead(string entry)
    {
        switch (entry)
        {
            case DjangoStartProject.CorsMiddleware:
            case DjangoStartProject.SecurityMiddleware:
            case DjangoStartProject.CommonMiddleware:
            case DjangoStartProject.XFrameOptionsMiddleware:
                return null;
            case DjangoStartProject.SessionMiddleware:
                return "the port has no Django sessions; at this position it adds Vary: Cookie where DRF's SessionAuthentication asked for the session, as Django does";
            case DjangoStartProject.LocaleMiddleware:
                return "composed at this position when the language services are registered (services.AddDjangoLanguage(...): LANGUAGE_CODE, LANGUAGES); otherwise nothing is added and startup logs a warning";
            case DjangoStartProject.CsrfViewMiddleware:
                return "no request-time check: every DRF view (simplejwt's token views included) is csrf_exempt in Django; port other views that read cookies with ASP.NET Core antiforgery (docs/middleware.md#csrf)";
            case DjangoStartProject.AuthenticationMiddleware:
                return "authentication is ASP.NET Core's: call app.UseSimpleJwtAuthentication() (or UseAuthentication()) after app.UseDjangoMiddleware(); DRF views authenticate with REST_FRAMEWORK's classes";
            case DjangoStartProject.MessageMiddleware:
                return "Django's messages framework has no equivalent (an API does not render messages)";
            case "whitenoise.middleware.WhiteNoiseMiddleware":
                return "serve static files with app.UseStaticFiles() (or MapStaticAssets()) at this position";
            case "django.middleware.gzip.GZipMiddleware":
                return "use ASP.NET Core's app.UseResponseCompression()";
            case "django.middleware.http.ConditionalGetMiddleware":
                return "ETag/Last-Modified handling is not reproduced; endpoints set those headers themselves";
            case "django.middleware.cache.UpdateCacheMiddleware":
            case "django.middleware.cache.FetchFromCacheMiddleware":
            case "django.middleware.cache.CacheMiddleware":
                return "use ASP.NET Core's output caching (app.UseOutputCache())";
            case "django.middleware.common.BrokenLinkEmailsMiddleware":
                return "404 e-mails are not reproduced; log 404s with ASP.NET Core's logging instead";
            case "corsheaders.middleware.CorsPostCsrfMiddleware":
                return "removed in django-cors-headers 4.0 (it served CORS_REPLACE_HTTPS_REFERER); nothing to port";
        }
        if (entry.StartsWith("debug_toolbar.", StringComparison.Ordinal) || entry.StartsWith("silk.", StringComparison.Ordinal))
        {
            return "a development tool; nothing in the port";
        }
        if (entry.StartsWith("django.", StringComparison.Ordinal))
        {
            return "this Django middleware is not reproduced; port what it does as ASP.NET Core middleware";
        }
        return "a project or third-party class: port it as ASP.NET Core middleware and add it after app.UseDjangoMiddleware() (or before, for an entry listed above the ones the port composes)";
    }
}
