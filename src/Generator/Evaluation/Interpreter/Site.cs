using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// Where a value is being computed: the module (for locations, source text and the session), the
/// <see cref="EvalContext"/> and the syntax node the result belongs to. Library code (builtins,
/// methods, environment libraries, pathlib, timedelta) receives one and reports through it, so a
/// computation run for a default is quiet without any shared state changing.
/// </summary>
internal readonly struct Site
{
    public Site(ModuleEvaluator module, EvalContext context, PySyntaxNode node)
    {
        Module = module;
        Context = context;
        Node = node;
    }

    public ModuleEvaluator Module { get; }

    public EvalContext Context { get; }

    public PySyntaxNode Node { get; }

    public SourceSpan Span => Node.Span;

    public EvaluationSession Session => Module.Session;

    /// <summary>The node's location in its file.</summary>
    public SourceLocation Location => Module.Loc(Node.Span);

    /// <summary>The node's source text, whitespace collapsed (for descriptions of deferred values).</summary>
    public string SourceText => Module.Text(Node.Span);

    /// <summary>The same site with diagnostics suppressed.</summary>
    public Site Quiet() => new(Module, Context.Quiet(), Node);

    /// <summary>The same module and context at another node.</summary>
    public Site At(PySyntaxNode node) => new(Module, Context, node);

    /// <summary>Reports a diagnostic at the node (nothing when the context is silent).</summary>
    public void Report(DjsDescriptor descriptor, params object?[] args) => Module.Report(Context, descriptor, Node.Span, args);

    /// <summary>Reports what Python would raise here (DJS0011) and yields an unknown value.</summary>
    public PyUnknown Error(string message) => Module.Error(Context, Node.Span, message);

    /// <summary>
    /// A call the compiler does not model: an unknown value whose cause (DJS0019, reported only if
    /// a needed setting depends on it) names the function.
    /// </summary>
    public PyUnknown CallNotEvaluated(string name, string? reason = null)
        => new(reason ?? "call to '" + name + "' is not evaluated")
        {
            Origin = Location,
            Cause = SettingsDiagnostic.Create(DiagnosticDescriptors.CallNotEvaluated, Location, name),
        };

    /// <summary>
    /// An operation Python supports and the compiler does not model: an unknown value whose cause
    /// (DJS0022: a limit of the compiler, never presented as a Python exception) is reported only if
    /// a needed setting depends on it.
    /// </summary>
    public PyUnknown NotEvaluated(string what, string why)
        => new(what + " is not evaluated: " + why)
        {
            Origin = Location,
            Cause = SettingsDiagnostic.Create(DiagnosticDescriptors.OperationNotEvaluated, Location, what, why),
        };

    /// <summary>Reports a value larger than the evaluator's caps (DJS0013).</summary>
    public PyUnknown TooLarge(string what) => Module.TooLarge(Context, Node.Span, what);

    /// <summary>Reports an integer outside 64 bits (DJS0012).</summary>
    public PyUnknown Overflow(string what) => Module.Overflow(Context, Node.Span, what);

    /// <summary>The items of an iterable value; null (reported) when it is not iterable.</summary>
    public IReadOnlyList<PyValue>? Iterate(PyValue value) => Module.Iterate(Context, value, Node);

    /// <summary>Calls a function value (builtin, library function, lambda) with positional arguments.</summary>
    public PyValue Call(PyValue function, params PyValue[] positional) => Module.CallWith(this, function, positional);

    /// <summary>
    /// Applies <paramref name="compute"/> to known operands, or defers the result when one is
    /// deferred (see <see cref="ModuleEvaluator.Lift"/>); the computation of the default is quiet.
    /// </summary>
    public PyValue Lift(IReadOnlyList<PyValue> operands, Func<Site, IReadOnlyList<PyValue>, PyValue> compute, string? knownType, bool deep = true)
        => Module.Lift(this, operands, compute, knownType, deep);

    /// <summary>A deferred value with the node's text and location.</summary>
    public PyDeferred Deferred(EquatableArray<string> keys, PyValue? defaultValue, string? expectedType)
        => new(SourceText, keys, defaultValue, expectedType) { Origin = Location };
}
