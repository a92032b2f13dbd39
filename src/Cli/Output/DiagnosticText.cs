using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Cli.Output;

/// <summary>
/// Diagnostics as the build prints them: <c>path(line,col): error DJS0213: message (help link)</c>.
/// The compiler appends a non-default help link in parentheses after the message; the CLI does the
/// same, so a terminal or CI log links every line to its docs/diagnostics page.
/// </summary>
internal static class DiagnosticText
{
    /// <summary>One line.</summary>
    public static string Format(SettingsDiagnostic diagnostic)
        => diagnostic + " (" + diagnostic.Descriptor.HelpLinkUri + ")";

    /// <summary><c>2 errors, 1 warning, 0 infos</c>.</summary>
    public static string Summary(IReadOnlyList<SettingsDiagnostic> diagnostics)
    {
        int errors = diagnostics.Count(d => d.Severity == SettingsSeverity.Error);
        int warnings = diagnostics.Count(d => d.Severity == SettingsSeverity.Warning);
        int infos = diagnostics.Count - errors - warnings;
        return Count(errors, "error") + ", " + Count(warnings, "warning") + ", " + Count(infos, "info");
    }

    private static string Count(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? string.Empty : "s");
}
