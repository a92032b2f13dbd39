using System;
using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>One of DRF's parser classes (<c>DEFAULT_PARSER_CLASSES</c>): turns a request body into <c>request.data</c>.</summary>
public interface IDrfParser
{
    /// <summary>The media type matched against the request's Content-Type (wildcards allowed on either side).</summary>
    string MediaType { get; }

    /// <summary>Parses the body; throws <see cref="DrfException"/> (ParseError) for a malformed one.</summary>
    /// <param name="body">The whole body (never empty: an empty body is not parsed).</param>
    /// <param name="contentType">The request's Content-Type as DRF reads it (charset parameter included).</param>
    /// <param name="request">The request (for parsers that need more than the bytes).</param>
    ValueTask<object?> ParseAsync(ReadOnlyMemory<byte> body, DrfMediaType contentType, DrfRequest request);
}
