using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>Response(data, status, headers)</c>: what a DRF view's handler returns. The view
/// machinery renders <see cref="Data"/> with the negotiated renderer, adds <c>Allow</c> and
/// <c>Vary</c>, and drops <c>Content-Type</c> when the data is null.
/// </summary>
public sealed class DrfResponse
{
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>A response with data (null, bool, string, numbers, sequences, string-keyed maps) and a status.</summary>
    public DrfResponse(object? data, int status = 200)
    {
        Data = data;
        Status = status;
    }

    /// <summary>The data to render.</summary>
    public object? Data { get; }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>Headers to send, in the order added (DRF's own <c>Allow</c>/<c>Vary</c> are applied after them).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>Adds a header (returns this response, for chaining).</summary>
    public DrfResponse WithHeader(string name, string value)
    {
        (_headers ??= new()).Add(new(name, value));
        return this;
    }

    /// <summary>200 with <paramref name="data"/>.</summary>
    public static DrfResponse Ok(object? data) => new(data);

    /// <summary>201 with <paramref name="data"/>.</summary>
    public static DrfResponse Created(object? data) => new(data, 201);

    /// <summary>204 without a body (and without <c>Content-Type</c>).</summary>
    public static DrfResponse NoContent() => new(null, 204);
}
