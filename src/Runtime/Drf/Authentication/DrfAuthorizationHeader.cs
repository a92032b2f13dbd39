using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>get_authorization_header(request).split()</c>: the header as ISO-8859-1 bytes, split on
/// runs of ASCII whitespace (space, tab, CR, LF, VT, FF), leading and trailing whitespace ignored.
/// </summary>
internal static class DrfAuthorizationHeader
{
    public static List<byte[]> Split(HttpContext context)
    {
        var header = context.Request.Headers.Authorization;
        var words = new List<byte[]>(2);
        if (header.Count == 0) return words;
        byte[] bytes = Encoding.Latin1.GetBytes(header.ToString());
        int i = 0;
        while (i < bytes.Length)
        {
            while (i < bytes.Length && IsSpace(bytes[i])) i++;
            if (i >= bytes.Length) break;
            int start = i;
            while (i < bytes.Length && !IsSpace(bytes[i])) i++;
            words.Add(bytes.AsSpan(start, i - start).ToArray());
        }
        return words;
    }

    /// <summary><c>bytes.lower() == keyword.lower().encode()</c>.</summary>
    public static bool IsKeyword(byte[] word, string keyword)
    {
        if (word.Length != keyword.Length) return false;
        for (int i = 0; i < word.Length; i++)
        {
            byte b = word[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(word[i] + 32) : word[i];
            char k = char.ToLowerInvariant(keyword[i]);
            if (b != k) return false;
        }
        return true;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
