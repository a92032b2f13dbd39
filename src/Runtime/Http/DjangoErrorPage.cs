using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// Django's default error pages with <c>DEBUG</c> off (<c>django.views.defaults</c>, no project
/// templates): byte-exact bodies, <c>Content-Type: text/html</c> without a charset, never translated.
/// </summary>
public static class DjangoErrorPage
{
    /// <summary>The 400 page (143 bytes).</summary>
    public static ReadOnlyMemory<byte> BadRequest { get; } = Page("Bad Request (400)", "");

    /// <summary>The 403 page (135 bytes).</summary>
    public static ReadOnlyMemory<byte> Forbidden { get; } = Page("403 Forbidden", "");

    /// <summary>The 404 page (179 bytes).</summary>
    public static ReadOnlyMemory<byte> NotFound { get; } = Page("Not Found", "The requested resource was not found on this server.");

    /// <summary>The 500 page (145 bytes).</summary>
    public static ReadOnlyMemory<byte> ServerError { get; } = Page("Server Error (500)", "");

    private static readonly StringValues HtmlContentType = new("text/html");

    /// <summary>The page for 400, 403, 404 or 500.</summary>
    public static ReadOnlyMemory<byte> For(int status) => status switch
    {
        400 => BadRequest,
        403 => Forbidden,
        404 => NotFound,
        500 => ServerError,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Django has default pages for 400, 403, 404 and 500 only"),
    };

    /// <summary>
    /// Writes the page for <paramref name="status"/>, as a view (or Django's handler) answers it:
    /// with <c>Content-Length</c> when CommonMiddleware is in MIDDLEWARE (its response phase adds it),
    /// without otherwise. (Pages answered by a middleware's request phase, a bad host or a
    /// disallowed user agent, are written by the pipeline itself, without it, as in Django.)
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = Prepare(context, status);
        if (context.RequestServices?.GetService(typeof(DjangoHttpSettings)) is DjangoHttpSettings { HasCommonMiddleware: true })
        {
            context.Response.ContentLength = page.Length;
        }
        // Written for HEAD too: Kestrel drops the bytes, and CommonMiddleware's Content-Length counts
        // them, as Django's does.
        var write = context.Response.Body.WriteAsync(page, context.RequestAborted);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    /// <summary>Sets the status and Content-Type of the page for <paramref name="status"/> and returns its body.</summary>
    internal static ReadOnlyMemory<byte> Prepare(HttpContext context, int status)
    {
        var page = For(status);
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.ContentType = HtmlContentType;
        return page;
    }

    /// <summary>
    /// The 500 page from an exception handler placed before <c>UseDjangoMiddleware()</c>: in Django
    /// the 500 is produced inside every middleware, so it carries <c>Content-Length</c> when
    /// CommonMiddleware is listed; the other response phases still run (they were registered on the
    /// response before the view failed).
    /// </summary>
    public static Task WriteServerErrorAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status500InternalServerError);

    private static byte[] Page(string title, string detail) => Encoding.UTF8.GetBytes(
        "\n<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>" + title + "</title>\n</head>\n<body>\n  <h1>" + title + "</h1><p>" + detail + "</p>\n</body>\n</html>\n");
}
