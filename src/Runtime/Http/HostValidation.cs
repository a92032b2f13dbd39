using System;
using System.Collections.Generic;

namespace DjangoSettings.Http;

/// <summary>
/// Django's host checks (<c>django.http.request.split_domain_port</c>, <c>validate_host</c> and
/// <c>django.utils.http.is_same_domain</c>) over spans: the host is lower-cased for the checks only,
/// and nothing is allocated.
/// </summary>
public static class HostValidation
{
    /// <summary>
    /// <c>split_domain_port</c>: whether <paramref name="host"/> (lower-cased) matches
    /// <c>^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9\.:]+\])(:\d+)?$</c>, and its domain part (one trailing dot
    /// removed; a bracketed IPv6 address keeps its brackets). False means Django's domain is empty.
    /// </summary>
    public static bool TrySplitDomain(ReadOnlySpan<char> host, out ReadOnlySpan<char> domain)
    {
        domain = default;
        // Python's "$" also matches before one final "\n"; the newline then stays in the domain.
        ReadOnlySpan<char> body = host.Length > 0 && host[host.Length - 1] == '\n' ? host.Slice(0, host.Length - 1) : host;
        if (body.Length == 0) return false;

        int nameEnd;
        if (Lower(body[0]) == '[')
        {
            // \[[a-f0-9]*:[a-f0-9\.:]+\] : a colon after the hex run, then at least one of [a-f0-9.:].
            int i = 1;
            while (i < body.Length && IsHex(Lower(body[i]))) i++;
            if (i >= body.Length || body[i] != ':') return false;
            i++;
            int tail = i;
            while (i < body.Length && (IsHex(Lower(body[i])) || body[i] == '.' || body[i] == ':')) i++;
            if (i == tail || i >= body.Length || body[i] != ']') return false;
            nameEnd = i + 1;
        }
        else
        {
            // Vectorised over the usual ASCII name; a non-ASCII character goes the slow way
            // (Python lower-cases the Kelvin sign to "k").
            int i = body.IndexOfAnyExcept(NameCharsAnyCase);
            if (i < 0) i = body.Length;
            while (i < body.Length && IsNameChar(Lower(body[i]))) i++;
            if (i == 0) return false;
            nameEnd = i;
        }

        if (nameEnd < body.Length)
        {
            // (:\d+)? - Python's \d is any Unicode decimal digit.
            if (body[nameEnd] != ':' || nameEnd + 1 == body.Length) return false;
            for (int i = nameEnd + 1; i < body.Length; i++)
            {
                if (!char.IsDigit(body[i])) return false;
            }
        }

        // Django works on the whole host from here (the "\n" included): a bracketed address without
        // a port is returned whole; otherwise split at the last ':'.
        if (host[host.Length - 1] == ']')
        {
            domain = host;
            return true;
        }
        int colon = host.LastIndexOf(':');
        ReadOnlySpan<char> d = colon >= 0 ? host.Slice(0, colon) : host;
        if (d.Length > 0 && d[d.Length - 1] == '.') d = d.Slice(0, d.Length - 1);
        domain = d;
        return true;
    }

    /// <summary>
    /// <c>validate_host(domain, allowed)</c>: any pattern is <c>*</c> or <see cref="IsSameDomain"/>.
    /// <paramref name="domain"/> may be in any case (Django lower-cases the host first).
    /// </summary>
    public static bool IsAllowed(ReadOnlySpan<char> domain, IReadOnlyList<string> allowedHosts)
    {
        for (int i = 0; i < allowedHosts.Count; i++)
        {
            string pattern = allowedHosts[i];
            if (pattern == "*" || IsSameDomain(domain, pattern)) return true;
        }
        return false;
    }

    /// <summary>
    /// <c>is_same_domain(host, pattern)</c>: a pattern starting with <c>.</c> matches the domain and
    /// its subdomains; any other pattern must equal the host; an empty pattern never matches.
    /// Both sides compare lower-cased.
    /// </summary>
    public static bool IsSameDomain(ReadOnlySpan<char> host, string pattern)
    {
        if (string.IsNullOrEmpty(pattern)) return false;
        ReadOnlySpan<char> p = pattern.AsSpan();
        if (p[0] == '.')
        {
            return EqualsLower(host, p.Slice(1)) || (host.Length >= p.Length && EqualsLower(host.Slice(host.Length - p.Length), p));
        }
        return EqualsLower(host, p);
    }

    /// <summary>The whole check <c>get_host()</c> makes: the domain is non-empty and allowed.</summary>
    public static bool IsValid(ReadOnlySpan<char> host, IReadOnlyList<string> allowedHosts) =>
        TrySplitDomain(host, out var domain) && domain.Length > 0 && IsAllowed(domain, allowedHosts);

    // str.lower() on each side, compared.
    private static bool EqualsLower(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return false;
        if (System.Text.Ascii.IsValid(a) && System.Text.Ascii.IsValid(b)) return System.Text.Ascii.EqualsIgnoreCase(a, b);
        for (int i = 0; i < a.Length; i++)
        {
            if (Lower(a[i]) != Lower(b[i])) return false;
        }
        return true;
    }

    // Python's str.lower() for one character: the only non-ASCII character it turns into a single
    // ASCII one is the Kelvin sign (U+212A -> "k"); U+0130 becomes two characters there, so it must
    // not become "i" here.
    private static char Lower(char c)
    {
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        if (c == '\u212A') return 'k';
        char lower = char.ToLowerInvariant(c);
        return lower < 0x80 ? c : lower;
    }

    private static readonly System.Buffers.SearchValues<char> NameCharsAnyCase =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';

    private static bool IsNameChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-';
}
