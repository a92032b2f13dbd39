using System;
using System.Globalization;
using System.Text;
using DjangoSettings.Shared;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>JSONRenderer</c>: <c>application/json</c> without a charset, Python's <c>json.dumps</c>
/// text (COMPACT_JSON separators, UNICODE_JSON raw non-ASCII, STRICT_JSON refusing NaN), U+2028 and
/// U+2029 escaped, and an <c>indent</c> parameter of the accepted media type honoured (clamped to
/// 0-8, 0 meaning compact).
/// </summary>
public sealed class DrfJsonRenderer : IDrfRenderer
{
    /// <summary>A renderer with the given REST_FRAMEWORK JSON switches (DRF's defaults are all true).</summary>
    public DrfJsonRenderer(bool unicodeJson = true, bool compactJson = true, bool strictJson = true)
    {
        UnicodeJson = unicodeJson;
        CompactJson = compactJson;
        StrictJson = strictJson;
    }

    /// <summary>DRF's default renderer.</summary>
    public static DrfJsonRenderer Default { get; } = new();

    /// <summary>UNICODE_JSON: non-ASCII written raw (else <c>\uXXXX</c>).</summary>
    public bool UnicodeJson { get; }

    /// <summary>COMPACT_JSON: <c>,</c>/<c>:</c> separators (else <c>, </c>/<c>: </c>).</summary>
    public bool CompactJson { get; }

    /// <summary>STRICT_JSON: NaN and infinities cannot be rendered (a server error, as in Django).</summary>
    public bool StrictJson { get; }

    /// <inheritdoc />
    public string MediaType => "application/json";

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string? Charset => null;

    /// <inheritdoc />
    public bool IsServed => true;

    /// <inheritdoc />
    public byte[] Render(object? data, DrfMediaType acceptedMediaType)
    {
        ArgumentNullException.ThrowIfNull(acceptedMediaType);
        if (data is null) return Array.Empty<byte>();
        int? indent = Indent(acceptedMediaType);
        var format = indent is { } n
            ? new PythonJsonFormat(",", ": ", n)
            : CompactJson ? new PythonJsonFormat(",", ":", null) : new PythonJsonFormat(", ", ": ", null);
        string text = PythonJsonText.Serialize(data, format, ensureAscii: !UnicodeJson, allowNan: !StrictJson);
        return Encoding.UTF8.GetBytes(text);
    }

    // get_indent: int() of the indent parameter, clamped to 0..8, 0 -> none; anything unparsable is ignored.
    private static int? Indent(DrfMediaType accepted)
    {
        if (accepted.Parameter("indent") is not { } raw) return null;
        if (!PythonInt.TryParse(raw, out long value)) return null;
        int clamped = value > 8 ? 8 : value < 0 ? 0 : (int)value;
        return clamped == 0 ? null : clamped;
    }
}
