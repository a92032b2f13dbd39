using System;

namespace DjangoSettings.Jwt;

/// <summary>What an Authorization header holds for SimpleJWT.</summary>
internal enum AuthorizationHeaderKind
{
    /// <summary>No header, empty header, or another scheme: anonymous (another authenticator may handle it).</summary>
    None,

    /// <summary>Our scheme, but not exactly two words: 401 bad_authorization_header.</summary>
    Malformed,

    /// <summary>Our scheme and one token.</summary>
    Token,
}

/// <summary>DRF JWTAuthentication's header parsing: split on ASCII whitespace runs, case-sensitive scheme.</summary>
internal static class AuthorizationHeaderParser
{
    public static AuthorizationHeaderKind Parse(string? header, string[] types, out string? token)
    {
        token = null;
        if (string.IsNullOrEmpty(header)) return AuthorizationHeaderKind.None;
        var span = header.AsSpan();
        // bytes.split(): space, \t, \n, \v, \f, \r
        Span<Range> words = stackalloc Range[3];
        int count = 0;
        int i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && IsSpace(span[i])) i++;
            if (i >= span.Length) break;
            int start = i;
            while (i < span.Length && !IsSpace(span[i])) i++;
            if (count < 3) words[count] = new Range(start, i);
            count++;
        }
        if (count == 0) return AuthorizationHeaderKind.None;
        var scheme = span[words[0]];
        bool ours = false;
        foreach (var t in types)
        {
            if (scheme.SequenceEqual(t.AsSpan()))
            {
                ours = true;
                break;
            }
        }
        if (!ours) return AuthorizationHeaderKind.None;
        if (count != 2) return AuthorizationHeaderKind.Malformed;
        token = span[words[1]].ToString();
        return AuthorizationHeaderKind.Token;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
