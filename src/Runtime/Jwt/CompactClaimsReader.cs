using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text;

namespace DjangoSettings.Jwt;

/// <summary>
/// The fast path of <see cref="PythonJsonReader"/>: a flat JSON object exactly as PyJWT writes a
/// simplejwt payload (<c>json.dumps(..., separators=(",", ":"))</c>, ASCII): no whitespace, string
/// keys and values without escapes, integers of at most 18 digits, <c>true</c>, <c>false</c>,
/// <c>null</c>. That is a strict subset of JSON whose values have one reading, so whatever is
/// accepted here parses to the same claims as the general reader gives; anything else (nesting,
/// floats, escapes, whitespace, non-ASCII, malformed input) is declined and left to it.
/// </summary>
internal static class CompactClaimsReader
{
    private const int MaxDigits = 18; // 10^18 - 1 < long.MaxValue: no overflow check needed

    // Printable ASCII but the quote and the backslash: what an unescaped string may hold here.
    private static readonly SearchValues<byte> StringBytes = SearchValues.Create(BuildStringBytes());

    /// <summary>True with the claims when <paramref name="utf8"/> is in the compact form; false to fall back.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out TokenPayload payload)
    {
        payload = null!;
        if (utf8.Length < 2 || utf8[0] != (byte)'{') return false;
        var buffer = ArrayPool<KeyValuePair<string, object?>>.Shared.Rent(16);
        int count = 0;
        try
        {
            int i = 1;
            if (utf8[i] == (byte)'}')
            {
                i++;
            }
            else
            {
                while (true)
                {
                    if (!TryString(utf8, ref i, out var rawName)) return false;
                    if (i >= utf8.Length || utf8[i] != (byte)':') return false;
                    i++;
                    if (!TryValue(utf8, ref i, out object? value)) return false;
                    if (count == buffer.Length) return false; // more claims than any token has: general reader
                    buffer[count++] = new(PythonJsonReader.KnownName(rawName) ?? Encoding.ASCII.GetString(rawName), value);
                    if (i >= utf8.Length) return false;
                    byte b = utf8[i++];
                    if (b == (byte)'}') break;
                    if (b != (byte)',') return false;
                }
            }
            if (i != utf8.Length) return false;
            payload = new TokenPayload(buffer, count);
            return true;
        }
        finally
        {
            ArrayPool<KeyValuePair<string, object?>>.Shared.Return(buffer, clearArray: true);
        }
    }

    // '"' then bytes from StringBytes then '"'; raw is the content.
    private static bool TryString(ReadOnlySpan<byte> utf8, ref int i, out ReadOnlySpan<byte> raw)
    {
        raw = default;
        if (i >= utf8.Length || utf8[i] != (byte)'"') return false;
        var rest = utf8[(i + 1)..];
        int end = rest.IndexOfAnyExcept(StringBytes);
        if (end < 0 || rest[end] != (byte)'"') return false;
        raw = rest[..end];
        i += end + 2;
        return true;
    }

    private static bool TryValue(ReadOnlySpan<byte> utf8, ref int i, out object? value)
    {
        value = null;
        if (i >= utf8.Length) return false;
        switch (utf8[i])
        {
            case (byte)'"':
                if (!TryString(utf8, ref i, out var raw)) return false;
                value = PythonJsonReader.KnownValue(raw) ?? Encoding.ASCII.GetString(raw);
                return true;
            case (byte)'t':
                return TryLiteral(utf8, ref i, "true"u8, true, out value);
            case (byte)'f':
                return TryLiteral(utf8, ref i, "false"u8, false, out value);
            case (byte)'n':
                return TryLiteral(utf8, ref i, "null"u8, null, out value);
            default:
                return TryInteger(utf8, ref i, out value);
        }
    }

    private static bool TryLiteral(ReadOnlySpan<byte> utf8, ref int i, ReadOnlySpan<byte> literal, object? result, out object? value)
    {
        value = result;
        if (!utf8[i..].StartsWith(literal)) return false;
        i += literal.Length;
        return true;
    }

    // JSON's int: -?(0|[1-9][0-9]*), and not the start of a fraction or exponent.
    private static bool TryInteger(ReadOnlySpan<byte> utf8, ref int i, out object? value)
    {
        value = null;
        int start = i;
        if (utf8[i] == (byte)'-') i++;
        int digitsStart = i;
        while (i < utf8.Length && utf8[i] - (uint)'0' <= 9) i++;
        int digits = i - digitsStart;
        if (digits == 0 || digits > MaxDigits) return false;
        if (digits > 1 && utf8[digitsStart] == (byte)'0') return false;
        if (i < utf8.Length && utf8[i] is (byte)'.' or (byte)'e' or (byte)'E') return false;
        if (!Utf8Parser.TryParse(utf8[start..i], out long number, out int consumed) || consumed != i - start) return false;
        value = number;
        return true;
    }

    private static byte[] BuildStringBytes()
    {
        var bytes = new List<byte>();
        for (int b = 0x20; b < 0x7F; b++)
        {
            if (b != '"' && b != '\\') bytes.Add((byte)b);
        }
        return bytes.ToArray();
    }
}
