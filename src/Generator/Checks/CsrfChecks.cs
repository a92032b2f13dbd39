using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// CSRF: <c>CSRF_TRUSTED_ORIGINS</c> entries without a scheme (Django 4.0's 4_0.E001 refuses to
/// start), and DRF's SessionAuthentication, whose CSRF check the port does not reproduce (it has no
/// Django sessions; spec/django-http.md §5.7).
/// </summary>
internal static class CsrfChecks
{
    private const string SessionAuthentication = "rest_framework.authentication.SessionAuthentication";

    public static void Run(CheckContext ctx)
    {
        var trusted = ctx["CSRF_TRUSTED_ORIGINS"];
        if (ctx.IsUsable(trusted))
        {
            foreach (var (entry, location) in CheckContext.Strings(trusted))
            {
                if (entry.IndexOf("://", StringComparison.Ordinal) >= 0) continue;
                string suggestion = entry.StartsWith(".", StringComparison.Ordinal) ? "https://*" + entry : "https://" + entry;
                ctx.Report(DiagnosticDescriptors.CsrfTrustedOriginWithoutScheme, location, trusted, ValueDescription.ReprString(entry), ValueDescription.ReprString(suggestion));
            }
        }
        CheckSessionAuthentication(ctx);
    }

    private static void CheckSessionAuthentication(CheckContext ctx)
    {
        var middleware = EffectiveList.Middleware(ctx);
        if (middleware is null || !middleware.Contains(DjangoStartProject.CsrfViewMiddleware)) return;
        if (SessionAuthenticationAt(ctx) is not { } found) return;
        ctx.Report(DiagnosticDescriptors.SessionAuthenticationCsrf, found.Location, null, found.Where);
    }

    /// <summary>
    /// Where REST_FRAMEWORK's DEFAULT_AUTHENTICATION_CLASSES lists SessionAuthentication. DRF's
    /// default (SessionAuthentication, BasicAuthentication) when the key is left out is not
    /// reported: nearly every settings file leaves it out, and the port's answer is the same.
    /// </summary>
    private static (string Where, SourceLocation? Location)? SessionAuthenticationAt(CheckContext ctx)
    {
        if (!ctx.Settings.Module.Names.TryGetValue("REST_FRAMEWORK", out var rest) || rest.Value is not PyDict dict) return null;
        var classes = dict.Entries.LastOrDefault(e => e.Key is PyStr { Value: "DEFAULT_AUTHENTICATION_CLASSES" });
        if (classes is null || classes.Value is not PySequence seq || !seq.IsConstant) return null;
        var item = seq.Items.FirstOrDefault(i => i is PyStr { Value: SessionAuthentication });
        return item is null ? null : ("REST_FRAMEWORK['DEFAULT_AUTHENTICATION_CLASSES']", item.Origin ?? classes.Key.Origin);
    }
}
