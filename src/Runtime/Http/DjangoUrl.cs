using System;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Http;

/// <summary>
/// The URL strings Django puts into redirects: <c>request.path</c>, <c>get_full_path()</c>
/// (<c>escape_uri_path</c> + <c>iri_to_uri</c> of the query), <c>escape_leading_slashes</c>.
/// Allocates only when a character needs escaping.
/// </summary>
public static class DjangoUrl
{
    // escape_uri_path keeps these besides ASCII letters and digits (quote's "_.-~" included).
    private const string PathSafe = "/:@&+$,-_.!~*'()";
    // iri_to_uri keeps these besides ASCII letters and digits.
    private const string IriSafe = "/#%[]=:;$&()+,!?*@'~-_.";

    /// <summary><c>request.path</c>: the script prefix (PathBase) and the path, decoded; <c>/</c> when empty.</summary>
    public static string Path(HttpRequest request)
    {
        string path = request.PathBase.HasValue ? request.PathBase.Value + request.Path.Value : request.Path.Value ?? "";
        return path.Length == 0 ? "/" : path;
    }

    /// <summary>
    /// <c>request.get_full_path(force_append_slash)</c>: the path re-escaped (<c>escape_uri_path</c>),
    /// a <c>/</c> when asked, and <c>?</c> + the query as sent (through <c>iri_to_uri</c>) when there is one.
    /// </summary>
    public static string FullPath(HttpRequest request, bool appendSlash = false)
    {
        string path = EscapeUriPath(Path(request));
        if (appendSlash) path += "/";
        string? query = request.QueryString.Value;
        if (string.IsNullOrEmpty(query) || query == "?") return path;
        return path + "?" + IriToUri(query.Substring(1));
    }

    /// <summary><c>get_full_path_with_slash</c> as CommonMiddleware builds it: a leading <c>//</c> becomes <c>/%2F</c>.</summary>
    public static string FullPathWithSlash(HttpRequest request) => EscapeLeadingSlashes(FullPath(request, appendSlash: true));

    /// <summary><c>escape_leading_slashes</c>: <c>//evil.com/</c> → <c>/%2Fevil.com/</c>, so it cannot read as a scheme-relative URL.</summary>
    public static string EscapeLeadingSlashes(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) ? "/%2F" + url.Substring(2) : url;

    /// <summary><c>escape_uri_path</c>: percent-encode (UTF-8, upper-case hex) all but letters, digits and <c>/:@&amp;+$,-_.!~*'()</c>.</summary>
    public static string EscapeUriPath(string path) => Quote(path, PathSafe);

    /// <summary><c>iri_to_uri</c>: percent-encode all but letters, digits and <c>/#%[]=:;$&amp;()+,!?*@'~-_.</c>.</summary>
    public static string IriToUri(string iri) => Quote(iri, IriSafe);

    private static string Quote(string text, string safe)
    {
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsSafe(text[i], safe))
            {
                first = i;
                break;
            }
        }
        if (first < 0) return text;

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsSafe(c, safe))
            {
                sb.Append(c);
                continue;
            }
            int count;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                count = Encoding.UTF8.GetBytes(text.AsSpan(i, 2), utf8);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate cannot be UTF-8 encoded (Python raises); U+FFFD is the closest safe answer.
                count = Encoding.UTF8.GetBytes("\uFFFD".AsSpan(), utf8);
            }
            else
            {
                count = Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
            }
            for (int b = 0; b < count; b++) sb.Append('%').Append("0123456789ABCDEF"[utf8[b] >> 4]).Append("0123456789ABCDEF"[utf8[b] & 15]);
        }
        return sb.ToString();
    }

    private static bool IsSafe(char c, string safe) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || (c < 0x80 && safe.IndexOf(c) >= 0);
}
