namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// How an expression is being evaluated, passed down every call instead of kept in fields: the
/// names local to the comprehension or lambda being run, whether diagnostics are suppressed (while
/// a default is computed, or a value is evaluated only to describe it), and whether every
/// environment read means "unset" (the defaults re-run of a comprehension). Immutable: a nested
/// scope or a quiet evaluation is a new context, so returning from it restores nothing.
/// </summary>
internal sealed class EvalContext
{
    private EvalContext(LocalScope? locals, bool silent, bool defaultsMode)
    {
        Locals = locals;
        Silent = silent;
        DefaultsMode = defaultsMode;
    }

    /// <summary>Module level: no locals, diagnostics reported, the real environment (or none).</summary>
    public static EvalContext ModuleLevel { get; } = new(null, false, false);

    /// <summary>Names of the comprehension or lambda being evaluated (their parents chain outwards); null at module level.</summary>
    public LocalScope? Locals { get; }

    /// <summary>Whether diagnostics are dropped (the value is computed for a default or a description only).</summary>
    public bool Silent { get; }

    /// <summary>
    /// Whether the evaluation computes "the value when every environment variable is unset": names
    /// read their defaults, environment reads see <see cref="UnsetEnvironment"/>, nothing is bound.
    /// </summary>
    public bool DefaultsMode { get; }

    /// <summary>The same context with <paramref name="locals"/> as the innermost scope.</summary>
    public EvalContext WithLocals(LocalScope? locals) => ReferenceEquals(locals, Locals) ? this : new EvalContext(locals, Silent, DefaultsMode);

    /// <summary>The same context with diagnostics suppressed.</summary>
    public EvalContext Quiet() => Silent ? this : new EvalContext(Locals, true, DefaultsMode);

    /// <summary>A quiet context in which every environment variable is unset.</summary>
    public EvalContext ForDefaults() => new(Locals, true, true);
}
