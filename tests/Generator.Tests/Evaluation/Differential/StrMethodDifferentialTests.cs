using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Generator.Tests.Evaluation.Differential;

/// <summary>
/// The str methods against CPython: every case of str_methods.json (receivers x methods x
/// arguments, recorded by record_str_methods.py with Debian's python3) is evaluated as
/// <c>R = expression</c>. A value must equal Python's, a Python exception must be the same
/// exception (DJS0011 with its type). "Not evaluated" (DJS0019, no value) is allowed only where the
/// evaluator documents it: case mapping and character classes of non-ASCII text.
/// </summary>
public class StrMethodDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public StrMethodDifferentialTests(ITestOutputHelper output) => _output = output;

    private static string TablePath => Path.Combine(RepositoryRoot.TestProject, "Evaluation", "Differential", "str_methods.json");

    [Fact]
    public void Str_methods_agree_with_CPython()
    {
        using var table = JsonDocument.Parse(File.ReadAllText(TablePath));
        var cases = table.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.True(cases.Count > 5000, "the recorded table is missing cases");
        var failures = new List<string>();
        int values = 0, errors = 0, notEvaluated = 0;
        foreach (var c in cases)
        {
            string expr = c.GetProperty("expr").GetString()!;
            var outcome = c.GetProperty("outcome");
            var module = Py.Run("R = " + expr + "\n");
            var diagnostics = module.Diagnostics;
            var value = module.Names.TryGetValue("R", out var binding) ? binding.Value : null;
            string? error = outcome.TryGetProperty("error", out var e) ? e.GetString() : null;
            var raised = diagnostics.FirstOrDefault(d => d.Id == DiagnosticDescriptors.EvaluationError.Id);
            // "Not evaluated" is a value whose explanation (DJS0019) would be reported if a setting used it.
            bool skipped = value is PyUnknown { Cause: { } cause } && raised is null && cause.Id == DiagnosticDescriptors.CallNotEvaluated.Id;
            if (skipped)
            {
                notEvaluated++;
                var why = ((PyUnknown)value!).Cause!.Message;
                if (!NotEvaluatedIsDocumented(expr, why)) failures.Add(expr + ": not evaluated (" + why + "), Python gives " + outcome.GetRawText());
                continue;
            }
            if (error is not null)
            {
                if (raised is null || !raised.Message.StartsWith(error + ":", StringComparison.Ordinal))
                {
                    failures.Add(expr + ": Python raises " + error + ", the evaluator gives " + Describe(value) + (raised is null ? string.Empty : " (" + raised.Message + ")"));
                }
                else errors++;
                continue;
            }
            if (raised is not null || value is null || !Same(value, outcome))
            {
                failures.Add(expr + ": Python gives " + outcome.GetRawText() + ", the evaluator gives " + Describe(value) + (raised is null ? string.Empty : " (" + raised.Message + ")"));
                continue;
            }
            values++;
        }
        _output.WriteLine(values + " values and " + errors + " exceptions agree; " + notEvaluated + " documented as not evaluated");
        foreach (var f in failures.Take(200)) _output.WriteLine(f);
        Assert.True(failures.Count == 0, failures.Count + " divergences from CPython, first: " + string.Join(" | ", failures.Take(10)));
    }

    [Fact]
    public void The_recorded_table_matches_the_recording_script()
    {
        // Re-recording needs Debian's python3; the check is skipped where it is absent (CI has it).
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) return;
        var start = new System.Diagnostics.ProcessStartInfo(python, "record_str_methods.py")
        {
            WorkingDirectory = Path.GetDirectoryName(TablePath)!,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = System.Diagnostics.Process.Start(start)!;
        string recorded = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(File.ReadAllText(TablePath).Replace("\r\n", "\n"), recorded.Replace("\r\n", "\n"));
    }

    // Case mapping and Unicode character classes are evaluated for ASCII text only (the tables of
    // the compiler's host and of CPython differ outside it), and indices only where Python's code
    // points are UTF-16 units; everything else must be evaluated.
    private static bool NotEvaluatedIsDocumented(string expr, string message)
    {
        // The receiver is written with repr(): a character outside ASCII appears as itself or as an escape.
        if (message.Contains("(text outside ASCII)")) return expr.Any(ch => ch > 0x7f) || NonAsciiEscape.IsMatch(expr);
        if (message.Contains("(indices in text outside the BMP)")) return expr.Any(char.IsSurrogate);
        return false;
    }

    private static readonly System.Text.RegularExpressions.Regex NonAsciiEscape = new(@"\\(x[89a-f][0-9a-f]|u[0-9a-f]{4}|U[0-9a-f]{8})");

    private static bool Same(PyValue value, JsonElement expected)
    {
        var property = expected.EnumerateObject().Single();
        switch (property.Name)
        {
            case "str": return value is PyStr s && s.Value == property.Value.GetString();
            case "int": return value is PyInt i && i.Value == property.Value.GetInt64();
            case "bool": return value is PyBool b && b.Value == property.Value.GetBoolean();
            case "bytes": return value is PyBytes bytes && bytes.Latin1.Select(ch => (int)ch).SequenceEqual(property.Value.EnumerateArray().Select(x => x.GetInt32()));
            case "list": return value is PyList l && Items(l.Items, property.Value);
            case "tuple": return value is PyTuple t && Items(t.Items, property.Value);
        }
        return false;
    }

    private static bool Items(IReadOnlyList<PyValue> items, JsonElement expected)
    {
        var want = expected.EnumerateArray().ToList();
        if (items.Count != want.Count) return false;
        for (int i = 0; i < items.Count; i++) if (!Same(items[i], want[i])) return false;
        return true;
    }

    private static string Describe(PyValue? value) => value switch
    {
        null => "no value",
        PyUnknown u => "unknown (" + u.Reason + ")",
        _ => JsonSerializer.Serialize(Py.Plain(value)),
    };
}
