using System;
using System.Text;
using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>JSONParser</c>: Python's <c>json.load</c> (objects as ordered dicts, duplicate keys last
/// wins, NaN/Infinity refused) over the body decoded with the request's charset, and the
/// <c>JSON parse error - ...</c> 400 with CPython's message (never translated).
/// </summary>
public sealed class DrfJsonParser : IDrfParser
{
    /// <summary>The shared instance.</summary>
    public static DrfJsonParser Instance { get; } = new();

    /// <inheritdoc />
    public string MediaType => "application/json";

    /// <inheritdoc />
    public ValueTask<object?> ParseAsync(ReadOnlyMemory<byte> body, DrfMediaType contentType, DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var bytes = body.Span;
        string text;
        if (DrfCharsets.Resolve(contentType) is { } single)
        {
            text = single.GetString(bytes);
        }
        else
        {
            int length = bytes.Length;
            if (PythonUtf8.Validate(bytes, out int tail) is { } decodeError)
            {
                if (tail < 0) throw DrfException.ParseError("JSON parse error - " + decodeError);
                // Python's stream reader drops a sequence cut off by the end of the body.
                length = tail;
            }
            text = Encoding.UTF8.GetString(bytes.Slice(0, length));
        }
        if (!PythonJsonRequestParser.TryParse(text, out var value, out var error))
        {
            throw DrfException.ParseError("JSON parse error - " + error);
        }
        return new ValueTask<object?>(value);
    }
}
