using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation.Values;

/// <summary>
/// A Python value as the evaluator computed it. Immutable and equatable. <see cref="Origin"/> is
/// where the expression that produced it was written, so a check on a value can point at it.
/// </summary>
internal abstract record PyValue
{
    /// <summary>Where the value was written (null for built-in defaults).</summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>
    /// When the value was reached through a name (<c>"SIGNING_KEY": SECRET_KEY</c>), where that
    /// name was assigned; diagnostics point at <see cref="Origin"/> and mention this too.
    /// </summary>
    public SourceLocation? DefinedAt { get; init; }

    /// <summary>The Python type name, as <c>type(x).__name__</c> would print it (used in messages).</summary>
    public abstract string TypeName { get; }

    /// <summary>Whether the value is known at build time (no environment read or unknown part inside).</summary>
    public virtual bool IsConstant => true;
}
