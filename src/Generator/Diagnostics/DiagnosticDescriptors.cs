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

    /// <summary>Python cannot parse this statement (a SyntaxError); the statement is skipped.</summary>
    public static readonly DiagnosticDescriptor InvalidSyntax = new(
        "DJS0001", "Invalid syntax",
        "{0}", Syntax, DiagnosticSeverity.Error);

    /// <summary>Indentation does not match the block structure (an IndentationError).</summary>
    public static readonly DiagnosticDescriptor InvalidIndentation = new(
        "DJS0002", "Invalid indentation",
        "{0}", Syntax, DiagnosticSeverity.Error);

    /// <summary>A string literal has no closing quote.</summary>
    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "DJS0003", "Unterminated string literal",
        "unterminated string literal (the closing {0} is missing)", Syntax, DiagnosticSeverity.Error);

    /// <summary>An opening bracket has no matching closing bracket.</summary>
    public static readonly DiagnosticDescriptor UnclosedBracket = new(
        "DJS0004", "Bracket never closed",
        "'{0}' was never closed", Syntax, DiagnosticSeverity.Error);

    /// <summary>An expression or block is nested deeper than the settings compiler supports.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "DJS0005", "Nesting too deep",
        "expression or block nested more than {0} levels deep; the statement is skipped", Syntax, DiagnosticSeverity.Error);

    /// <summary>A malformed \x, \u, \U or \N escape in a string literal.</summary>
    public static readonly DiagnosticDescriptor InvalidEscapeSequence = new(
        "DJS0006", "Invalid escape sequence",
        "invalid escape sequence {0}: {1}", Syntax, DiagnosticSeverity.Error);

    /// <summary>A \N{...} escape names a character outside the small table the compiler knows.</summary>
    public static readonly DiagnosticDescriptor UnsupportedUnicodeName = new(
        "DJS0007", "Unicode character name not supported",
        "\\N{{{0}}}: this character name is not known to the settings compiler; the escape is kept as written", Syntax, DiagnosticSeverity.Warning);

    /// <summary>A malformed number literal.</summary>
    public static readonly DiagnosticDescriptor InvalidNumber = new(
        "DJS0008", "Invalid number literal",
        "invalid number literal '{0}': {1}", Syntax, DiagnosticSeverity.Error);

    /// <summary>A character that cannot start any Python token.</summary>
    public static readonly DiagnosticDescriptor InvalidCharacter = new(
        "DJS0009", "Invalid character",
        "invalid character {0} in the source", Syntax, DiagnosticSeverity.Error);

    /// <summary>A name is read before any assignment or import binds it (a NameError in Python).</summary>
    public static readonly DiagnosticDescriptor NameNotDefined = new(
        "DJS0010", "Name is not defined",
        "name '{0}' is not defined{1}", Evaluation, DiagnosticSeverity.Warning);

    /// <summary>Python would raise an exception evaluating this expression (TypeError, ValueError, KeyError, AttributeError...).</summary>
    public static readonly DiagnosticDescriptor EvaluationError = new(
        "DJS0011", "Expression fails in Python",
        "{0}", Evaluation, DiagnosticSeverity.Warning);

    /// <summary>An integer result exceeds the 64-bit range the compiler evaluates.</summary>
    public static readonly DiagnosticDescriptor IntegerOverflow = new(
        "DJS0012", "Integer too large",
        "integer value {0} does not fit in 64 bits; the value is not evaluated", Evaluation, DiagnosticSeverity.Warning);

    /// <summary>A string, list or range would be larger than the compiler's cap.</summary>
    public static readonly DiagnosticDescriptor ValueTooLarge = new(
        "DJS0013", "Value too large",
        "{0} would be larger than {1}; the value is not evaluated", Evaluation, DiagnosticSeverity.Warning);

    /// <summary>An environment read without a default found no value at startup (Django raises KeyError or ImproperlyConfigured).</summary>
    public static readonly DiagnosticDescriptor MissingEnvironmentVariable = new(
        "DJS0014", "Required environment variable missing",
        "environment variable '{0}' is not set and {1} has no default", Evaluation, DiagnosticSeverity.Error);

    /// <summary>A file read by the settings (open(...).read(), Path.read_text()) was not found at startup.</summary>
    public static readonly DiagnosticDescriptor FileNotReadable = new(
        "DJS0015", "File cannot be read",
        "file '{0}' read by {1} does not exist or cannot be read", Evaluation, DiagnosticSeverity.Error);

    /// <summary>An import of a module the compiler does not model.</summary>
    public static readonly DiagnosticDescriptor UnknownImport = new(
        "DJS0016", "Import not evaluated",
        "'{0}' is not known to the settings compiler; names imported from it are unknown", Evaluation, DiagnosticSeverity.Info);

    /// <summary>A star import of a settings module that is not part of the compilation.</summary>
    public static readonly DiagnosticDescriptor UnresolvedStarImport = new(
        "DJS0017", "Star import not resolved",
        "'from {0} import *': that module was not given to the settings compiler; names it defines are unknown", Evaluation, DiagnosticSeverity.Info);

    /// <summary>A construct the settings compiler skips (def, class, try, while, with...).</summary>
    public static readonly DiagnosticDescriptor SkippedStatement = new(
        "DJS0018", "Statement not evaluated",
        "{0} is not evaluated; names it assigns are unknown", Evaluation, DiagnosticSeverity.Info);

    /// <summary>A call of a function the compiler does not model.</summary>
    public static readonly DiagnosticDescriptor CallNotEvaluated = new(
        "DJS0019", "Call not evaluated",
        "call to '{0}' is not evaluated; its result is unknown", Evaluation, DiagnosticSeverity.Info);

    /// <summary>A for loop ran longer than the compiler's iteration cap.</summary>
    public static readonly DiagnosticDescriptor LoopLimitReached = new(
        "DJS0020", "Loop limit reached",
        "loop stopped after {0} iterations; names it assigns are unknown", Evaluation, DiagnosticSeverity.Warning);

    /// <summary>Settings modules import each other in a cycle.</summary>
    public static readonly DiagnosticDescriptor ImportCycle = new(
        "DJS0021", "Import cycle",
        "'{0}' imports itself through {1}; the nested import is ignored", Evaluation, DiagnosticSeverity.Warning);

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
