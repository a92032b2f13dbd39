using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>MultiPartParser</c>: the form fields of a <c>multipart/form-data</c> body as a
/// <c>QueryDict</c> (file parts are not part of <c>request.data</c> here), and
/// <c>Multipart form parse error - ...</c> 400 for a malformed body.
/// </summary>
public sealed class DrfMultiPartParser : IDrfParser
{
    /// <summary>The shared instance.</summary>
    public static DrfMultiPartParser Instance { get; } = new();

    /// <inheritdoc />
    public string MediaType => "multipart/form-data";

    /// <inheritdoc />
    public async ValueTask<object?> ParseAsync(ReadOnlyMemory<byte> body, DrfMediaType contentType, DrfRequest request)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(request);
        string? boundary = contentType.Parameter("boundary");
        if (string.IsNullOrEmpty(boundary)) throw DrfException.ParseError("Multipart form parse error - Invalid boundary in multipart: None");
        var pairs = new List<KeyValuePair<string, string>>();
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body.ToArray()));
            while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue) continue;
                string name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                using var text = new StreamReader(section.Body);
                pairs.Add(new(name, await text.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false)));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw DrfException.ParseError("Multipart form parse error - " + ex.Message);
        }
        return DrfQueryDict.FromPairs(pairs);
    }
}
