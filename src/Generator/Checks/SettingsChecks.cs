using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Checks;

/// <summary>Runs every check (Django's system checks and ours) over bound settings.</summary>
internal static class SettingsChecks
{
    /// <summary>Appends the diagnostics of every check, in a stable order.</summary>
    /// <param name="settings">The bound settings.</param>
    /// <param name="diagnostics">Where findings go.</param>
    /// <param name="deployChecks">Also run Django's deploy checks (<c>manage.py check --deploy</c>, DJS07NN).</param>
    public static void Run(BoundSettings settings, ICollection<SettingsDiagnostic> diagnostics, bool deployChecks = false)
    {
        var found = new List<SettingsDiagnostic>();
        var ctx = new CheckContext(settings, found);
        CorsOriginChecks.Run(ctx);
        CorsRegexChecks.Run(ctx);
        CorsPolicyChecks.Run(ctx);
        JwtAlgorithmChecks.Run(ctx);
        JwtSettingChecks.Run(ctx);
        RestFrameworkChecks.Run(ctx);
        CacheChecks.Run(ctx);
        LanguageChecks.Run(ctx);
        UserSettingsChecks.Run(ctx);
        SecretChecks.Run(ctx);
        MiddlewareChecks.Run(ctx);
        HostChecks.Run(ctx);
        UserAgentChecks.Run(ctx);
        SecurityHeaderChecks.Run(ctx);
        CsrfChecks.Run(ctx);
        RequestLimitChecks.Run(ctx);
        if (deployChecks) DeployChecks.Run(ctx);

        var silenced = Silenced(ctx);
        foreach (var d in found)
        {
            if (silenced.Count > 0 && IsSilenced(d, silenced)) continue;
            diagnostics.Add(d);
        }
    }

    // SILENCED_SYSTEM_CHECKS, as Django applies it to the checks whose ids the request-handling and
    // deploy diagnostics carry (security.W004, security.E023, 4_0.E001...).
    private static HashSet<string> Silenced(CheckContext ctx)
    {
        var setting = ctx["SILENCED_SYSTEM_CHECKS"];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!setting.IsSet || !ctx.IsUsable(setting)) return ids;
        foreach (var (id, _) in CheckContext.Strings(setting)) ids.Add(id);
        return ids;
    }

    private static bool IsSilenced(SettingsDiagnostic d, HashSet<string> silenced)
        => d.Descriptor.Category is "Http" or "Deploy" or "Language" && d.Descriptor.DjangoCheck is { } id && silenced.Contains(id);
}
