using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>Request._parse</c>: no body (Content-Length absent or 0, as Django 3.2 reads WSGI
/// bodies) is an empty dict, or an empty QueryDict for form media types; otherwise the first
/// parser whose media type matches the raw Content-Type parses it, and none is a 415 that echoes
/// the header verbatim.
/// </summary>
internal static class DrfBodyReader
{
    public static async Task<object?> ReadAsync(DrfRequest request)
    {
        var http = request.HttpContext.Request;
        // Django's runserver (wsgiref) reports a missing Content-Type as text/plain.
        string contentType = http.Headers.ContentType.ToString();
        if (contentType.Length == 0) contentType = "text/plain";
        long length = http.ContentLength ?? 0;
        if (length <= 0)
        {
            return IsFormMediaType(contentType) ? DrfQueryDict.Empty : new Jwt.TokenClaimsBuilder();
        }
        var mediaType = DrfMediaType.Parse(contentType);
        IDrfParser? parser = null;
        foreach (var candidate in request.Plan.Parsers)
        {
            if (DrfMediaType.Parse(candidate.MediaType).Matches(mediaType))
            {
                parser = candidate;
                break;
            }
        }
        if (parser is null) throw DrfException.UnsupportedMediaType(contentType);
        // DRF's JSON and form parsers read the raw stream: no DATA_UPLOAD_MAX_MEMORY_SIZE here (3 MB
        // of JSON is accepted, as by Django), only the port's hard cap (a 413 Django never sends).
        var limits = DjangoSettings.Http.DjangoRequestData.Limits(request.HttpContext);
        if (length > limits.HardBodyCap) throw new DrfException(413, "Request body too large.", "request_too_large");
        byte[] body = await ReadBodyAsync(http, (int)length).ConfigureAwait(false);
        // The form parser's QueryDict still counts fields: too many is Django's 400 page, not a DRF error.
        if (parser is DrfFormParser) DjangoSettings.Http.DjangoRequestData.EnsureFormFieldCount(body, limits);
        return await parser.ParseAsync(body, mediaType, request).ConfigureAwait(false);
    }

    // Django's is_form_media_type: urlencoded or multipart, compared on the type only.
    private static bool IsFormMediaType(string contentType)
    {
        var t = DrfMediaType.Parse(contentType).FullType;
        return t is "application/x-www-form-urlencoded" or "multipart/form-data";
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, int length)
    {
        // Exactly Content-Length bytes, as WSGI's LimitedStream reads them.
        byte[] buffer = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = await request.Body.ReadAsync(buffer.AsMemory(read, length - read), request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }
        if (read < length) Array.Resize(ref buffer, read);
        return buffer;
    }
}
