namespace DjangoSettings.Http;

/// <summary>
/// Request body and field limits: Django's <c>DATA_UPLOAD_MAX_MEMORY_SIZE</c> and
/// <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c> (null = no limit, as <c>None</c> in Django), plus the port's
/// own hard cap for bodies Django would read without limit.
/// </summary>
public sealed record DjangoRequestLimitOptions
{
    /// <summary>Django's default body limit, 2.5 MiB.</summary>
    public const long DefaultMaxMemorySize = 2621440;

    /// <summary>Django's default field limit.</summary>
    public const int DefaultMaxNumberFields = 1000;

    /// <summary>Kestrel's default <c>MaxRequestBodySize</c>; the hard cap's default.</summary>
    public const long DefaultHardBodyCap = 30_000_000;

    /// <summary>
    /// <c>DATA_UPLOAD_MAX_MEMORY_SIZE</c>: a body read as <c>request.body</c> or <c>request.POST</c> whose
    /// <c>Content-Length</c> is larger is a 400. DRF's JSON and form parsers do not apply it.
    /// </summary>
    public long? MaxMemorySize { get; init; } = DefaultMaxMemorySize;

    /// <summary><c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c>: more query or form fields than this is a 400 (DRF views included).</summary>
    public int? MaxNumberFields { get; init; } = DefaultMaxNumberFields;

    /// <summary>
    /// Not a Django setting: the most the port buffers of any body it parses, including the ones
    /// Django reads without limit (DRF JSON and form bodies; everything when
    /// <see cref="MaxMemorySize"/> is null). Larger bodies are answered 413, which Django never
    /// answers. Defaults to Kestrel's own <c>MaxRequestBodySize</c>.
    /// </summary>
    public long HardBodyCap { get; init; } = DefaultHardBodyCap;
}
