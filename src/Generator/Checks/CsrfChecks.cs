using System;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// CSRF: <c>CSRF_TRUSTED_ORIGINS</c> entries without a scheme (Django 4.0's 4_0.E001 refuses to
/// start). DRF's SessionAuthentication, whose CSRF check the port does not reproduce either (no Django
/// sessions; spec/django-http.md §5.7), is reported once, by the REST_FRAMEWORK checks (DJS0605).
/// </summary>
internal static class CsrfChecks
{
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
    }
}
