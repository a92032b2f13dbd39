using System;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Secrets written literally (they end up in the compiled assembly) and startproject's
/// <c>django-insecure-</c> development key.
/// </summary>
internal static class SecretChecks
{
    /// <summary>
    /// Whether a setting (binding key) holds a secret: its value must not be quoted anywhere the
    /// build writes text (generated XML docs, messages).
    /// </summary>
    public static bool IsSecret(string key) => key is "SECRET_KEY" or "SIMPLE_JWT.SIGNING_KEY" or "DATABASES.default.PASSWORD"
        // A Redis URL or OPTIONS may carry a password (redis://:secret@host, OPTIONS PASSWORD).
        or "CACHES.default.LOCATION" or "CACHES.default.OPTIONS";

    public static void Run(CheckContext ctx)
    {
        Check(ctx, ctx["SECRET_KEY"], "SECRET_KEY", "SECRET_KEY");
        var signing = ctx["SIMPLE_JWT.SIGNING_KEY"];
        // "SIGNING_KEY": SECRET_KEY reaches the same literal: report it once, at SECRET_KEY.
        if (signing.Value.DefinedAt is null)
        {
            Check(ctx, signing, "SIMPLE_JWT['SIGNING_KEY']", "JWT_SIGNING_KEY");
        }
    }

    private static void Check(CheckContext ctx, Binding.BoundSetting setting, string label, string environmentName)
    {
        if (!setting.IsSet || !ctx.IsUsable(setting) || setting.Value is not PyStr s || s.Value.Length == 0) return;
        // A PEM private key is a secret too; an empty or placeholder value is not worth a warning.
        ctx.Report(DiagnosticDescriptors.LiteralSecret, setting.ValueLocation, setting, label, environmentName);
        if (s.Value.StartsWith("django-insecure-", StringComparison.Ordinal))
        {
            ctx.Report(DiagnosticDescriptors.InsecureSecretKey, setting.ValueLocation, setting, label);
        }
    }
}
