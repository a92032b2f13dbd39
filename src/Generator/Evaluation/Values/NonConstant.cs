using DjangoSettings.Generator.Collections;

namespace DjangoSettings.Generator.Evaluation.Values;

/// <summary>
/// A value that depends on the environment (or on a file read at startup): it is known only when
/// the application starts. The settings compiler re-evaluates the file then, with the same checks.
/// </summary>
/// <param name="Description">What it reads, for messages: <c>os.environ.get('X', 'a,b')</c>.</param>
/// <param name="EnvironmentKeys">The configuration keys it depends on.</param>
/// <param name="Default">The value used when every key is absent, if the file gives one and it is constant.</param>
/// <param name="ExpectedType">The Python type it will have, if the expression tells (<c>env.bool</c> gives bool); else null.</param>
internal sealed record PyDeferred(
    string Description,
    EquatableArray<string> EnvironmentKeys,
    PyValue? Default = null,
    string? ExpectedType = null) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => ExpectedType ?? "deferred";

    /// <inheritdoc />
    public override bool IsConstant => false;
}

/// <summary>
/// A value the compiler cannot know at all: the result of a function defined in the file, a name
/// from an unknown import or a star import, anything under skipped code.
/// </summary>
/// <param name="Reason">Why, for messages: <c>'get_env' is a function defined in this file</c>.</param>
internal sealed record PyUnknown(string Reason) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => "unknown";

    /// <summary>
    /// The informational diagnostic that explains where the unknown value comes from (an import,
    /// a call or statement the compiler does not evaluate). The evaluator does not report it: the
    /// binder does, when a setting the application needs depends on this value, so imports and
    /// code that never reach a needed setting make no noise.
    /// </summary>
    public Diagnostics.SettingsDiagnostic? Cause { get; init; }

    /// <summary>
    /// The settings module the value would come from when that module was not given to the
    /// compiler (<c>.base</c> for <c>from .base import *</c>); null for every other unknown value.
    /// </summary>
    public string? MissingModule { get; init; }

    /// <inheritdoc />
    public override bool IsConstant => false;
}

/// <summary>A module, function, class or other object the evaluator knows by name only.</summary>
internal sealed record PyOpaque(string Kind, string Name) : PyValue
{
    /// <inheritdoc />
    public override string TypeName => Kind;
}
