namespace DjangoSettings.Generator.Diagnostics;

/// <summary>
/// The one catalogue of every diagnostic the settings compiler reports. Ids are stable: never
/// renumber or reuse one. Each id has a help page at <c>docs/diagnostics/DJSnnnn.md</c> and a row
/// in <c>AnalyzerReleases.Unshipped.md</c>.
/// Ranges: DJS0001-0099 syntax and evaluation, DJS0100-0199 settings schema (binding),
/// DJS0200-0299 CORS checks, DJS0300-0399 SIMPLE_JWT checks, DJS0400-0499 other Django settings,
/// DJS0900-0999 internal.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>Base of the help links; the id and <c>.md</c> are appended.</summary>
    public const string HelpLinkBase = "https://github.com/djangosettings/djangosettings/blob/main/docs/diagnostics/";

    private const string Syntax = "Syntax";
    private const string Evaluation = "Evaluation";
    private const string Settings = "Settings";
    private const string Cors = "Cors";
    private const string Jwt = "Jwt";
    private const string Internal = "Internal";

    // ----- DJS0001-0099: syntax and evaluation -----------------------------------------------

    // ----- DJS0100-0199: settings schema (binding) --------------------------------------------

    /// <summary>A setting holds a value of the wrong type.</summary>
    public static readonly DiagnosticDescriptor WrongSettingType = new(
        "DJS0100", "Setting has the wrong type",
        "{0}: expected {1}, found {2}{3}", Settings, DiagnosticSeverity.Error);

    /// <summary>An unknown name that starts with CORS_.</summary>
    public static readonly DiagnosticDescriptor UnknownCorsSetting = new(
        "DJS0101", "Unknown CORS setting",
        "'{0}' is not a django-cors-headers setting and is ignored{1}", Settings, DiagnosticSeverity.Warning);

    /// <summary>An unknown key inside SIMPLE_JWT.</summary>
    public static readonly DiagnosticDescriptor UnknownJwtKey = new(
        "DJS0102", "Unknown SIMPLE_JWT key",
        "'{0}' is not a SIMPLE_JWT setting and is ignored{1}", Settings, DiagnosticSeverity.Warning);

    /// <summary><c>NAME: value</c> written where <c>NAME = value</c> was meant.</summary>
    public static readonly DiagnosticDescriptor AnnotationInsteadOfAssignment = new(
        "DJS0103", "Annotation instead of assignment",
        "'{0}: ...' is an annotation, not an assignment: {0} keeps its default; write '{0} = ...'", Settings, DiagnosticSeverity.Error);

    /// <summary>An element of a list setting has the wrong type.</summary>
    public static readonly DiagnosticDescriptor WrongElementType = new(
        "DJS0104", "List element has the wrong type",
        "{0}[{1}]: expected {2}, found {3}", Settings, DiagnosticSeverity.Error);

    /// <summary>A setting's value depends on something the compiler cannot evaluate.</summary>
    public static readonly DiagnosticDescriptor SettingNotEvaluable = new(
        "DJS0105", "Setting cannot be evaluated",
        "{0} cannot be evaluated: {1}", Settings, DiagnosticSeverity.Error);

    /// <summary>A legacy name and its new name are both set; the new one wins.</summary>
    public static readonly DiagnosticDescriptor LegacyAndNewNameBothSet = new(
        "DJS0106", "Legacy and new setting names both set",
        "{0} is ignored because {1} is also set (the new name wins, even when empty)", Settings, DiagnosticSeverity.Warning);

    /// <summary>A deprecated setting name.</summary>
    public static readonly DiagnosticDescriptor DeprecatedSettingName = new(
        "DJS0107", "Deprecated setting name",
        "{0} is a deprecated name; use {1}", Settings, DiagnosticSeverity.Info);

    /// <summary>SIMPLE_JWT is not a dict.</summary>
    public static readonly DiagnosticDescriptor SimpleJwtNotDict = new(
        "DJS0108", "SIMPLE_JWT is not a dict",
        "SIMPLE_JWT: expected a dict of settings, found {0}", Settings, DiagnosticSeverity.Error);

    /// <summary>A SIMPLE_JWT key is not a string.</summary>
    public static readonly DiagnosticDescriptor JwtKeyNotString = new(
        "DJS0109", "SIMPLE_JWT key is not a string",
        "SIMPLE_JWT keys must be strings, found {0}", Settings, DiagnosticSeverity.Error);

    /// <summary>A setting whose value is skipped because the statement defining it could not be evaluated.</summary>
    public static readonly DiagnosticDescriptor SettingFromSkippedCode = new(
        "DJS0110", "Setting defined in code that was skipped",
        "{0} is assigned inside code that the settings compiler skips ({1}); the assignment is ignored", Settings, DiagnosticSeverity.Warning);

    // ----- DJS0200-0299: CORS checks ----------------------------------------------------------

    // ----- DJS0300-0399: SIMPLE_JWT checks ----------------------------------------------------

    // ----- DJS0400-0499: other Django settings ------------------------------------------------

    // ----- DJS0900-0999: internal ---------------------------------------------------------------

    /// <summary>The compiler hit a bug; reported instead of crashing the build.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "DJS0900", "Internal error in the settings compiler",
        "The settings compiler failed on this file ({0}); please report it with the file attached", Internal, DiagnosticSeverity.Error);
}
