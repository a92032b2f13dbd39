using System.Globalization;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// DATA_UPLOAD_MAX_MEMORY_SIZE against the port's hard cap: Django reads bodies without limit when
/// the setting is None (and DRF's parsers always do); the port keeps a cap (Kestrel's default
/// MaxRequestBodySize) and answers 413 above it, which Django never does.
/// </summary>
internal static class RequestLimitChecks
{
    /// <summary>The runtime's default <c>DjangoRequestLimitOptions.HardBodyCap</c> (Kestrel's MaxRequestBodySize).</summary>
    internal const long HardBodyCap = 30_000_000;

    public static void Run(CheckContext ctx)
    {
        var size = ctx["DATA_UPLOAD_MAX_MEMORY_SIZE"];
        if (!size.IsSet || !ctx.IsUsable(size)) return;
        switch (size.Value)
        {
            case PyNone:
                ctx.Report(DiagnosticDescriptors.BodyLimitAboveHardCap, size.ValueLocation, size, "None (no limit in Django)", HardBodyCap);
                break;
            case PyInt { Value: > HardBodyCap } n:
                ctx.Report(DiagnosticDescriptors.BodyLimitAboveHardCap, size.ValueLocation, size, n.Value.ToString("N0", CultureInfo.InvariantCulture) + " bytes", HardBodyCap);
                break;
        }
    }
}
