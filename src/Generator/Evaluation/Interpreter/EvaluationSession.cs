using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// State shared by the modules of one evaluation: the parsed files, the environment, the
/// diagnostics and reports, and the objects the evaluator models by id (lambdas, Env, Csv).
/// </summary>
internal sealed class EvaluationSession
{
    /// <summary>Loop iterations allowed across the whole evaluation.</summary>
    public const int MaxLoopIterations = 10_000;

    /// <summary>Longest string and largest collection the evaluator will build.</summary>
    public const int MaxStringLength = 4_000_000;

    public const int MaxCollectionSize = 1_000_000;

    /// <summary>How deeply values may nest (<c>[[[...]]]</c>); consumers recurse over values.</summary>
    public const int MaxValueNesting = 64;

    /// <summary>Current nesting of lambda calls, across modules.</summary>
    public int LambdaDepth { get; set; }

    /// <summary>Current expression evaluation depth, across modules.</summary>
    public int EvalDepth { get; set; }

    private readonly Dictionary<int, ModuleEvaluator> _evaluated = new();
    private readonly List<int> _importStack = new();
    private readonly HashSet<string> _seenDiagnostics = new();
    private readonly HashSet<string> _seenSkipped = new();
    private readonly HashSet<string> _seenAnnotations = new();

    public EvaluationSession(IReadOnlyList<SettingsSource> files, ISettingsEnvironment? environment, CancellationToken cancellationToken)
    {
        Files = files;
        Environment = environment;
        CancellationToken = cancellationToken;
        Trees = new PySyntaxTree?[files.Count];
    }

    public IReadOnlyList<SettingsSource> Files { get; }

    public PySyntaxTree?[] Trees { get; }

    public ISettingsEnvironment? Environment { get; }

    public CancellationToken CancellationToken { get; }

    public List<SettingsDiagnostic> Diagnostics { get; } = new();

    public List<SkippedAssignment> Skipped { get; } = new();

    public List<AnnotationStatement> Annotations { get; } = new();

    public Dictionary<string, LambdaClosure> Lambdas { get; } = new();

    public Dictionary<string, EnvironScheme> EnvironObjects { get; } = new();

    public Dictionary<string, CsvCast> CsvObjects { get; } = new();

    /// <summary>Environment variables the settings assign (<c>os.environ["X"] = ...</c>), with where.</summary>
    public Dictionary<string, SourceLocation> EnvironmentWrites { get; } = new();

    public int LoopBudget { get; set; } = MaxLoopIterations;

    /// <summary>Size and nesting of the values built so far (bounded so every walk over them is).</summary>
    public ValueMetrics Metrics { get; } = new();

    private int _nextId;

    public string NewId(string prefix) => prefix + "#" + (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public PySyntaxTree GetTree(int index)
    {
        var tree = Trees[index];
        if (tree is null)
        {
            tree = PySyntaxTree.Parse(Files[index], CancellationToken);
            Trees[index] = tree;
            foreach (var d in tree.Diagnostics) Report(d);
        }
        return tree;
    }

    public void Report(SettingsDiagnostic diagnostic)
    {
        string key = diagnostic.Id + "|" + diagnostic.Location.Path + "|" + diagnostic.Location.Span.Start + "|" + diagnostic.Location.Span.Length + "|" + diagnostic.Message;
        if (_seenDiagnostics.Add(key)) Diagnostics.Add(diagnostic);
    }

    public void AddSkipped(SkippedAssignment skipped)
    {
        if (_seenSkipped.Add(skipped.Name + "|" + skipped.NameLocation.Path + "|" + skipped.NameLocation.Span.Start)) Skipped.Add(skipped);
    }

    public void AddAnnotation(AnnotationStatement annotation)
    {
        if (_seenAnnotations.Add(annotation.NameLocation.Path + "|" + annotation.NameLocation.Span.Start)) Annotations.Add(annotation);
    }

    /// <summary>The module name stem of a file: <c>config/settings/base.py</c> is <c>base</c>.</summary>
    public static string Stem(string path)
    {
        string name = path.Replace('\\', '/');
        int slash = name.LastIndexOf('/');
        if (slash >= 0) name = name.Substring(slash + 1);
        int dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    /// <summary>
    /// Finds the given file a settings import names (<c>.base</c>, <c>config.settings.base</c>): the
    /// last dotted component must equal a file's stem. The importing file itself never matches.
    /// </summary>
    public int FindModule(string? module, int importer)
    {
        if (string.IsNullOrEmpty(module)) return -1;
        string last = module!;
        int dot = last.LastIndexOf('.');
        if (dot >= 0) last = last.Substring(dot + 1);
        for (int i = Files.Count - 1; i >= 0; i--)
        {
            if (i != importer && string.Equals(Stem(Files[i].Path), last, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>Evaluates a module once (cached); null when it is being evaluated already (a cycle).</summary>
    public ModuleEvaluator? EvaluateModule(int index)
    {
        if (_evaluated.TryGetValue(index, out var done)) return done;
        if (_importStack.Contains(index)) return null;
        _importStack.Add(index);
        try
        {
            var evaluator = new ModuleEvaluator(this, index, GetTree(index));
            evaluator.Run();
            _evaluated[index] = evaluator;
            return evaluator;
        }
        finally
        {
            _importStack.Remove(index);
        }
    }

    public static string FileName(string path)
    {
        try
        {
            return Path.GetFileName(path);
        }
        catch (ArgumentException)
        {
            return path;
        }
    }
}
