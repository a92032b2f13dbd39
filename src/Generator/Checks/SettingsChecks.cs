using System.Collections.Generic;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Checks;

/// <summary>Runs every check (Django's system checks and ours) over bound settings.</summary>
internal static class SettingsChecks
{
    /// <summary>Appends the diagnostics of every check, in a stable order.</summary>
    public static void Run(BoundSettings settings, ICollection<SettingsDiagnostic> diagnostics)
    {
        var ctx = new CheckContext(settings, diagnostics);
        CorsOriginChecks.Run(ctx);
        CorsRegexChecks.Run(ctx);
        CorsPolicyChecks.Run(ctx);
        JwtAlgorithmChecks.Run(ctx);
        JwtSettingChecks.Run(ctx);
        UserSettingsChecks.Run(ctx);
        SecretChecks.Run(ctx);
    }
}
