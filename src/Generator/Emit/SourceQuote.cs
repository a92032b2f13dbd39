using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Checks;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Emit;

/// <summary>The lines of a settings file a statement covers, for quoting in doc comments.</summary>
internal static class SourceQuote
{
    private const int MaxLines = 8;

    /// <summary>
    /// The source lines of <paramref name="location"/> (at most eight; a longer statement ends
    /// with "..."), without line breaks. Empty when the file is unknown. A line that holds a secret's
    /// value (SECRET_KEY, SIGNING_KEY, a DATABASES PASSWORD) is replaced by a note: docs end up in
    /// IntelliSense, the XML documentation file and the package.
    /// </summary>
    public static IReadOnlyList<string> Lines(BoundSettings settings, SourceLocation location)
    {
        var lines = new List<string>();
        var source = settings.FindSource(location.Path);
        if (source is null) return lines;
        var secrets = settings.All
            .Where(s => s.IsSet && SecretChecks.IsSecret(s.Definition.Key))
            .Select(s => (Setting: s, At: s.ValueLocation ?? s.StatementLocation))
            .Where(x => x.At is not null && x.At.Path == location.Path)
            .ToList();
        int first = location.Start.Line;
        int last = location.End.Line;
        // A span ending at column 1 ends at the previous line's break; do not quote the next line.
        if (last > first && location.End.Column == 1) last--;
        for (int line = first; line <= last; line++)
        {
            if (lines.Count == MaxLines - 1 && line < last)
            {
                lines.Add("...");
                break;
            }
            var secret = secrets.FirstOrDefault(x => x.At!.Start.Line <= line && line <= x.At.End.Line);
            lines.Add(secret.Setting is null ? source.GetLineText(line) : "(line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + " not quoted: it holds " + MemberDoc.DjangoName(secret.Setting.Definition) + ", a secret)");
        }
        return lines;
    }
}
