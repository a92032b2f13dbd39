using System;
using System.Text;

namespace DjangoSettings.Shared;

/// <summary>
/// The scheme and netloc parts of CPython 3.11's <c>urllib.parse.urlsplit</c>, which
/// django-cors-headers uses both for configured origins and for the request's Origin header.
/// </summary>
/// <remarks>
/// Deliberately not <see cref="Uri"/>: Python lowercases only the scheme, keeps the netloc verbatim
/// (host case, default ports, userinfo), and accepts or rejects different inputs. The result holds
/// offsets into <see cref="UrlSplitResult.Source"/> so the common case allocates nothing; only an
/// input that needs tab/CR/LF removal gets a new string. Written for netstandard2.0 so the source
/// generator can run the same parser at build time.
/// </remarks>
internal static class PythonUrlSplit
{
    /// <summary>
    /// Splits <paramref name="url"/> like <c>urlsplit(url)</c>. Returns false where Python raises
    /// <c>ValueError</c> (unbalanced or invalid brackets, NFKC-unsafe netloc).
    /// </summary>
    public static bool TrySplit(string url, out UrlSplitResult result)
    {
        result = default;
        if (url is null) return false;

        // 1. lstrip the WHATWG C0-control-or-space set (U+0000..U+0020).
        int start = 0;
        while (start < url.Length && url[start] <= ' ') start++;

        // 2. Delete tab, CR and LF anywhere (only then do we allocate).
        string s = url;
        if (start > 0 || url.IndexOfAny(UnsafeBytes) >= 0)
        {
            var sb = new StringBuilder(url.Length - start);
            for (int k = start; k < url.Length; k++)
            {
                char c = url[k];
                if (c != '\t' && c != '\r' && c != '\n') sb.Append(c);
            }
            s = sb.ToString();
        }

        // 3. Scheme: letter (letter|digit|+|-|.)* before the first ':' (i > 0).
        int schemeLength = 0;
        bool schemeHasUpper = false;
        int rest = 0;
        int colon = s.IndexOf(':');
        if (colon > 0 && IsAsciiLetter(s[0]))
        {
            bool ok = true;
            for (int k = 0; k < colon; k++)
            {
                char c = s[k];
                if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
                {
                    ok = false;
                    break;
                }
                if (c >= 'A' && c <= 'Z') schemeHasUpper = true;
            }
            if (ok)
            {
                schemeLength = colon;
                rest = colon + 1;
            }
            else
            {
                schemeHasUpper = false;
            }
        }

        // 4. Netloc: after "//" up to the first '/', '?' or '#'.
        int netlocStart = rest, netlocLength = 0;
        if (s.Length - rest >= 2 && s[rest] == '/' && s[rest + 1] == '/')
        {
            netlocStart = rest + 2;
            int end = s.Length;
            for (int k = netlocStart; k < s.Length; k++)
            {
                char c = s[k];
                if (c == '/' || c == '?' || c == '#')
                {
                    end = k;
                    break;
                }
            }
            netlocLength = end - netlocStart;
            int open = s.IndexOf('[', netlocStart, netlocLength);
            int close = s.IndexOf(']', netlocStart, netlocLength);
            if ((open >= 0) != (close >= 0)) return false;                 // "Invalid IPv6 URL"
            if (open >= 0 && !BracketedNetlocIsValid(s.Substring(netlocStart, netlocLength))) return false;
            if (!NetlocSurvivesNfkc(s, netlocStart, netlocLength)) return false;
        }

        result = new UrlSplitResult(s, 0, schemeLength, schemeHasUpper, netlocStart, netlocLength);
        return true;
    }

    private static readonly char[] UnsafeBytes = { '\t', '\r', '\n' };

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    // Python's _check_bracketed_netloc: nothing before '[', only ":port" after ']', and the
    // bracketed text must be an IPv6 address (ipaddress.ip_address, not IPv4) or an IPvFuture.
    private static bool BracketedNetlocIsValid(string netloc)
    {
        int at = netloc.LastIndexOf('@');
        string hostAndPort = at >= 0 ? netloc.Substring(at + 1) : netloc;
        int open = hostAndPort.IndexOf('[');
        string hostname;
        if (open >= 0)
        {
            if (open > 0) return false;
            string bracketed = hostAndPort.Substring(open + 1);
            int close = bracketed.IndexOf(']');
            if (close >= 0)
            {
                hostname = bracketed.Substring(0, close);
                string port = bracketed.Substring(close + 1);
                if (port.Length > 0 && port[0] != ':') return false;
            }
            else
            {
                hostname = bracketed;
            }
        }
        else
        {
            int c = hostAndPort.IndexOf(':');
            hostname = c >= 0 ? hostAndPort.Substring(0, c) : hostAndPort;
        }
        if (hostname.StartsWith("v", StringComparison.Ordinal)) return IsIpvFuture(hostname);
        return PythonIpAddress.IsIPv6(hostname);
    }

