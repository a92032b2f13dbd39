using DjangoSettings.Generator.Binding;

namespace DjangoSettings.Generator.Emit;

/// <summary>The C# type a setting is emitted as.</summary>
internal static class MemberType
{
    private const string StringList = "global::System.Collections.Generic.IReadOnlyList<string>";

    /// <summary>
    /// The C# type for a definition, or null for removed settings (nothing is emitted for them).
    /// Settings with no library default (SECRET_KEY, SIGNING_KEY, MIDDLEWARE...) are nullable:
    /// null means "not set in the file".
    /// </summary>
    public static string? For(SettingDefinition definition)
    {
        string? type = definition.Kind switch
        {
            SettingKind.StringSequence or SettingKind.LooseStringSequence or SettingKind.RegexSequence or SettingKind.StringOrSequence or SettingKind.ImportPathSequence or SettingKind.LanguageSequence => StringList,
            SettingKind.OptionalStringOrSequence or SettingKind.OptionalStringPair => StringList + "?",
            SettingKind.ReferrerPolicy => "string?",
            SettingKind.OptionalNonNegativeInt => "long?",
            SettingKind.Bool => "bool",
            SettingKind.NonNegativeInt => "int",
            SettingKind.TimeDelta or SettingKind.Leeway => "global::System.TimeSpan",
            SettingKind.Regex or SettingKind.String => "string",
            SettingKind.OptionalString or SettingKind.ImportPath => "string?",
            SettingKind.OptionalInt => "int?",
            SettingKind.StringMap => "global::System.Collections.Generic.IReadOnlyDictionary<string, string?>",
            _ => null,
        };
        if (type is null) return null;
        bool valueType = type is "bool" or "int" or "int?" || type.EndsWith("TimeSpan", System.StringComparison.Ordinal);
        if (definition.Default is null && !valueType && !type.EndsWith("?", System.StringComparison.Ordinal)) type += "?";
        return type;
    }
}
