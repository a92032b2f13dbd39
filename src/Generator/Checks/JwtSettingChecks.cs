using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// SIMPLE_JWT consistency checks: lifetimes, blacklist without rotation, <c>('Bearer')</c> that is
/// a string, a missing signing key, and Python-class settings that can only hold their defaults here.
/// </summary>
internal static class JwtSettingChecks
{
    private const long MicrosPerDay = 86_400L * 1_000_000L;

    // Each Python hook and the .NET extension point that replaces it.
    private static readonly Dictionary<string, string> ExtensionPoints = new(StringComparer.Ordinal)
    {
        ["TOKEN_OBTAIN_SERIALIZER"] = "an ISimpleJwtClaimsProvider registered in DI (custom claims)",
        ["TOKEN_REFRESH_SERIALIZER"] = "the endpoint options of MapSimpleJwt",
        ["TOKEN_VERIFY_SERIALIZER"] = "the endpoint options of MapSimpleJwt",
        ["TOKEN_BLACKLIST_SERIALIZER"] = "the endpoint options of MapSimpleJwt",
        ["SLIDING_TOKEN_OBTAIN_SERIALIZER"] = "an ISimpleJwtClaimsProvider registered in DI (custom claims)",
        ["SLIDING_TOKEN_REFRESH_SERIALIZER"] = "the endpoint options of MapSimpleJwt",
        ["USER_AUTHENTICATION_RULE"] = "an IUserAuthenticationRule registered in DI",
        ["TOKEN_USER_CLASS"] = "an ISimpleJwtTokenUserFactory registered in DI (the user of stateless authentication)",
        ["JSON_ENCODER"] = "the default encoder (custom claim values are written as JSON by ISimpleJwtClaimsProvider)",
    };

    private static readonly HashSet<string> ObtainSerializers = new(StringComparer.Ordinal) { "TOKEN_OBTAIN_SERIALIZER", "SLIDING_TOKEN_OBTAIN_SERIALIZER" };

    private static readonly HashSet<string> KnownTokenClasses = new(StringComparer.Ordinal)
    {
        "rest_framework_simplejwt.tokens.AccessToken",
        "rest_framework_simplejwt.tokens.SlidingToken",
    };

    public static void Run(CheckContext ctx)
    {
        if (!ctx.Settings.HasSimpleJwt) return;

        var access = ctx["SIMPLE_JWT.ACCESS_TOKEN_LIFETIME"];
        var refresh = ctx["SIMPLE_JWT.REFRESH_TOKEN_LIFETIME"];
        if (ctx.IsUsable(access) && ctx.IsUsable(refresh) && access.Value is PyTimeDelta a && refresh.Value is PyTimeDelta r)
        {
            if (a.Microseconds >= r.Microseconds && (access.IsSet || refresh.IsSet))
            {
                var at = access.IsSet ? access : refresh;
                ctx.Report(DiagnosticDescriptors.JwtAccessOutlivesRefresh, at.ValueLocation, at,
                    Binding.ValueDescription.TimeDeltaText(a.Microseconds), Binding.ValueDescription.TimeDeltaText(r.Microseconds));
            }
            if (access.IsSet && a.Microseconds >= MicrosPerDay)
            {
                ctx.Report(DiagnosticDescriptors.JwtLongAccessLifetime, access.ValueLocation, access, Binding.ValueDescription.TimeDeltaText(a.Microseconds));
            }
        }

        var blacklist = ctx["SIMPLE_JWT.BLACKLIST_AFTER_ROTATION"];
        var rotate = ctx["SIMPLE_JWT.ROTATE_REFRESH_TOKENS"];
        if (blacklist.IsSet && ctx.IsUsable(blacklist) && CheckContext.Truthy(blacklist.Value)
            && ctx.IsUsable(rotate) && !CheckContext.Truthy(rotate.Value))
        {
            ctx.Report(DiagnosticDescriptors.JwtBlacklistWithoutRotation, blacklist.NameLocation, blacklist);
        }

        var headerTypes = ctx["SIMPLE_JWT.AUTH_HEADER_TYPES"];
        if (headerTypes.IsSet && headerTypes.Value is PyStr single && ctx.Settings.GetText(headerTypes.Value.Origin).TrimStart().StartsWith("(", StringComparison.Ordinal))
        {
            ctx.Report(DiagnosticDescriptors.JwtHeaderTypesParenthesisedString, headerTypes.ValueLocation, headerTypes, Binding.ValueDescription.ReprString(single.Value));
        }

        var signing = ctx["SIMPLE_JWT.SIGNING_KEY"];
        var secret = ctx["SECRET_KEY"];
        if (!signing.IsSet && !secret.IsSet)
        {
            ctx.Report(DiagnosticDescriptors.JwtMissingSigningKey, ctx.Settings.SimpleJwtLocation, null);
        }

        foreach (var pair in ExtensionPoints)
        {
            var setting = ctx["SIMPLE_JWT." + pair.Key];
            if (!setting.IsSet || !ctx.IsUsable(setting)) continue;
            if (setting.Value == setting.Definition.Default || (setting.Value is PyStr s && setting.Definition.Default is PyStr d && s.Value == d.Value)) continue;
            if (setting.Value is PyNone && setting.Definition.Default is PyNone) continue;
            string path = Binding.ValueDescription.Repr(setting.Value).Trim('\'');
            if (ObtainSerializers.Contains(pair.Key))
            {
                // Usually a get_token override that adds claims: the endpoint still works, with the
                // claims .NET code adds; a warning, not a failed build.
                ctx.Report(DiagnosticDescriptors.CustomTokenObtainSerializer, setting.ValueLocation, setting, pair.Key, path);
                continue;
            }
            ctx.Report(DiagnosticDescriptors.JwtCustomPythonClass, setting.ValueLocation, setting, pair.Key, path, pair.Value);
        }

        var classes = ctx["SIMPLE_JWT.AUTH_TOKEN_CLASSES"];
        if (classes.IsSet && ctx.IsUsable(classes))
        {
            foreach (var (path, location) in CheckContext.Strings(classes))
            {
                if (KnownTokenClasses.Contains(path)) continue;
                ctx.Report(DiagnosticDescriptors.JwtCustomPythonClass, location, classes, "AUTH_TOKEN_CLASSES", path,
                    "AccessToken and/or SlidingToken (the built-in token classes)");
            }
        }
    }
}
