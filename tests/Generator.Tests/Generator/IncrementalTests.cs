using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DjangoSettings.Generator.Tests.Generator;

/// <summary>
/// The pipeline must stay cached when C# code changes (every keystroke in the IDE) and rerun when
/// the settings file changes; no step may hold compilations, symbols, syntax or locations.
/// </summary>
public class IncrementalTests
{
    private const string Path = GeneratorHarness.ProjectDirectory + "/cors.settings";

    private static readonly string[] AllSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>
    /// The steps that read the Django project (only for a custom AUTH_USER_MODEL), and the simplejwt
    /// pin steps (only with the runtime referenced; cached as SimpleJwtPinTests and
    /// CSharpUserModelRegistrationTests show).
    /// </summary>
    internal static readonly string[] ProjectSteps =
    {
        TrackingNames.PythonFiles, TrackingNames.ProjectModel, TrackingNames.PinFiles, TrackingNames.ManageFiles, TrackingNames.SimpleJwtPin,
        TrackingNames.CSharpUserModels,
    };

    // A [DjangoSettingsFile] class, so the declaration steps have something to carry.
    private static readonly string[] Declared =
    {
        GeneratorHarness.AttributeSource,
        "namespace MyApp.Web { [DjangoSettings.DjangoSettingsFile(\"cors.settings\")] public partial class AppSettings; }",
    };

