using System.Collections.Generic;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Evaluation;

/// <summary>The final value of one module-level name and where it was (last) assigned.</summary>
/// <param name="Name">The name, for example <c>CORS_ALLOWED_ORIGINS</c>.</param>
/// <param name="Value">Its value after the whole file ran (including later <c>+=</c>, <c>.append</c>, subscript assignments).</param>
/// <param name="NameLocation">The name token of the assignment that last bound it.</param>
/// <param name="StatementLocation">That whole statement (used to quote the source line in doc comments).</param>
internal sealed record SettingBinding(string Name, PyValue Value, SourceLocation NameLocation, SourceLocation StatementLocation);

/// <summary>A module-level <c>NAME: annotation</c> statement without a value (Python accepts it; the name stays unset).</summary>
/// <param name="Name">The annotated name.</param>
/// <param name="NameLocation">The name token.</param>
/// <param name="ColonLocation">The colon, where the diagnostic points.</param>
/// <param name="Annotation">The annotation evaluated, when it could be (it is usually the value that was meant).</param>
internal sealed record AnnotationStatement(string Name, SourceLocation NameLocation, SourceLocation ColonLocation, PyValue? Annotation);

/// <summary>A name assigned inside code the evaluator skipped (a function body, a try block...).</summary>
internal sealed record SkippedAssignment(string Name, SourceLocation NameLocation, string Reason);

/// <summary>
/// What evaluating one or more settings files produced: every module-level name's final value, the
/// annotation-only statements, the assignments found in skipped code, and the syntax/evaluation diagnostics.
/// </summary>
internal sealed class SettingsModule
{
    /// <summary>Creates a module result.</summary>
    public SettingsModule(
        IReadOnlyDictionary<string, SettingBinding> names,
        IReadOnlyList<AnnotationStatement> annotations,
        IReadOnlyList<SkippedAssignment> skipped,
        IReadOnlyList<SettingsDiagnostic> diagnostics)
    {
        Names = names;
        Annotations = annotations;
        Skipped = skipped;
        Diagnostics = diagnostics;
    }

    /// <summary>Final binding of every module-level name (imports excluded), in first-assignment order where the dictionary keeps it.</summary>
    public IReadOnlyDictionary<string, SettingBinding> Names { get; }

    /// <summary>Module-level annotation statements that bind nothing.</summary>
    public IReadOnlyList<AnnotationStatement> Annotations { get; }

    /// <summary>Names assigned in skipped code.</summary>
    public IReadOnlyList<SkippedAssignment> Skipped { get; }

    /// <summary>Syntax and evaluation diagnostics, in source order.</summary>
    public IReadOnlyList<SettingsDiagnostic> Diagnostics { get; }
}
