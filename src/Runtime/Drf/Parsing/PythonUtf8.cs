using System;
using System.Globalization;

namespace DjangoSettings.Drf;

/// <summary>
/// Python's strict UTF-8 decoder error text (<c>'utf-8' codec can't decode byte 0xff in position 0:
/// invalid start byte</c>), which DRF puts into its JSON parse error.
/// </summary>
internal static class PythonUtf8
{
    /// <summary>Null when <paramref name="bytes"/> is valid UTF-8, else Python's UnicodeDecodeError message.</summary>
    public static string? Validate(ReadOnlySpan<byte> bytes) => Validate(bytes, out _);

    /// <summary>
    /// As <see cref="Validate(ReadOnlySpan{byte})"/>; <paramref name="incompleteTail"/> is where a
    /// sequence cut off by the end of the data starts (else -1). Python's stream reader
    /// (<c>codecs.getreader</c>, what DRF reads bodies with) silently drops such a tail.
    /// </summary>
    public static string? Validate(ReadOnlySpan<byte> bytes, out int incompleteTail)
    {
        incompleteTail = -1;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }
            int need;
            byte lo = 0x80, hi = 0xBF;
            if (b is >= 0xC2 and <= 0xDF) need = 1;
            else if (b == 0xE0) { need = 2; lo = 0xA0; }
            else if (b == 0xED) { need = 2; hi = 0x9F; }
            else if (b is >= 0xE1 and <= 0xEF) need = 2;
            else if (b == 0xF0) { need = 3; lo = 0x90; }
            else if (b == 0xF4) { need = 3; hi = 0x8F; }
            else if (b is >= 0xF1 and <= 0xF3) need = 3;
            else return Message(bytes, i, i, "invalid start byte");

            for (int k = 1; k <= need; k++)
            {
                if (i + k >= bytes.Length)
                {
                    incompleteTail = i;
                    return Message(bytes, i, bytes.Length - 1, "unexpected end of data");
                }
                byte c = bytes[i + k];
                byte min = k == 1 ? lo : (byte)0x80;
                byte max = k == 1 ? hi : (byte)0xBF;
                if (c < min || c > max) return Message(bytes, i, i + k - 1, "invalid continuation byte");
            }
            i += need + 1;
        }
        return null;
    }

    private static string Message(ReadOnlySpan<byte> bytes, int start, int end, string reason) => start == end
        ? string.Create(CultureInfo.InvariantCulture, $"'utf-8' codec can't decode byte 0x{bytes[start]:x2} in position {start}: {reason}")
        : string.Create(CultureInfo.InvariantCulture, $"'utf-8' codec can't decode bytes in position {start}-{end}: {reason}");
}
