using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace DjangoSettings.Generator.Tests.Infrastructure;

/// <summary>
/// An in-house replacement for Verify.SourceGenerators (not served here; spec/dotnet-anchors.md §F).
/// Each text is compared with <c>Snapshots/{Class}.{Method}#{hint}.verified.cs</c> beside the test
/// file after normalising line endings and scrubbing the generator version and the repository path.
/// On a mismatch (or a missing file) it writes <c>.received.cs</c> next to it and fails with a diff;
/// with <c>UPDATE_SNAPSHOTS=1</c> it accepts the text as the new verified file.
/// </summary>
public static class Snapshot
{
    private static readonly Regex GeneratedCodeVersion = new(@"GeneratedCode\(""DjangoSettings\.Generator"", ""[^""]*""\)", RegexOptions.CultureInvariant);

    /// <summary>Compares one text (<paramref name="extension"/> <c>cs</c> or <c>txt</c>).</summary>
    public static void Verify(string actual, string? hint = null, string extension = "cs",
        [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        string name = ClassName(testFile) + "." + method + (hint is null ? string.Empty : "#" + hint);
        Compare(Scrub(actual), Path.Combine(Directory(testFile), name), extension);
    }

    /// <summary>
    /// Compares a generator run: rethrows a generator exception (a crash is never a snapshot), writes
    /// each source sorted by hint name as <c>#{hint without .cs}.verified.cs</c> starting with
    /// <c>//HintName:</c>, and the diagnostics, when there are any, as <c>.verified.txt</c>.
    /// </summary>
    public static void VerifyRun(GeneratorDriverRunResult run, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        var exceptions = run.Results.Where(r => r.Exception is not null).Select(r => r.Exception!).ToList();
        if (exceptions.Count == 1) throw new InvalidOperationException("The generator threw", exceptions[0]);
        if (exceptions.Count > 1) throw new AggregateException(exceptions);

        string baseName = ClassName(testFile) + "." + method;
        string dir = Directory(testFile);
        foreach (var source in run.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            string hint = source.HintName.EndsWith(".cs", StringComparison.Ordinal) ? source.HintName.Substring(0, source.HintName.Length - 3) : source.HintName;
            Compare(Scrub("//HintName: " + source.HintName + "\n" + source.SourceText), Path.Combine(dir, baseName + "#" + hint), "cs");
        }
        if (run.Diagnostics.Length > 0)
        {
            Compare(Scrub(Describe(run.Diagnostics)), Path.Combine(dir, baseName), "txt");
        }
    }

    /// <summary>One block per diagnostic: id, severity, message, <c>file: (l,c)-(l,c)</c> (0-based, as Roslyn counts).</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var span = d.Location.GetLineSpan();
            sb.Append(d.Id).Append(' ').Append(d.Severity).Append('\n');
            sb.Append("  Message: ").Append(d.GetMessage(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("  Location: ").Append(span.Path).Append(": ").Append(span.StartLinePosition).Append('-').Append(span.EndLinePosition).Append('\n');
            sb.Append("  Category: ").Append(d.Descriptor.Category).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Line endings to <c>\n</c>, the generator version to FIXED_VERSION, the repository root to {ProjectDirectory}.</summary>
    public static string Scrub(string text)
    {
        string result = text.Replace("\r\n", "\n").Replace('\r', '\n');
        result = GeneratedCodeVersion.Replace(result, "GeneratedCode(\"DjangoSettings.Generator\", \"FIXED_VERSION\")");
        result = result.Replace(RepositoryRoot.Path.Replace('\\', '/'), "{ProjectDirectory}");
        return result;
    }

    private static void Compare(string actual, string basePath, string extension)
    {
        string verified = basePath + ".verified." + extension;
        string received = basePath + ".received." + extension;
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).TrimStart('\uFEFF').Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Write(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Write(received, actual);
        throw new XunitException(expected is null
            ? "No verified snapshot " + verified + "; the output is in " + received + " (run with UPDATE_SNAPSHOTS=1 to accept it)."
            : "Snapshot mismatch for " + verified + " (received: " + received + "; UPDATE_SNAPSHOTS=1 accepts it):\n" + Diff(expected, actual));
    }

    // Verify writes UTF-8 with a BOM; so do we, so files stay byte-identical when tools switch.
    private static void Write(string path, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    // A short line diff: the first differing lines with a little context, enough to see what changed.
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        int first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first]) first++;
        int tailA = a.Length - 1, tailB = b.Length - 1;
        while (tailA > first && tailB > first && a[tailA] == b[tailB]) { tailA--; tailB--; }
        var sb = new StringBuilder();
        sb.Append("@@ line ").Append(first + 1).Append(" @@\n");
        for (int i = Math.Max(0, first - 2); i < first; i++) sb.Append("  ").Append(a[i]).Append('\n');
        for (int i = first; i <= tailA && i < first + 20; i++) sb.Append("- ").Append(a[i]).Append('\n');
        for (int i = first; i <= tailB && i < first + 20; i++) sb.Append("+ ").Append(b[i]).Append('\n');
        return sb.ToString();
    }

    private static string ClassName(string testFile) => Path.GetFileNameWithoutExtension(testFile);

    // Beside the test file when the compiler recorded a real path; else the test project's folder.
    private static string Directory(string testFile)
    {
        string? dir = Path.GetDirectoryName(testFile);
        if (dir is null || !System.IO.Directory.Exists(dir)) dir = RepositoryRoot.TestProject;
        return Path.Combine(dir, "Snapshots");
    }
}