    [Fact]
    public void Every_tracking_name_is_used_by_the_pipeline()
    {
        var (run, _) = FirstRun(declared: true);
        var steps = run.Results[0].TrackedSteps;
        // The project reading steps run only for a custom AUTH_USER_MODEL (UserModelReadingTests).
        Assert.All(AllSteps.Except(ProjectSteps), name => Assert.True(steps.ContainsKey(name), name + " was not tracked"));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Adding_or_editing_unrelated_code_leaves_every_step_cached(bool realCompiler, bool declared)
    {
        var (first, driver) = FirstRun(realCompiler ? new SettingsGenerator() : null, declared);
        var compilation = GeneratorHarness.CreateCompilation(Sources(declared, "namespace MyApp.Web { public class A { } }"));

        // Run once on the compilation, then again after adding a tree and after editing one.
        driver = driver.RunGenerators(compilation);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace MyApp.Web { public class B { } }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(added).GetRunResult();
        AssertAllCached(second);

        var edited = added.ReplaceSyntaxTree(added.SyntaxTrees.Single(t => t.ToString().Contains("public class A {")), CSharpSyntaxTree.ParseText("namespace MyApp.Web { public class A { int x; } }", GeneratorHarness.ParseOptions));
        var third = driver.RunGenerators(added).RunGenerators(edited).GetRunResult();
        AssertAllCached(third);
        Assert.Equal(first.GeneratedTrees.Single().ToString(), third.GeneratedTrees.Single().ToString());
        if (!declared) return;

        // Typing inside the declared class itself: the declaration is read again, equal, and nothing after it runs.
        var declaration = edited.SyntaxTrees.Single(t => t.ToString().Contains("partial class AppSettings"));
        var typed = edited.ReplaceSyntaxTree(declaration, CSharpSyntaxTree.ParseText(
            "namespace MyApp.Web { [DjangoSettings.DjangoSettingsFile(\"cors.settings\")] public partial class AppSettings { public int Extra => 1; } }", GeneratorHarness.ParseOptions, path: declaration.FilePath));
        var fourth = driver.RunGenerators(edited).RunGenerators(typed).GetRunResult();
        Assert.All(fourth.Results[0].TrackedSteps[TrackingNames.Declarations].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.New, o.Reason));
        foreach (var name in AllSteps.Where(n => n != TrackingNames.Declarations && !ProjectSteps.Contains(n)))
        {
            Assert.All(fourth.Results[0].TrackedSteps[name].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + o.Reason));
        }
    }

    [Fact]
    public void Editing_the_settings_file_reruns_compile_and_output()
    {
        const string newText = "CORS_ALLOW_ALL_ORIGINS = True\n";
        var generator = GeneratorHarness.Over(
            SampleSettings.React(),
            new ModuleBuilder("cors.settings", newText).Set("CORS_ALLOW_ALL_ORIGINS", new DjangoSettings.Generator.Evaluation.Values.PyBool(true)));
        var (old, driver) = FirstRun(generator);
        var edited = driver
            .ReplaceAdditionalText(_settingsFile, new InMemoryAdditionalText(Path, newText))
            .RunGenerators(GeneratorHarness.CreateCompilation())
            .GetRunResult();

        var compiled = Assert.Single(edited.Results[0].TrackedSteps[TrackingNames.Compiled]);
        Assert.Contains(compiled.Outputs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        var source = Assert.Single(edited.Results[0].TrackedSteps[TrackingNames.Source]);
        Assert.Contains(source.Outputs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains("AllowAllOrigins { get; } = false;", old.GeneratedTrees.Single().ToString());
        Assert.Contains("AllowAllOrigins { get; } = true;", edited.GeneratedTrees.Single().ToString());
    }

    [Fact]
    public void Changing_the_root_namespace_reruns_the_file_steps()
    {
        var (_, driver) = FirstRun();
        var result = driver
            .WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(rootNamespace: "Other.Name"))
            .RunGenerators(GeneratorHarness.CreateCompilation())
            .GetRunResult();
        Assert.Contains("namespace Other.Name", result.GeneratedTrees.Single().ToString());
    }

    [Fact]
    public void No_step_output_holds_roslyn_objects()
    {
        var (run, _) = FirstRun();
        foreach (var step in run.Results[0].TrackedSteps.Where(s => AllSteps.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs) AssertNoRoslynObjects(value, step.Name ?? "?", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private readonly AdditionalText _settingsFile = new InMemoryAdditionalText(Path, SampleSettings.ReactText);

    private (GeneratorDriverRunResult Run, GeneratorDriver Driver) FirstRun(SettingsGenerator? generator = null, bool declared = false)
    {
        var files = new[] { _settingsFile, new InMemoryAdditionalText(GeneratorHarness.ProjectDirectory + "/readme.txt", "not settings") };
        var driver = GeneratorHarness.CreateDriver(generator ?? GeneratorHarness.Over(SampleSettings.React()), files, GeneratorHarness.Options());
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation(Sources(declared, "namespace MyApp.Web { public class A { } }")));
        var run = driver.GetRunResult();
        Assert.Contains(declared ? "partial class AppSettings" : "partial class DjangoProjectSettings", run.GeneratedTrees.Single().ToString());
        return (run, driver);
    }

    private static string[] Sources(bool declared, params string[] sources) => declared ? Declared.Concat(sources).ToArray() : sources;

    private static void AssertAllCached(GeneratorDriverRunResult run)
    {
        var result = run.Results[0];
        foreach (var name in AllSteps)
        {
            // Without a [DjangoSettingsFile] class the per-declaration step has no node to track.
            if (name == TrackingNames.Declarations && !result.TrackedSteps.ContainsKey(name)) continue;
            if (ProjectSteps.Contains(name) && !result.TrackedSteps.ContainsKey(name)) continue;
            Assert.True(result.TrackedSteps.TryGetValue(name, out var runs), name + " not tracked");
            foreach (var step in runs)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + reason);
                }
            }
        }
        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
    }

    // Walks the object graph of a step output (as NetEscapades' TestHelpers do).
    private static void AssertNoRoslynObjects(object? node, string step, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum) return;
        if (!node.GetType().IsValueType && !seen.Add(node)) return;
        Assert.False(node is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or Diagnostic or AdditionalText,
            step + " holds a " + node.GetType().FullName);
        if (node is IEnumerable sequence)
        {
            foreach (var item in sequence) AssertNoRoslynObjects(item, step, seen);
            return;
        }
        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(node), step, seen);
        }
    }
}
