using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Checks on CORS_ALLOWED_ORIGIN_REGEXES and CORS_URLS_REGEX: they must compile (Django only finds
/// out at the first request, with a 500), and origin regexes should be end-anchored and escape
/// their dots, each warning with an origin the pattern really admits. A pattern only the
/// backtracking engine can run is a warning too (ReDoS: DJS0234), and so is the nested repetition
/// that stalls Python's re, and with it the Django service that shares the file (DJS0235).
/// </summary>
internal static class CorsRegexChecks
{
    private const string EvilSuffix = ".evil.net";

    public static void Run(CheckContext ctx)
    {
        var regexes = ctx["CORS_ALLOWED_ORIGIN_REGEXES"];
        if (ctx.IsUsable(regexes))
        {
            foreach (var (pattern, ignoreCase, location) in CheckContext.Patterns(regexes))
            {
                CheckOriginRegex(ctx, regexes, pattern, ignoreCase, location);
            }
        }

        var urls = ctx["CORS_URLS_REGEX"];
        if (urls.IsSet && ctx.IsUsable(urls))
        {
            string? pattern = urls.Value switch
            {
                Evaluation.Values.PyStr s => s.Value,
                Evaluation.Values.PyPattern p => p.Pattern,
                _ => null,
            };
            bool ignoreCase = urls.Value is Evaluation.Values.PyPattern { IgnoreCase: true };
            if (pattern is not null && RegexFacts.TryCompile(pattern, ignoreCase, out var error) is null)
            {
                ctx.Report(DiagnosticDescriptors.CorsRegexInvalid, urls.ValueLocation, urls, "CORS_URLS_REGEX", Binding.ValueDescription.ReprString(pattern), error);
            }
            else if (pattern is not null)
            {
                ReportBacktracking(ctx, urls, "CORS_URLS_REGEX", pattern, ignoreCase, urls.ValueLocation, "request path");
            }
        }
    }

    // DJS0234: the match timeout bounds one request, not an attack of many; say so and how to avoid it.
    private static void ReportBacktracking(CheckContext ctx, Binding.BoundSetting setting, string name, string pattern, bool ignoreCase, Text.SourceLocation? location, string input)
    {
        // DJS0235: the port is safe from (a+)+, the Django service reading the same file is not.
        int nested = NestedRepetition.Find(pattern);
        if (nested >= 0)
        {
            ctx.Report(DiagnosticDescriptors.RegexNestedRepetition, location, setting, name, Binding.ValueDescription.ReprString(pattern), nested, input);
        }

        if (RegexFacts.NeedsBacktracking(pattern, ignoreCase) is not { } why) return;
        ctx.Report(DiagnosticDescriptors.RegexNeedsBacktracking, location, setting, name, Binding.ValueDescription.ReprString(pattern),
            why.Construct, why.Position, (int)PythonRegex.DefaultMatchTimeout.TotalMilliseconds, input, why.Rewrite);
    }

    private static void CheckOriginRegex(CheckContext ctx, Binding.BoundSetting setting, string pattern, bool ignoreCase, Text.SourceLocation? location)
    {
        string repr = Binding.ValueDescription.ReprString(pattern);
        var regex = RegexFacts.TryCompile(pattern, ignoreCase, out var error);
        if (regex is null)
        {
            ctx.Report(DiagnosticDescriptors.CorsRegexInvalid, location, setting, setting.WrittenName, repr, error);
            return;
        }
        ReportBacktracking(ctx, setting, setting.WrittenName, pattern, ignoreCase, location, "Origin header");

        string? literal = RegexFacts.Literalise(pattern);
        if (!RegexFacts.IsEndAnchored(pattern))
        {
            // Only claim an example that the pattern really admits.
            string example = literal is not null && RegexFacts.MatchesAtStart(regex, literal + EvilSuffix)
                ? literal + EvilSuffix
                : "any origin that merely starts with a match";
            ctx.Report(DiagnosticDescriptors.CorsRegexNotEndAnchored, location, setting, repr, example);
        }

        int dot = RegexFacts.UnescapedDotInHost(pattern);
        if (dot >= 0)
        {
            string variant = pattern.Substring(0, dot) + "x" + pattern.Substring(dot + 1);
            string? example = RegexFacts.Literalise(variant);
            if (example is not null && RegexFacts.MatchesAtStart(regex, example))
            {
                ctx.Report(DiagnosticDescriptors.CorsRegexUnescapedDot, location, setting, repr, example);
            }
        }
    }
}