    // \Av[a-fA-F0-9]+\..+\Z  ('.' never matches '\n', which step 2 already removed... except U+2028 etc.)
    private static bool IsIpvFuture(string h)
    {
        int k = 1;
        while (k < h.Length && IsHex(h[k])) k++;
        if (k == 1 || k >= h.Length || h[k] != '.') return false;
        k++;
        if (k >= h.Length) return false;
        for (; k < h.Length; k++)
        {
            if (h[k] == '\n') return false;
        }
        return true;
    }

    internal static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    // Python's _checknetloc: a non-ASCII netloc whose NFKC form gains '/', '?', '#', '@' or ':'
    // (e.g. U+2100 "a/c") is a ValueError.
    private static bool NetlocSurvivesNfkc(string s, int start, int length)
    {
        bool ascii = true;
        for (int k = start; k < start + length; k++)
        {
            if (s[k] > 0x7F)
            {
                ascii = false;
                break;
            }
        }
        if (ascii) return true;
        var sb = new StringBuilder(length);
        for (int k = start; k < start + length; k++)
        {
            char c = s[k];
            if (c != '@' && c != ':' && c != '#' && c != '?') sb.Append(c);
        }
        string n = sb.ToString();
        string normalized;
        try
        {
            normalized = n.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates: Python strings cannot hold them from an HTTP header; refuse.
            return false;
        }
        if (string.Equals(n, normalized, StringComparison.Ordinal)) return true;
        return normalized.IndexOfAny(NfkcForbidden) < 0;
    }

    private static readonly char[] NfkcForbidden = { '/', '?', '#', '@', ':' };
}

/// <summary>
/// A <c>urlsplit</c> result as offsets into <see cref="Source"/>: scheme and netloc without
/// allocating (the middleware's hot path); path, query and fragment on demand (the build's checks).
/// </summary>
internal readonly struct UrlSplitResult
{
    internal UrlSplitResult(string source, int schemeStart, int schemeLength, bool schemeHasUpper, int netlocStart, int netlocLength)
    {
        Source = source;
        SchemeStart = schemeStart;
        SchemeLength = schemeLength;
        SchemeHasUpper = schemeHasUpper;
        NetlocStart = netlocStart;
        NetlocLength = netlocLength;
    }

    /// <summary>The cleaned input (the original string unless characters had to be removed).</summary>
    public string Source { get; }

    /// <summary>Offset of the scheme (always 0 when present).</summary>
    public int SchemeStart { get; }

    /// <summary>Length of the scheme; 0 when Python finds no scheme.</summary>
    public int SchemeLength { get; }

    /// <summary>Whether the raw scheme has upper-case ASCII letters (Python lowercases it).</summary>
    public bool SchemeHasUpper { get; }

    /// <summary>Offset of the netloc.</summary>
    public int NetlocStart { get; }

    /// <summary>Length of the netloc; 0 when there is no <c>//</c>.</summary>
    public int NetlocLength { get; }

    /// <summary>The scheme as Python returns it (lowercased). Allocates.</summary>
    public string Scheme => SchemeLength == 0 ? "" : Source.Substring(SchemeStart, SchemeLength).ToLowerInvariant();

    /// <summary>The netloc, verbatim. Allocates.</summary>
    public string Netloc => NetlocLength == 0 ? "" : Source.Substring(NetlocStart, NetlocLength);

    /// <summary>The path, as Python returns it (after the netloc, before <c>?</c> and <c>#</c>). Allocates.</summary>
    public string Path => Rest(out _, out _);

    /// <summary>The query (after <c>?</c>, before <c>#</c>). Allocates.</summary>
    public string Query
    {
        get
        {
            Rest(out string query, out _);
            return query;
        }
    }

    /// <summary>The fragment (after <c>#</c>). Allocates.</summary>
    public string Fragment
    {
        get
        {
            Rest(out _, out string fragment);
            return fragment;
        }
    }

    // urlsplit takes the fragment off first, then the query; what remains is the path.
    private string Rest(out string query, out string fragment)
    {
        string rest = Source.Substring(NetlocStart + NetlocLength);
        fragment = query = string.Empty;
        int hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest.Substring(hash + 1);
            rest = rest.Substring(0, hash);
        }
        int q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest.Substring(q + 1);
            rest = rest.Substring(0, q);
        }
        return rest;
    }
}
