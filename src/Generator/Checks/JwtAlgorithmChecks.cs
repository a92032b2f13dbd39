using System;
using System.Text;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// SIMPLE_JWT algorithm and key checks: known algorithm (simplejwt 5.4+'s list), a verifying key or JWK_URL for RS/ES/PS/EdDSA and neither for
/// HS, and an HMAC key at least as long as the hash output (Django accepts shorter ones).
/// </summary>
internal static class JwtAlgorithmChecks
{
    private static readonly string[] Supported =
    {
        "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
        "ES256K", "ES521", "EdDSA",
    };

    public static void Run(CheckContext ctx)
    {
        if (!ctx.Settings.HasSimpleJwt) return;
        var algorithm = ctx["SIMPLE_JWT.ALGORITHM"];
        if (!ctx.IsUsable(algorithm) || algorithm.Value is not PyStr alg) return;

        if (Array.IndexOf(Supported, alg.Value) < 0)
        {
            string hint = Binding.Suggestions.DidYouMean(alg.Value, Supported);
            ctx.Report(DiagnosticDescriptors.JwtUnknownAlgorithm, algorithm.ValueLocation, algorithm, alg.Value, hint);
            return;
        }

        var verifying = ctx["SIMPLE_JWT.VERIFYING_KEY"];
        var jwkUrl = ctx["SIMPLE_JWT.JWK_URL"];
        bool hasVerifyingKey = !verifying.Value.IsConstant || CheckContext.Truthy(verifying.Value);
        bool hasJwk = !jwkUrl.Value.IsConstant || CheckContext.Truthy(jwkUrl.Value);
        bool hmac = alg.Value.StartsWith("HS", StringComparison.Ordinal);

        if (!hmac && !hasVerifyingKey && !hasJwk)
        {
            ctx.Report(DiagnosticDescriptors.JwtMissingVerifyingKey, algorithm.ValueLocation, algorithm, alg.Value);
        }
        if (hmac && verifying.IsSet && hasVerifyingKey)
        {
            ctx.Report(DiagnosticDescriptors.JwtVerifyingKeyIgnored, verifying.NameLocation, verifying, alg.Value);
        }
        if (hmac)
        {
            CheckHmacKeyLength(ctx, alg.Value);
        }
        if (hmac && jwkUrl.IsSet && hasJwk)
        {
            ctx.Report(DiagnosticDescriptors.JwtJwkUrlIgnoredForHmac, jwkUrl.NameLocation, jwkUrl, alg.Value);
        }
        if (alg.Value == "ES256K")
        {
            ctx.Report(DiagnosticDescriptors.JwtEs256kPlatform, algorithm.ValueLocation, algorithm);
        }
    }

    private static void CheckHmacKeyLength(CheckContext ctx, string alg)
    {
        var signing = ctx["SIMPLE_JWT.SIGNING_KEY"];
        var key = signing.IsSet ? signing : ctx["SECRET_KEY"];
        if (!key.IsSet || !ctx.IsUsable(key) || key.Value is not PyStr s) return;
        int hashBytes = int.Parse(alg.Substring(2), System.Globalization.CultureInfo.InvariantCulture) / 8;
        int keyBytes = Encoding.UTF8.GetByteCount(s.Value);
        if (keyBytes < hashBytes)
        {
            ctx.Report(DiagnosticDescriptors.JwtShortHmacKey, key.ValueLocation, key, keyBytes, hashBytes, alg);
        }
    }
}
