using System;
using System.Buffers;
using System.Text;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>path_info</c> from the request target as the client sent it: every percent-escape
/// decoded (<c>%2F</c> included), UTF-8, with invalid byte sequences kept as <c>%XX</c> text
/// (<c>repercent_broken_unicode</c>), and dot segments kept. Kestrel instead keeps <c>%2F</c>
/// encoded and removes <c>.</c>/<c>..</c> segments before the application sees the path.
/// </summary>
public static class DjangoPathInfo
{
    /// <summary>
    /// Whether the raw target's path can differ from what Kestrel decoded: it holds a <c>%</c> or a
    /// <c>/.</c>. Allocation-free; false for ordinary paths.
    /// </summary>
    public static bool MayDiffer(string rawTarget)
    {
        int end = PathEnd(rawTarget);
        var path = rawTarget.AsSpan(0, end);
        return path.IndexOf('%') >= 0 || path.IndexOf("/.".AsSpan(), StringComparison.Ordinal) >= 0;
    }

    /// <summary>The decoded path of an origin-form request target (<c>/a%2Fb/./c?q</c> → <c>/a/b/./c</c>), or null for other forms.</summary>
    public static string? FromRawTarget(string rawTarget)
    {
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/') return null;
        int end = PathEnd(rawTarget);
        var path = rawTarget.AsSpan(0, end);
        if (path.IndexOf('%') < 0) return path.ToString();

        var bytes = ArrayPool<byte>.Shared.Rent(path.Length);
        try
        {
            int n = 0;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (c == '%' && i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]))
                {
                    bytes[n++] = (byte)(Hex(path[i + 1]) << 4 | Hex(path[i + 2]));
                    i += 2;
                }
                else
                {
                    // The raw target is ASCII (Kestrel refuses anything else in the request line).
                    bytes[n++] = (byte)c;
                }
            }
            return DecodeKeepingBrokenBytes(bytes.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static int PathEnd(string target)
    {
        int q = target.IndexOf('?');
        int h = target.IndexOf('#');
        int end = target.Length;
        if (q >= 0) end = q;
        if (h >= 0 && h < end) end = h;
        return end;
    }

    // UTF-8 decoding where each byte of an invalid sequence becomes "%XX" (upper-case), as Django's
    // repercent_broken_unicode does before decoding.
    private static string DecodeKeepingBrokenBytes(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes.Slice(i), out Rune rune, out int consumed);
            if (status == OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += consumed;
                continue;
            }
            // Python's decoder reports the longest invalid prefix; each of its bytes is re-percented.
            for (int k = 0; k < Math.Max(consumed, 1); k++)
            {
                byte b = bytes[i + k];
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
            i += Math.Max(consumed, 1);
        }
        return sb.ToString();
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
