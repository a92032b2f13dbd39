using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Http;

/// <summary>
/// <c>request.body</c>, <c>request.POST</c> and <c>request.GET</c> with Django's limits, for endpoints
/// ported from plain Django views. The limits apply where Django applies them, when the data is
/// read: an endpoint that never reads the body accepts any body, as Django's does. Violations throw
/// <see cref="RequestDataTooBigException"/> / <see cref="TooManyFieldsSentException"/>, which the
/// composed pipeline answers with Django's 400 page.
/// </summary>
public static class DjangoRequestData
{
    /// <summary>
    /// <c>request.body</c>: refused when <c>Content-Length</c> exceeds <c>DATA_UPLOAD_MAX_MEMORY_SIZE</c>
    /// (strictly greater, before reading). A body without <c>Content-Length</c> (chunked), which Django
    /// 3.2 under WSGI would see as empty, is read and held to the same limit by its real size.
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = Limits(context);
        long? declared = context.Request.ContentLength;
        long max = limits.MaxMemorySize ?? limits.HardBodyCap;
        if (declared > limits.MaxMemorySize) throw new RequestDataTooBigException();
        if (declared > limits.HardBodyCap) throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream(declared is long d ? (int)Math.Min(d, int.MaxValue) : 0);
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > Math.Min(max, limits.HardBodyCap))
            {
                if (limits.MaxMemorySize is not null && buffer.Length + read > limits.MaxMemorySize) throw new RequestDataTooBigException();
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// <c>request.POST</c>: empty unless the method is POST; an urlencoded body is read with
    /// <see cref="ReadBodyAsync"/>'s size limit and then held to <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c>;
    /// a multipart body is parsed by ASP.NET Core with the field limit. Other media types give an empty form.
    /// </summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)) return FormCollection.Empty;
        string mediaType = (request.ContentType ?? "").Split(';', 2)[0].Trim();
        if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            byte[] body = await ReadBodyAsync(context).ConfigureAwait(false);
            string text = System.Text.Encoding.UTF8.GetString(body);
            EnsureFieldCount(text, Limits(context));
            var fields = QueryHelpers.ParseNullableQuery(text);
            return fields is null ? FormCollection.Empty : new FormCollection(fields);
        }
        if (string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var limits = Limits(context);
            if (limits.MaxNumberFields is int maxFields && request.HasFormContentType)
            {
                // Django counts multipart fields against the limit plus 2; ASP.NET Core's own
                // limit is the closest equivalent and raises InvalidDataException.
                try
                {
                    return await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueCountLimit = maxFields + 2 }, context.RequestAborted).ConfigureAwait(false);
                }
                catch (InvalidDataException)
                {
                    throw new TooManyFieldsSentException();
                }
            }
            return await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        return FormCollection.Empty;
    }

    /// <summary>
    /// <c>request.GET</c>'s field limit: more than <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c> fields (one
    /// more than the number of <c>&amp;</c>, empty fields included) throws. DRF reads the query on
    /// every request (content negotiation), so DRF views call this before anything else.
    /// </summary>
    public static void EnsureQueryWithinLimits(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? query = context.Request.QueryString.Value;
        if (string.IsNullOrEmpty(query) || query == "?") return;
        EnsureFieldCount(query.AsSpan(1), Limits(context));
    }

    /// <summary><c>request.GET</c> with the limit applied (<see cref="EnsureQueryWithinLimits"/>).</summary>
    public static IQueryCollection GetQuery(HttpContext context)
    {
        EnsureQueryWithinLimits(context);
        return context.Request.Query;
    }

    /// <summary>
    /// DRF's form parser: an urlencoded body (read without a size limit) with more than
    /// <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c> fields throws <see cref="TooManyFieldsSentException"/>.
    /// </summary>
    internal static void EnsureFormFieldCount(ReadOnlySpan<byte> body, DjangoRequestLimitOptions limits)
    {
        if (limits.MaxNumberFields is not int max || body.Length == 0) return;
        int fields = 1;
        foreach (byte b in body)
        {
            if (b == (byte)'&') fields++;
        }
        if (fields > max) throw new TooManyFieldsSentException();
    }

    private static void EnsureFieldCount(ReadOnlySpan<char> text, DjangoRequestLimitOptions limits)
    {
        if (limits.MaxNumberFields is not int max || text.Length == 0) return;
        int fields = 1;
        foreach (char c in text)
        {
            if (c == '&') fields++;
        }
        if (fields > max) throw new TooManyFieldsSentException();
    }

    /// <summary>The registered limits (Django's defaults when none are registered).</summary>
    internal static DjangoRequestLimitOptions Limits(HttpContext context) =>
        context.RequestServices?.GetService<DjangoRequestLimitOptions>() ?? DefaultLimits;

    private static readonly DjangoRequestLimitOptions DefaultLimits = new();
}
