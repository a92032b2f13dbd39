using System.Text;
using DjangoSettings.Jwt;

namespace DjangoStyle;

/// <summary>
/// The seed Django backend's views, ported: <c>/api/</c> (DRF api_view, AllowAny), <c>/api/me/</c>
/// (DRF APIView, IsAuthenticated), and the plain Django views <c>/public/</c> and <c>/other/</c>.
/// Bodies are byte for byte what Django renders, so clients see no difference.
/// </summary>
internal static class SampleRoutes
{
    private static readonly string[] Routes = { "/api/", "/api/me/", "/public/", "/other/" };

    public static void Map(WebApplication app)
    {
        app.MapMethods("/api/", new[] { "GET", "OPTIONS" }, (HttpContext context) => context.Request.Method == "OPTIONS"
                ? Json(context, 200, "{\"name\":\"Api Root\",\"description\":\"\",\"renders\":[\"application/json\"],\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]}")
                : Json(context, 200, "[\"/api/token\",\"/api/token/refresh\"]"))
            .AllowAnonymous();
        // DRF answers other methods on an api_view with 405 and its detail body.
        app.MapMethods("/api/", new[] { "POST", "PUT", "PATCH", "DELETE" }, (HttpContext context) =>
            Json(context, 405, "{\"detail\":\"Method \\\"" + context.Request.Method + "\\\" not allowed.\"}")).AllowAnonymous();

        app.MapGet("/api/me/", (HttpContext context) =>
        {
            var user = context.GetSimpleJwt()!.User;
            // DRF's JSONRenderer: compact separators, non-ASCII kept as is, U+2028/U+2029 escaped.
            // Hand-written (no reflection-based serializer), so it stays trim- and AOT-safe.
            // An integer key is a JSON number, a UUID or text key a string (DRF renders str(uuid)).
            string id = user.Pk.Type is DjangoSettings.Users.DjangoUserKeyType.Integer or DjangoSettings.Users.DjangoUserKeyType.BigInteger
                ? user.Pk.ToString()
                : PythonJsonWriter.Serialize(user.Pk.ToString(), ensureAscii: false, escapeLineSeparators: true);
            var body = "{\"id\":" + id + ",\"username\":" + PythonJsonWriter.Serialize(user.Username, ensureAscii: false, escapeLineSeparators: true) + "}";
            return Json(context, 200, body);
        }).RequireAuthorization();

        foreach (var name in new[] { "public", "other" })
        {
            string path = "/" + name + "/";
            // Plain Django views (csrf_exempt) answer any method; JsonResponse uses ", " and ": ".
            app.Map(path, (HttpContext context) => Json(context, 200,
                "{\"view\": \"" + name + "\", \"method\": \"" + context.Request.Method + "\", \"path\": \"" + path + "\"}"));
        }

        // Django's CommonMiddleware APPEND_SLASH: /api -> 301 /api/ (DEBUG off, so for every method).
        app.MapFallback((HttpContext context) =>
        {
            string path = context.Request.Path.Value ?? "/";
            if (!path.EndsWith('/') && Array.IndexOf(Routes, path + "/") >= 0 || path is "/api/token" or "/api/token/refresh" or "/api/token/verify" or "/api/token/blacklist")
            {
                context.Response.Headers.Location = path + "/" + context.Request.QueryString.Value;
                return Text(context, 301, "text/html; charset=utf-8", "");
            }
            return Text(context, 404, "text/html", "\n<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n");
        });
    }

    private static Task Json(HttpContext context, int status, string body) => Text(context, status, "application/json", body);

    private static Task Text(HttpContext context, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }
}
