using System;
using System.Text;
using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>DRF's <c>FormParser</c>: the urlencoded body as a Django <c>QueryDict</c>.</summary>
public sealed class DrfFormParser : IDrfParser
{
    /// <summary>The shared instance.</summary>
    public static DrfFormParser Instance { get; } = new();

    /// <inheritdoc />
    public string MediaType => "application/x-www-form-urlencoded";

    /// <inheritdoc />
    public ValueTask<object?> ParseAsync(ReadOnlyMemory<byte> body, DrfMediaType contentType, DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        // QueryDict decodes the bytes with the request encoding, falling back to ISO-8859-1.
        var encoding = DrfCharsets.Resolve(contentType);
        string text = encoding is not null
            ? encoding.GetString(body.Span)
            : PythonUtf8.Validate(body.Span) is null ? Encoding.UTF8.GetString(body.Span) : Encoding.Latin1.GetString(body.Span);
        return new ValueTask<object?>(DrfQueryDict.Parse(text));
    }
}
