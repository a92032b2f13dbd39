using System.Globalization;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Diagnostics;

/// <summary>
/// A diagnostic about a settings file: the catalogue entry, the formatted message, where it points,
/// and any related places (for example the earlier assignment a name refers to).
/// </summary>
internal sealed record SettingsDiagnostic(
    DjsDescriptor Descriptor,
    string Message,
    SourceLocation Location,
    EquatableArray<SourceLocation> AdditionalLocations)
{
    /// <summary>The id, for example <c>DJS0101</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The severity.</summary>
    public SettingsSeverity Severity => Descriptor.Severity;

    /// <summary>Formats the descriptor's message with invariant culture.</summary>
    public static SettingsDiagnostic Create(DjsDescriptor descriptor, SourceLocation location, params object?[] args)
        => new(descriptor, Format(descriptor.MessageFormat, args), location, EquatableArray<SourceLocation>.Empty);

    /// <summary>Formats the descriptor's message and records related locations.</summary>
    public static SettingsDiagnostic Create(DjsDescriptor descriptor, SourceLocation location, EquatableArray<SourceLocation> additional, params object?[] args)
        => new(descriptor, Format(descriptor.MessageFormat, args), location, additional);

    /// <summary>Compiler-style text: <c>path(line,col): error DJS0001: message</c>.</summary>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}",
            Location.Path, Location.Start.Line, Location.Start.Column, SeverityWord(Severity), Id, Message);

    /// <summary>The word compilers print for a severity.</summary>
    public static string SeverityWord(SettingsSeverity severity) => severity switch
    {
        SettingsSeverity.Error => "error",
        SettingsSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Format(string format, object?[] args)
        => args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
}
