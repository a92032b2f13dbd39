using System.Diagnostics;
using System.IO;
using DjangoSettings.Generator.Evaluation.Library;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Evaluation.Differential;

/// <summary>
/// PythonNames.Recorded.cs (the builtins module's names and the value types' attributes) is what
/// record_python_names.py prints with CPython, and the evaluator reads it the way Python would.
/// </summary>
public class PythonNamesTests
{
    [Fact]
    public void The_recorded_names_match_the_recording_script()
    {
        // Re-recording needs Debian's python3; where it is absent the check cannot run (CI has it).
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) return;
        string folder = Path.Combine(RepositoryRoot.TestProject, "Evaluation", "Differential");
        var start = new ProcessStartInfo(python, "record_python_names.py")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        string recorded = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        string file = Path.Combine(RepositoryRoot.Path, "src", "Generator", "Evaluation", "Library", "PythonNames.Recorded.cs");
        Assert.Equal(File.ReadAllText(file).Replace("\r\n", "\n"), recorded.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("FutureWarning", "Exception")]
    [InlineData("ValueError", "Exception")]
    [InlineData("type", "Type")]
    [InlineData("locals", "Function")]
    [InlineData("exec", "Function")]
    [InlineData("dir", "Function")]
    [InlineData("__debug__", "Other")]
    [InlineData("ImproperlyConfigured", "None")]
    public void Builtins_have_their_python_kind(string name, string kind) => Assert.Equal(kind, PythonNames.Builtin(name).ToString());

    [Theory]
    [InlineData("str", "swapcase", true)]
    [InlineData("str", "append", false)]
    [InlineData("list", "__len__", true)]
    [InlineData("PosixPath", "joinpath", true)]
    [InlineData("timedelta", "total_seconds", true)]
    public void Attributes_are_those_of_the_python_type(string type, string name, bool has) => Assert.Equal(has, PythonNames.HasAttribute(type, name));

    [Fact]
    public void A_method_python_has_is_not_evaluated_and_one_it_lacks_is_an_attribute_error()
    {
        var known = Py.Run("X = [1].__len__()\n");
        Assert.Empty(known.Diagnostics);
        Assert.IsType<DjangoSettings.Generator.Evaluation.Values.PyUnknown>(known.Value("X"));
        var missing = Py.Run("X = 'abc'.append('d')\n");
        Assert.Contains(missing.Diagnostics, d => d.Message == "AttributeError: 'str' object has no attribute 'append'");
        var attribute = Py.Run("X = 'abc'.upper\n");
        Assert.Empty(attribute.Diagnostics);
    }
}
