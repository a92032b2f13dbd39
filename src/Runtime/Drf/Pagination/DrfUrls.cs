using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DjangoSettings.Drf;

/// <summary>
/// The URLs DRF's paginators build: Django's <c>request.build_absolute_uri()</c> (scheme, the raw
/// Host, the path re-escaped from the request target, the query through <c>iri_to_uri</c>) and
/// DRF's <c>replace_query_param</c>/<c>remove_query_param</c> (query parsed with blank values kept,
/// sorted by name, re-encoded with <c>quote_plus</c>).
/// </summary>
public static class DrfUrls
{
    private const string PathSafe = "/:@&+$,-_.!~*'()";
    private const string IriSafe = "/#%[]=:;$&()+,!?*@'~";

    /// <summary>
    /// <c>request.build_absolute_uri()</c>: <c>scheme://host</c> plus Django's full path. The path
    /// comes from the raw request target (percent-decoded as WSGI does, so <c>%2F</c> is a slash and
    /// dot segments stay), re-escaped with Django's safe set.
    /// </summary>
    public static string BuildAbsoluteUri(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : (request.PathBase + request.Path).ToUriComponent() + request.QueryString.Value;
        string pathPart = target;
        int q = target.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) pathPart = target.Substring(0, q);
        // Absolute-form request targets carry the scheme and authority.
        int scheme = pathPart.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !pathPart.StartsWith('/'))
        {
            int slash = pathPart.IndexOf('/', scheme + 3);
            pathPart = slash < 0 ? "/" : pathPart.Substring(slash);
        }
        string query = DrfRequest.RawQuery(request);
        string full = PythonQuote.Quote(WsgiPath(pathPart), PathSafe) + (query.Length > 0 ? "?" + PythonQuote.Quote(query, IriSafe) : "");
        return PythonQuote.Quote(request.Scheme + "://" + request.Host.Value + full, IriSafe);
    }

    /// <summary><c>replace_query_param(url, key, val)</c>.</summary>
    public static string ReplaceQueryParameter(string url, string key, string value) => Rebuild(url, key, value);

    /// <summary><c>remove_query_param(url, key)</c>.</summary>
    public static string RemoveQueryParameter(string url, string key) => Rebuild(url, key, null);

    private static string Rebuild(string url, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(key);
        var (prefix, query, fragment) = Split(url);
        // parse_qs: values grouped by name, in order; a dict keeps first-seen name order.
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in DrfQueryDict.ParsePairs(query))
        {
            if (!groups.TryGetValue(k, out var list)) groups[k] = list = new List<string>();
            list.Add(v);
        }
        if (value is null) groups.Remove(key);
        else groups[key] = [value];
        var sb = new StringBuilder();
        foreach (var (k, values) in groups.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var v in values)
            {
                if (sb.Length > 0) sb.Append('&');
                sb.Append(PythonQuote.QuotePlus(k)).Append('=').Append(PythonQuote.QuotePlus(v));
            }
        }
        string result = prefix;
        if (sb.Length > 0) result += "?" + sb;
        if (fragment.Length > 0) result += "#" + fragment;
        return result;
    }

    // urlsplit, as far as these URLs need it: everything before '?', the query, the fragment.
    private static (string Prefix, string Query, string Fragment) Split(string url)
    {
        string fragment = "";
        int hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = url.Substring(hash + 1);
            url = url.Substring(0, hash);
        }
        int q = url.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (url, "", fragment) : (url.Substring(0, q), url.Substring(q + 1), fragment);
    }

    // WSGI's PATH_INFO: every %XX decoded (%2F included), bytes that are not valid UTF-8
    // re-percent-encoded (repercent_broken_unicode).
    private static string WsgiPath(string rawPath)
    {
        var bytes = new List<byte>(rawPath.Length);
        for (int i = 0; i < rawPath.Length; i++)
        {
            char c = rawPath[i];
            if (c == '%' && i + 2 < rawPath.Length && char.IsAsciiHexDigit(rawPath[i + 1]) && char.IsAsciiHexDigit(rawPath[i + 2]))
            {
                bytes.Add(Convert.ToByte(rawPath.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        var data = bytes.ToArray();
        var sb = new StringBuilder(data.Length);
        int start = 0;
        while (start < data.Length)
        {
            if (PythonUtf8.Validate(data.AsSpan(start)) is null)
            {
                sb.Append(Encoding.UTF8.GetString(data, start, data.Length - start));
                break;
            }
            int bad = FirstInvalid(data, start, out int badLength);
            sb.Append(Encoding.UTF8.GetString(data, start, bad - start));
            for (int k = bad; k < bad + badLength; k++) sb.Append('%').Append(data[k].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            start = bad + badLength;
        }
        return sb.ToString();
    }

    // Where decoding fails and how many bytes Python's UnicodeDecodeError covers (e.start..e.end).
    private static int FirstInvalid(byte[] data, int start, out int length)
    {
        int i = start;
        while (i < data.Length)
        {
            byte b = data[i];
            int need = b < 0x80 ? 0 : b is >= 0xC2 and <= 0xDF ? 1 : b is >= 0xE0 and <= 0xEF ? 2 : b is >= 0xF0 and <= 0xF4 ? 3 : -1;
            if (need < 0)
            {
                length = 1;
                return i;
            }
            int ok = 0;
            for (int k = 1; k <= need; k++)
            {
                if (i + k >= data.Length) break;
                byte c = data[i + k];
                byte lo = 0x80, hi = 0xBF;
                if (k == 1)
                {
                    if (b == 0xE0) lo = 0xA0;
                    else if (b == 0xED) hi = 0x9F;
                    else if (b == 0xF0) lo = 0x90;
                    else if (b == 0xF4) hi = 0x8F;
                }
                if (c < lo || c > hi) break;
                ok++;
            }
            if (ok < need)
            {
                length = ok + 1;
                return i;
            }
            i += need + 1;
        }
        length = 0;
        return data.Length;
    }
}
