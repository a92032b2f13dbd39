using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// Writes responses the way DRF's JSONRenderer does: compact separators, non-ASCII left raw
/// (<c>ensure_ascii=False</c>) but U+2028/U+2029 escaped, <c>Content-Type: application/json</c>
/// without a charset, and a <c>WWW-Authenticate</c> header on every 401.
/// </summary>
internal static class DrfJsonResponse
{
    public const string JsonContentType = "application/json";

    /// <summary>The rendered body bytes for <paramref name="body"/>.</summary>
    public static byte[] Render(object? body) =>
        Encoding.UTF8.GetBytes(PythonJsonWriter.Serialize(body, ensureAscii: false, escapeLineSeparators: true));

    public static Task WriteAsync(HttpContext context, int status, object? body, string? wwwAuthenticate, string? allow = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        if (allow is not null) response.Headers.Allow = allow;
        if (status == StatusCodes.Status401Unauthorized && wwwAuthenticate is not null) response.Headers.WWWAuthenticate = wwwAuthenticate;
        // simplejwt's and DRF's messages in the request's language (LANGUAGE_CODE or LocaleMiddleware's).
        if (context.RequestServices?.GetService(typeof(IDrfTranslator)) is IDrfTranslator translator)
        {
            body = DrfLocalizer.Localize(body, id => translator.Gettext(context, id));
        }
        byte[] bytes = Render(body);
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return Task.CompletedTask;
        return response.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted);
    }

    /// <summary><c>{"detail": ...}</c>, optionally with a <c>code</c> (key order detail, code).</summary>
    public static TokenClaimsBuilder Detail(string detail, string? code = null)
    {
        var body = new TokenClaimsBuilder().Set("detail", detail);
        if (code is not null) body.Set("code", code);
        return body;
    }
}
