using System;
using System.Collections.Generic;
using System.Globalization;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>APIException</c> family: thrown by a handler (or raised by the view machinery) it becomes
/// the response DRF's <c>exception_handler</c> builds: <c>{"detail": ...}</c> (or the detail itself
/// when it is a list or dict), the status, <c>WWW-Authenticate</c> for 401s and <c>Retry-After</c>
/// for throttling.
/// </summary>
public class DrfException : Exception
{
    /// <summary>An exception with a status, a detail (string, <see cref="DrfMessage"/>, list or dict) and a code.</summary>
    public DrfException(int statusCode, object detail, string code)
        : base(detail?.ToString())
    {
        ArgumentNullException.ThrowIfNull(detail);
        StatusCode = statusCode;
        Detail = detail;
        Code = code;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>A string or <see cref="DrfMessage"/> (wrapped in <c>{"detail": ...}</c>), or a list or dict (rendered as is).</summary>
    public object Detail { get; }

    /// <summary>DRF's error code (<c>not_authenticated</c>, <c>throttled</c>, ...); the default handler does not render it.</summary>
    public string Code { get; }

    /// <summary>Seconds until a throttled request may be retried (<c>Retry-After</c> when non-zero).</summary>
    public long? Wait { get; init; }

    /// <summary>True for NotAuthenticated and AuthenticationFailed: the first authentication class decides 401 or 403.</summary>
    public bool IsAuthenticationError { get; init; }

    /// <summary>400 <c>Malformed request.</c> or the given detail.</summary>
    public static DrfException ParseError(object? detail = null) => new(400, detail ?? new DrfMessage(DrfMessages.ParseError), "parse_error");

    /// <summary>401 <c>Incorrect authentication credentials.</c> or the given detail.</summary>
    public static DrfException AuthenticationFailed(object? detail = null) =>
        new(401, detail ?? new DrfMessage(DrfMessages.AuthenticationFailed), "authentication_failed") { IsAuthenticationError = true };

    /// <summary>401 <c>Authentication credentials were not provided.</c></summary>
    public static DrfException NotAuthenticated() =>
        new(401, new DrfMessage(DrfMessages.NotAuthenticated), "not_authenticated") { IsAuthenticationError = true };

    /// <summary>403 <c>You do not have permission to perform this action.</c> or the given detail.</summary>
    public static DrfException PermissionDenied(object? detail = null, string? code = null) =>
        new(403, detail ?? new DrfMessage(DrfMessages.PermissionDenied), code ?? "permission_denied");

    /// <summary>404 <c>Not found.</c> or the given detail.</summary>
    public static DrfException NotFound(object? detail = null) => new(404, detail ?? new DrfMessage(DrfMessages.NotFound), "not_found");

    /// <summary>405 <c>Method "X" not allowed.</c></summary>
    public static DrfException MethodNotAllowed(string method) =>
        new(405, new DrfMessage(DrfMessages.MethodNotAllowed, null, new KeyValuePair<string, string>("method", method)), "method_not_allowed");

    /// <summary>406 <c>Could not satisfy the request Accept header.</c></summary>
    public static DrfException NotAcceptable() => new(406, new DrfMessage(DrfMessages.NotAcceptable), "not_acceptable");

    /// <summary>415 <c>Unsupported media type "X" in request.</c> (the raw Content-Type, echoed verbatim).</summary>
    public static DrfException UnsupportedMediaType(string mediaType) =>
        new(415, new DrfMessage(DrfMessages.UnsupportedMediaType, null, new KeyValuePair<string, string>("media_type", mediaType)), "unsupported_media_type");

    /// <summary>
    /// 429 <c>Request was throttled.</c>, plus <c>Expected available in N second(s).</c> (English:
    /// DRF never translates it) and <c>Retry-After: N</c> when a wait is known (N = ceil(wait)).
    /// </summary>
    public static DrfException Throttled(double? wait)
    {
        if (wait is not { } w) return new DrfException(429, new DrfMessage(DrfMessages.Throttled), "throttled");
        long n = (long)Math.Ceiling(w);
        string tail = string.Create(CultureInfo.InvariantCulture, $"Expected available in {n} second{(n == 1 ? "" : "s")}.");
        return new DrfException(429, new DrfMessage(DrfMessages.Throttled, tail), "throttled") { Wait = n };
    }
}
