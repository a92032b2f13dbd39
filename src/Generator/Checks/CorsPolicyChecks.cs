using System;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Policy-level CORS checks Django does not make: allow-all with credentials, allow-all making the
/// lists dead, an explicit header list that drops authorization while SIMPLE_JWT is configured,
/// response headers listed as request headers, and CorsMiddleware below CommonMiddleware.
/// </summary>
internal static class CorsPolicyChecks
{
    // The middleware CorsMiddleware must precede, with the responses that answer before it (and so
    // without CORS headers) when it does not.
    private static readonly (string Middleware, string Responses)[] MiddlewareThatMustFollow =
    {
        ("django.middleware.common.CommonMiddleware", "the responses CommonMiddleware answers itself (APPEND_SLASH redirects, also of preflights to a URL without its slash, DISALLOWED_USER_AGENTS refusals, the 400 for a disallowed host)"),
        ("whitenoise.middleware.WhiteNoiseMiddleware", "the static files WhiteNoise serves"),
    };

    public static void Run(CheckContext ctx)
    {
        var allowAll = ctx["CORS_ALLOW_ALL_ORIGINS"];
        var credentials = ctx["CORS_ALLOW_CREDENTIALS"];
        bool allowAllOn = ctx.IsUsable(allowAll) && allowAll.IsSet && CheckContext.Truthy(allowAll.Value);

        if (allowAllOn && ctx.IsUsable(credentials) && CheckContext.Truthy(credentials.Value))
        {
            ctx.Report(DiagnosticDescriptors.CorsAllowAllWithCredentials, allowAll.NameLocation, allowAll, allowAll.WrittenName);
        }

        if (allowAllOn)
        {
            foreach (var key in new[] { "CORS_ALLOWED_ORIGINS", "CORS_ALLOWED_ORIGIN_REGEXES" })
            {
                var list = ctx[key];
                if (list.IsSet && (!list.Value.IsConstant || CheckContext.Truthy(list.Value)))
                {
                    ctx.Report(DiagnosticDescriptors.CorsAllowAllMakesListDead, list.NameLocation, list, allowAll.WrittenName, list.WrittenName);
                }
            }
        }

        var headers = ctx["CORS_ALLOW_HEADERS"];
        if (headers.IsSet && ctx.IsUsable(headers))
        {
            var names = CheckContext.Strings(headers).ToList();
            if (ctx.Settings.HasSimpleJwt && AuthHeaderIsAuthorization(ctx) && !names.Any(h => string.Equals(h.Text, "authorization", StringComparison.OrdinalIgnoreCase)))
            {
                ctx.Report(DiagnosticDescriptors.CorsAllowHeadersDropsAuthorization, headers.NameLocation, headers);
            }
            foreach (var (text, location) in names)
            {
                if (text.StartsWith("access-control-", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("access-control-request-", StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Report(DiagnosticDescriptors.CorsResponseHeaderAsRequestHeader, location, headers, text, headers.WrittenName);
                }
            }
        }

        CheckMiddlewareOrder(ctx);
    }

    // A custom AUTH_HEADER_NAME (HTTP_X_ACCESS_TOKEN) means the token travels in another header.
    private static bool AuthHeaderIsAuthorization(CheckContext ctx)
    {
        var name = ctx["SIMPLE_JWT.AUTH_HEADER_NAME"];
        return !ctx.IsUsable(name) || name.Value is not PyStr s || s.Value == "HTTP_AUTHORIZATION";
    }

    private static void CheckMiddlewareOrder(CheckContext ctx)
    {
        var middleware = ctx["MIDDLEWARE"];
        if (!middleware.IsSet || !ctx.IsUsable(middleware)) return;
        var items = CheckContext.Strings(middleware).ToList();
        int cors = items.FindIndex(m => m.Text == "corsheaders.middleware.CorsMiddleware");
        if (cors < 0) return;
        for (int i = 0; i < cors; i++)
        {
            foreach (var (name, responses) in MiddlewareThatMustFollow)
            {
                if (items[i].Text != name) continue;
                ctx.Report(DiagnosticDescriptors.CorsMiddlewareOrder, items[cors].Location, middleware, name, responses);
                return;
            }
        }
    }
}
