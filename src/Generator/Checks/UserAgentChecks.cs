using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// DISALLOWED_USER_AGENTS: CommonMiddleware calls <c>.search()</c> on every item, so a plain str
/// crashes each request that has a User-Agent (a 500 in Django, found only at run time), and every
/// compiled pattern must compile in Python and in the port.
/// </summary>
internal static class UserAgentChecks
{
    public static void Run(CheckContext ctx)
    {
        var agents = ctx["DISALLOWED_USER_AGENTS"];
        if (!ctx.IsUsable(agents) || agents.Value is not PySequence seq) return;
        foreach (var item in seq.Items)
        {
            if (item is PyStr s)
            {
                ctx.Report(DiagnosticDescriptors.UserAgentPatternNotCompiled, item.Origin ?? agents.ValueLocation, agents, ValueDescription.ReprString(s.Value));
            }
        }
        SecurityHeaderChecks.CheckPatterns(ctx, agents);
    }
}
