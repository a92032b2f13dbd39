using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Http;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// <c>request.data</c> of a DRF view: the body parsed by JSONParser, FormParser or
/// MultiPartParser by Content-Type, or an error response (400 JSON parse error, 415). A missing or
/// empty body is an empty dict, as DRF treats a zero Content-Length.
/// </summary>
internal sealed class DrfRequestData
{
    private readonly TokenPayload? _json;
    private readonly IFormCollection? _form;
    private readonly object? _root;

    private DrfRequestData(object? root, TokenPayload? json, IFormCollection? form)
    {
        _root = root;
        _json = json;
        _form = form;
    }

    /// <summary>Set when the body could not be parsed: status and DRF body.</summary>
    public (int Status, TokenClaimsBuilder Body)? Error { get; private init; }

    /// <summary>
    /// Serializer-level errors for a body that is not a dict (<c>non_field_errors</c>), or null.
    /// </summary>
    public string? NonFieldError => _root switch
    {
        _ when _form is not null || _json is not null => null,
        null when IsNullJson => "No data provided",
        null => null,
        List<object?> => "Invalid data. Expected a dictionary, but got list.",
        string => "Invalid data. Expected a dictionary, but got str.",
        bool => "Invalid data. Expected a dictionary, but got bool.",
        long => "Invalid data. Expected a dictionary, but got int.",
        double => "Invalid data. Expected a dictionary, but got float.",
        _ => "Invalid data.",
    };

    private bool IsNullJson { get; init; }

    /// <summary>The raw value of a field: <see cref="Missing"/> when absent.</summary>
    public object? Get(string field)
    {
        if (_form is not null)
        {
            // QueryDict[...] is the last value of a repeated key.
            return _form.TryGetValue(field, out var values) && values.Count > 0 ? values[values.Count - 1] : Missing;
        }
        if (_json is not null) return _json.TryGetValue(field, out var v) ? v : Missing;
        return Missing;
    }

    /// <summary>Marker for an absent field.</summary>
    public static readonly object Missing = new();

    /// <summary>
    /// Reads and parses the body. DRF's JSON and form parsers read the raw stream, so Django's
    /// <c>DATA_UPLOAD_MAX_MEMORY_SIZE</c> does not apply (3 MB of JSON is accepted, as by Django);
    /// only the port's hard cap does (<see cref="DjangoRequestLimitOptions.HardBodyCap"/>, a 413
    /// Django never sends). An urlencoded body with more than <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c>
    /// fields throws <see cref="TooManyFieldsSentException"/>: Django's HTML 400, not a DRF error.
    /// </summary>
    public static async Task<DrfRequestData> ReadAsync(HttpRequest request)
    {
        var limits = DjangoRequestData.Limits(request.HttpContext);
        long cap = limits.HardBodyCap;
        if (request.ContentLength > cap) return Fail(413, "Request body too large.");
        byte[] body;
        using (var ms = new MemoryStream())
        {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (ms.Length + read > cap) return Fail(413, "Request body too large.");
                ms.Write(buffer, 0, read);
            }
            body = ms.ToArray();
        }
        string? contentType = request.ContentType;
        if (body.Length == 0)
        {
            return new DrfRequestData(null, null, null);
        }
        // Django's runserver (wsgiref) reports a missing Content-Type as text/plain; the oracle shows it.
        string mediaType = string.IsNullOrEmpty(contentType) ? "text/plain" : contentType;
        if (MediaTypeMatches("application/json", mediaType))
        {
            int length = body.Length;
            if (PythonUtf8.Validate(body, out int tail) is { } decodeError)
            {
                if (tail < 0) return Fail(400, "JSON parse error - " + decodeError);
                length = tail;
            }
            string text = Encoding.UTF8.GetString(body, 0, length);
            if (!PythonJsonRequestParser.TryParse(text, out var value, out var error))
            {
                return Fail(400, "JSON parse error - " + error);
            }
            return new DrfRequestData(value, value as TokenPayload, null) { IsNullJson = value is null };
        }
        if (MediaTypeMatches("application/x-www-form-urlencoded", mediaType)) DjangoRequestData.EnsureFormFieldCount(body, limits);
        if (MediaTypeMatches("application/x-www-form-urlencoded", mediaType) || MediaTypeMatches("multipart/form-data", mediaType))
        {
            try
            {
                request.Body = new MemoryStream(body);
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                return new DrfRequestData(form, null, form);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException)
            {
                return Fail(400, "Multipart form parse error - " + ex.Message);
            }
        }
        // Translated as DRF translates the template, then filled in.
        return new DrfRequestData(null, null, null) { Error = (415, new TokenClaimsBuilder().Set("detail",
            new DrfMessage(DrfMessages.UnsupportedMediaType, null, new KeyValuePair<string, string>("media_type", mediaType)))) };
    }

    private static DrfRequestData Fail(int status, string detail) =>
        new(null, null, null) { Error = (status, DrfJsonResponse.Detail(detail)) };

    /// <summary>DRF's <c>media_type_matches(parser_type, request_type)</c>: wildcards on either side, parser params must match.</summary>
    internal static bool MediaTypeMatches(string parserType, string requestType)
    {
        static (string Main, string Sub) Split(string t)
        {
            string full = t.Split(';', 2)[0].Trim();
            int slash = full.IndexOf('/');
            return slash < 0 ? (full, "") : (full.Substring(0, slash), full.Substring(slash + 1));
        }
        var (pm, ps) = Split(parserType);
        var (rm, rs) = Split(requestType);
        if (ps != "*" && rs != "*" && !string.Equals(ps, rs, StringComparison.Ordinal)) return false;
        if (pm != "*" && rm != "*" && !string.Equals(pm, rm, StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>DRF content negotiation: whether the Accept header admits application/json.</summary>
    internal static bool AcceptsJson(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return true;
        foreach (var part in accept.Split(','))
        {
            var t = part.Trim();
            if (t.Length > 0 && MediaTypeMatches("application/json", t)) return true;
        }
        return false;
    }
}
