using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>
/// The views of the Django oracle app (shared/oracle/djangoapp), reduced to what a CORS comparison
/// needs: the same status, content type and body length per route and method, and Django's
/// CommonMiddleware APPEND_SLASH redirect. It does not mint or validate tokens, so replays compare
/// status only for requests whose outcome does not depend on JWT logic (<see cref="StatusDependsOnJwt"/>).
/// </summary>
public static class OracleMimicApp
{
    // Django's ERROR_PAGE_TEMPLATE for 404 with DEBUG off (content type "text/html", no charset).
    private const string NotFoundPage = "\n<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n";

    // DRF SimpleMetadata for the api_view, with ORACLE_RENDERERS=json (compact JSON separators).
    private const string ApiRootMetadata = "{\"name\":\"Api Root\",\"description\":\"\",\"renders\":[\"application/json\"],\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]}";

    private static readonly string[] Routes =
    {
        "/api/", "/api/token/", "/api/token/refresh/", "/api/token/verify/", "/api/token/blacklist/", "/api/me/", "/public/", "/other/",
    };

    /// <summary>True when the oracle's status for this request comes from simplejwt (token endpoints, Authorization).</summary>
    public static bool StatusDependsOnJwt(string method, string path, bool hasAuthorization) =>
        hasAuthorization || (path.StartsWith("/api/token/", StringComparison.Ordinal) && string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds the routes as the terminal middleware.</summary>
    public static void Configure(IApplicationBuilder app) => app.Run(HandleAsync);

    private static Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string path = request.Path.Value is { Length: > 0 } p ? p : "/";
        string method = request.Method.ToUpperInvariant();

        if (Array.IndexOf(Routes, path) < 0)
        {
            if (!path.EndsWith('/') && Array.IndexOf(Routes, path + "/") >= 0)
            {
                // CommonMiddleware's APPEND_SLASH (DEBUG off, so also for POST).
                context.Response.StatusCode = 301;
                context.Response.Headers.Location = path + "/" + request.QueryString.Value;
                return Write(context, "text/html; charset=utf-8", "");
            }
            context.Response.StatusCode = 404;
            return Write(context, "text/html", NotFoundPage);
        }

        switch (path)
        {
            case "/public/":
            case "/other/":
                // Django JsonResponse: json.dumps with the default ", " / ": " separators.
                string view = path.Trim('/');
                return Write(context, "application/json", $"{{\"view\": \"{view}\", \"method\": \"{method}\", \"path\": \"{path}\"}}");
            case "/api/":
                if (method == "GET") return Write(context, "application/json", "[\"/api/token\",\"/api/token/refresh\"]");
                if (method == "OPTIONS") return Write(context, "application/json", ApiRootMetadata);
                context.Response.StatusCode = 405;
                return Write(context, "application/json", $"{{\"detail\":\"Method \\\"{method}\\\" not allowed.\"}}");
            case "/api/me/":
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"api\"";
                return Write(context, "application/json", "{\"detail\":\"Authentication credentials were not provided.\"}");
            default:
                // Token endpoints: POST-only DRF views (their JWT answers are not mimicked).
                if (method == "OPTIONS") return Write(context, "application/json", "{}");
                if (method != "POST")
                {
                    context.Response.StatusCode = 405;
                    return Write(context, "application/json", $"{{\"detail\":\"Method \\\"{method}\\\" not allowed.\"}}");
                }
                return Write(context, "application/json", "{}");
        }
    }

    private static Task Write(HttpContext context, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, 0, bytes.Length);
    }
}
