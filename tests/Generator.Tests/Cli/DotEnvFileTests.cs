using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Cli.Variables;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Cli;

/// <summary>
/// The .env reader against what the real parsers return for the same files (DotEnv/expected.json,
/// recorded from Debian's python-dotenv and django-environ by DotEnv/record.py).
/// </summary>
public sealed class DotEnvFileTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.TestProject, "Cli", "DotEnv");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(Folder, "cases"), "*.env").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_each_case_as_python_dotenv_does(string name)
    {
        var expected = Expected(name);
        var (values, skipped) = Read(name);

        var dotenv = expected.GetProperty("dotenv");
        Assert.Equal(dotenv.EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal), values.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var property in dotenv.EnumerateObject())
        {
            string? want = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString();
            Assert.True(want == values[property.Name], $"{name}: {property.Name} is {Show(values[property.Name])}, python-dotenv reads {Show(want)}");
        }
        Assert.Equal(expected.GetProperty("dotenvSkippedLines").EnumerateArray().Select(e => e.GetInt32()), skipped);
    }

    [Fact]
    public void The_cases_cover_every_rule_the_docs_list()
    {
        // Each rule of docs/cli.md's .env section has a case whose recorded value shows it.
        var values = Expected("basic.env").GetProperty("dotenv");
        Assert.Equal("1", values.GetProperty("EXPORTED").GetString());
        Assert.Equal("around equals", values.GetProperty("SPACED").GetString());
        Assert.Equal(JsonValueKind.Null, values.GetProperty("KEY_WITHOUT_EQUALS").ValueKind);
        Assert.Equal("second", values.GetProperty("DUPLICATE").GetString());
        var quotes = Expected("quotes.env").GetProperty("dotenv");
        Assert.Equal("it's a \\ backslash, \\n stays", quotes.GetProperty("SINGLE_ESCAPES").GetString());
        Assert.Equal("tab\there\nnewline \"quoted\" back\\slash \\$ dollar \\q unknown", quotes.GetProperty("DOUBLE_ESCAPES").GetString());
        Assert.Equal("first line\nsecond line", quotes.GetProperty("DOUBLE_MULTILINE").GetString());
        var comments = Expected("comments.env").GetProperty("dotenv");
        Assert.Equal("value", comments.GetProperty("INLINE").GetString());
        Assert.Equal("value#not-a-comment", comments.GetProperty("NO_SPACE").GetString());
        var interpolation = Expected("interpolation.env").GetProperty("dotenv");
        Assert.Equal("postgres://db.example.com:5432/app", interpolation.GetProperty("URL").GetString());
        Assert.Equal("fallback", interpolation.GetProperty("WITH_DEFAULT").GetString());
        Assert.Equal("$HOST", interpolation.GetProperty("BARE_DOLLAR").GetString());
        Assert.Equal(string.Empty, interpolation.GetProperty("LATER").GetString());
    }

    [Fact]
    public void Django_environ_reads_the_plain_subset_the_same()
    {
        // KEY=value without export, spaces, inline comments, escapes or ${...}: django-environ's
        // read_env (0.4.4) agrees with python-dotenv, and so with us. The docs call this the portable subset.
        var plain = new Dictionary<string, string[]>
        {
            ["basic.env"] = new[] { "DJANGO_SECRET_KEY", "DEBUG", "EMPTY", "ALLOWED_HOSTS", "DATABASE_URL" },
            ["quotes.env"] = new[] { "SINGLE", "DOUBLE", "UNICODE", "EMPTY_SINGLE", "EMPTY_DOUBLE", "SPACES_INSIDE" },
            ["crlf.env"] = new[] { "CRLF_ONE", "CRLF_TWO" },
            ["no-final-newline.env"] = new[] { "LAST_LINE_NO_NEWLINE" },
        };
        foreach (var (file, keys) in plain)
        {
            var environ = Expected(file).GetProperty("djangoEnviron");
            var (ours, _) = Read(file);
            foreach (string key in keys) Assert.Equal(environ.GetProperty(key).GetString(), ours[key]);
        }
        // Where they differ, python-dotenv is followed (docs/cli.md says so): an inline comment, for one.
        Assert.Equal("value # a comment", Expected("comments.env").GetProperty("djangoEnviron").GetProperty("INLINE").GetString());
        Assert.Equal("value", Read("comments.env").Values["INLINE"]);
    }

    [Fact]
    public void A_line_that_does_not_parse_is_reported_with_its_line_and_skipped()
    {
        var set = new VariableSet();
        var warnings = new StringWriter();
        string path = Path.Combine(Folder, "cases", "errors.env");
        set.AddFile(path, warnings);
        Assert.Equal("1", set.Get("GOOD_BEFORE"));
        Assert.Equal("2", set.Get("GOOD_AFTER"));
        Assert.Null(set.Get("UNTERMINATED"));
        var lines = warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(path + "(2): warning: ", lines[0]);
        Assert.StartsWith(path + "(4): warning: ", lines[1]);
    }

    [Fact]
    public void Expansion_sees_earlier_files_and_options_but_not_the_process_environment()
    {
        string name = "DJS_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            var set = new VariableSet();
            set.AddAssignment("HOST=from-option", _ => null);
            string file = Path.Combine(Path.GetTempPath(), name + ".env");
            File.WriteAllText(file, "URL=http://${HOST}/\nPROCESS=[${" + name + "}]\n");
            try
            {
                set.AddFile(file, TextWriter.Null);
            }
            finally
            {
                File.Delete(file);
            }
            Assert.Equal("http://from-option/", set.Get("URL"));
            Assert.Equal("[]", set.Get("PROCESS"));

            // --env KEY copies KEY from the process, as docker run -e KEY does; unset, nothing is set.
            set.AddAssignment(name, Environment.GetEnvironmentVariable);
            Assert.Equal("from-process", set.Get(name));
            set.AddAssignment("DJS_TEST_NOT_SET_" + Guid.NewGuid().ToString("N"), Environment.GetEnvironmentVariable);
            Assert.Equal(new[] { "HOST", "URL", "PROCESS", name }, set.Ordered.Select(p => p.Key));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [SkippableFact]
    public void The_recording_is_current_with_the_installed_parsers()
    {
        bool available = PythonHasParsers();
        if (!available && Environment.GetEnvironmentVariable("REQUIRE_SERVICES") == "1")
            throw new InvalidOperationException("Debian's python3-dotenv and python3-django-environ are required (REQUIRE_SERVICES=1)");
        Skip.IfNot(available, "Debian's python3-dotenv and python3-django-environ are not installed");

        string output = Path.Combine(Path.GetTempPath(), "djangosettings-dotenv-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (code, text) = RunPython(Path.Combine(Folder, "record.py"), output);
            Assert.True(code == 0, text);
            Assert.Equal(File.ReadAllText(Path.Combine(Folder, "expected.json")), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static (Dictionary<string, string?> Values, List<int> Skipped) Read(string name)
    {
        // As VariableSet.AddFile reads, but keeping keys written without '=' (python-dotenv lists them as None).
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var skipped = new List<int>();
        foreach (var entry in DotEnvFile.Parse(File.ReadAllText(Path.Combine(Folder, "cases", name))))
        {
            if (entry.IsError) skipped.Add(entry.Line);
            else values[entry.Key!] = entry.Value is null ? null : DotEnvFile.Expand(entry.Value, k => values.TryGetValue(k, out var v) ? v : null);
        }
        return (values, skipped);
    }

    private static JsonElement Expected(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        return doc.RootElement.GetProperty("cases").GetProperty(name).Clone();
    }

    private static string Show(string? value) => value is null ? "None" : "'" + value + "'";

    private static bool PythonHasParsers() => File.Exists("/usr/bin/python3") && RunPython("-c", "import dotenv, environ").Code == 0;

    private static (int Code, string Output) RunPython(params string[] args)
    {
        // An empty environment, as record.py demands: ${NAME} then expands from the file alone.
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment.Clear();
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
