using System.Text;

namespace DjangoSettings.Drf;

/// <summary>
/// The request charset DRF's parsers decode with: the Content-Type <c>charset</c> parameter when
/// Python knows the codec, else DEFAULT_CHARSET (UTF-8). Single-byte Latin-1 and ASCII names are
/// honoured here; every other name decodes as UTF-8.
/// </summary>
internal static class DrfCharsets
{
    /// <summary>A single-byte encoding named by the charset parameter, or null for UTF-8.</summary>
    public static Encoding? Resolve(DrfMediaType contentType)
    {
        string? charset = contentType.Parameter("charset");
        if (charset is null) return null;
        string name = DrfMediaType.AsciiLower(charset).Replace('_', '-');
        return name switch
        {
            "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" or "8859" or "cp819" or "l1" or "latin" => Encoding.Latin1,
            _ => null,
        };
    }
}
