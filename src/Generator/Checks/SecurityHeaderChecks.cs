using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// SecurityMiddleware's and XFrameOptionsMiddleware's settings: header values browsers ignore
/// (Django's security.E023/E024, X_FRAME_OPTIONS), a SECURE_PROXY_SSL_HEADER in HTTP spelling that
/// no request ever has, SECURE_REDIRECT_EXEMPT patterns that do not compile, misspelled SECURE_*
/// names, and the 3.2-only SECURE_BROWSER_XSS_FILTER.
/// </summary>
internal static class SecurityHeaderChecks
{
    /// <summary>The values Django's security.E023 accepts.</summary>
    internal static readonly string[] ReferrerPolicies =
    {
        "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin",
        "strict-origin", "strict-origin-when-cross-origin", "unsafe-url",
    };

    private static readonly string[] OpenerPolicies = { "same-origin", "same-origin-allow-popups", "unsafe-none" };

    // Every SECURE_* setting Django has had since 3.2 (CSP ones from 6.0), for the typo check.
    private static readonly string[] KnownSecureNames =
    {
        "SECURE_BROWSER_XSS_FILTER", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER",
        "SECURE_REDIRECT_EXEMPT", "SECURE_REFERRER_POLICY", "SECURE_SSL_HOST", "SECURE_SSL_REDIRECT",
        "SECURE_CSP", "SECURE_CSP_REPORT_ONLY",
    };

    // request.META keys: HTTP_ + the header name upper-cased with '-' as '_', or a CGI variable.
    private static readonly Regex MetaKey = new("^[A-Z0-9_]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Run(CheckContext ctx)
    {
        CheckReferrerPolicy(ctx);
        CheckOpenerPolicy(ctx);
        CheckProxyHeader(ctx);
        CheckPatterns(ctx, ctx["SECURE_REDIRECT_EXEMPT"]);
        CheckXFrameOptions(ctx);
        CheckNames(ctx);
        var xss = ctx["SECURE_BROWSER_XSS_FILTER"];
        if (xss.IsSet && ctx.IsUsable(xss) && CheckContext.Truthy(xss.Value))
        {
            ctx.Report(DiagnosticDescriptors.BrowserXssFilterRemoved, xss.NameLocation, xss);
        }
    }

    /// <summary>The policy tokens of a constant SECURE_REFERRER_POLICY that Django's E023 refuses.</summary>
    internal static IEnumerable<string> InvalidReferrerTokens(PyValue value)
    {
        var tokens = value switch
        {
            PyStr s => ReferrerPolicyText.Tokens(s.Value, null),
            PySequence seq => ReferrerPolicyText.Tokens(null, seq.Items.OfType<PyStr>().Select(i => i.Value).ToList()),
            _ => Enumerable.Empty<string>(),
        };
        return tokens.Where(t => Array.IndexOf(ReferrerPolicies, t) < 0).Distinct(StringComparer.Ordinal);
    }

    private static void CheckReferrerPolicy(CheckContext ctx)
    {
        var policy = ctx["SECURE_REFERRER_POLICY"];
        if (!policy.IsSet || !ctx.IsUsable(policy)) return;
        foreach (var token in InvalidReferrerTokens(policy.Value))
        {
            ctx.Report(DiagnosticDescriptors.InvalidReferrerPolicy, policy.ValueLocation, policy, ValueDescription.ReprString(token), string.Join(", ", ReferrerPolicies));
        }
    }

    private static void CheckOpenerPolicy(CheckContext ctx)
    {
        var coop = ctx["SECURE_CROSS_ORIGIN_OPENER_POLICY"];
        if (!coop.IsSet || !ctx.IsUsable(coop) || coop.Value is not PyStr s) return;
        if (Array.IndexOf(OpenerPolicies, s.Value) < 0)
        {
            ctx.Report(DiagnosticDescriptors.InvalidOpenerPolicy, coop.ValueLocation, coop, ValueDescription.ReprString(s.Value));
        }
    }

    private static void CheckProxyHeader(CheckContext ctx)
    {
        var header = ctx["SECURE_PROXY_SSL_HEADER"];
        if (!header.IsSet || !ctx.IsUsable(header) || header.Value is not PySequence { Items.Count: 2 } pair || pair.Items[0] is not PyStr name) return;
        if (MetaKey.IsMatch(name.Value)) return;
        string key = name.Value.ToUpperInvariant().Replace('-', '_');
        if (!key.StartsWith("HTTP_", StringComparison.Ordinal) && key is not ("CONTENT_TYPE" or "CONTENT_LENGTH")) key = "HTTP_" + key;
        ctx.Report(DiagnosticDescriptors.ProxySslHeaderNotMetaKey, pair.Items[0].Origin ?? header.ValueLocation, header,
            ValueDescription.ReprString(name.Value), ValueDescription.ReprString(key));
    }

    /// <summary>DJS0410 for each pattern of a regex list that Python or the port's translator refuses.</summary>
    internal static void CheckPatterns(CheckContext ctx, BoundSetting setting)
    {
        if (!ctx.IsUsable(setting)) return;
        foreach (var (pattern, ignoreCase, location) in CheckContext.Patterns(setting))
        {
            if (RegexFacts.TryCompile(pattern, ignoreCase, out var error) is null)
            {
                ctx.Report(DiagnosticDescriptors.HttpRegexInvalid, location, setting, setting.WrittenName, ValueDescription.ReprString(pattern), error);
            }
        }
    }

    private static void CheckXFrameOptions(CheckContext ctx)
    {
        var xfo = ctx["X_FRAME_OPTIONS"];
        if (!xfo.IsSet || !ctx.IsUsable(xfo) || xfo.Value is not PyStr s) return;
        string upper = s.Value.ToUpperInvariant();
        if (upper is "DENY" or "SAMEORIGIN") return;
        ctx.Report(DiagnosticDescriptors.XFrameOptionsValue, xfo.ValueLocation, xfo, ValueDescription.ReprString(s.Value));
    }

    private static void CheckNames(CheckContext ctx)
    {
        foreach (var binding in ctx.Settings.Module.Names.Values.OrderBy(b => b.NameLocation.Path, StringComparer.Ordinal).ThenBy(b => b.NameLocation.Span.Start))
        {
            if (!binding.Name.StartsWith("SECURE_", StringComparison.Ordinal) || Array.IndexOf(KnownSecureNames, binding.Name) >= 0) continue;
            ctx.Report(DiagnosticDescriptors.UnknownSecureSetting, binding.NameLocation, null, binding.Name, Suggestions.DidYouMean(binding.Name, KnownSecureNames));
        }
    }
}
