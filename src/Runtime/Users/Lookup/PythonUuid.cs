using System;
using System.Numerics;

namespace DjangoSettings.Users;

/// <summary>
/// Python's <c>uuid.UUID(hex=…)</c> and <c>uuid.UUID(int=…)</c>, as Django's <c>UUIDField</c> applies
/// them to a lookup value: text loses every <c>urn:</c> and <c>uuid:</c>, surrounding braces and every
/// hyphen, must then be 32 characters, and is read by <c>int(text, 16)</c> (so upper case, a
/// <c>0x</c> prefix or underscores pass, as they do in Python); an integer (or a bool) is the UUID's
/// 128-bit value.
/// </summary>
public static class PythonUuid
{
    /// <summary>Parses <paramref name="text"/> as <c>uuid.UUID(hex=text)</c> does; false where Python raises.</summary>
    public static bool TryParse(string text, out Guid uuid)
    {
        ArgumentNullException.ThrowIfNull(text);
        uuid = Guid.Empty;
        string hex = text.Replace("urn:", "", StringComparison.Ordinal).Replace("uuid:", "", StringComparison.Ordinal);
        hex = hex.Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        if (PythonText.Length(hex) != 32) return false;
        if (!PythonIntText.TryParse(hex, 16, out BigInteger value)) return false;
        return TryFromInteger(value, out uuid);
    }

    /// <summary><c>uuid.UUID(int=value)</c>: false unless 0 ≤ value &lt; 2^128.</summary>
    public static bool TryFromInteger(BigInteger value, out Guid uuid)
    {
        uuid = Guid.Empty;
        if (value.Sign < 0 || value.GetBitLength() > 128) return false;
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        // Big-endian, right-aligned: the integer's most significant byte is the UUID's first.
        byte[] raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes[(16 - raw.Length)..]);
        uuid = new Guid(bytes, bigEndian: true);
        return true;
    }

    /// <summary>The 32 lower-case hex digits Django's SQLite backend stores (<c>uuid.hex</c>).</summary>
    public static string Hex(Guid uuid) => uuid.ToString("N");
}
