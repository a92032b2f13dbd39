using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Binding;

/// <summary>One entry of the settings schema: what a Django setting is called, what it holds and its default.</summary>
/// <param name="Key">Binding key: the Django name (<c>CORS_ALLOWED_ORIGINS</c>) or <c>SIMPLE_JWT.KEY</c>.</param>
/// <param name="DjangoName">The name as written in settings (for SIMPLE_JWT, the dict key).</param>
/// <param name="Group">Generated nested class.</param>
/// <param name="MemberName">Generated property name (<c>AllowedOrigins</c>).</param>
/// <param name="Kind">Value shape.</param>
/// <param name="Default">The library default (null: no default, the setting is optional).</param>
/// <param name="Summary">One sentence for the generated XML doc.</param>
/// <param name="LegacyAlias">The old name still honoured when this one is absent.</param>
/// <param name="TypeError">The diagnostic for a wrong type (a Django check's equivalent), or null for the generic DJS0100.</param>
/// <param name="Expected">How the expected type is described in messages.</param>
/// <param name="TruthValue">Django or simplejwt reads only the value's truth (<c>if settings.DEBUG:</c>), so any value binds as a bool.</param>
internal sealed record SettingDefinition(
    string Key,
    string DjangoName,
    SettingGroup Group,
    string MemberName,
    SettingKind Kind,
    PyValue? Default,
    string Summary,
    string? LegacyAlias = null,
    DjsDescriptor? TypeError = null,
    string? Expected = null,
    bool TruthValue = false)
{
    /// <summary>The expected type in words, for messages.</summary>
    public string ExpectedDescription => Expected ?? Kind switch
    {
        SettingKind.StringSequence => "a list of strings",
        SettingKind.LooseStringSequence => "a list of strings",
        SettingKind.RegexSequence => "a list of regular expressions (strings or re.compile(...))",
        SettingKind.Regex => "a regular expression (a string or re.compile(...))",
        SettingKind.Bool => "True or False",
        SettingKind.NonNegativeInt => "an integer >= 0",
        SettingKind.TimeDelta => "a timedelta, for example timedelta(minutes=5)",
        SettingKind.Leeway => "a number of seconds or a timedelta",
        SettingKind.String => "a string",
        SettingKind.OptionalString => "a string or None",
        SettingKind.StringOrSequence => "a string or a tuple of strings",
        SettingKind.OptionalStringOrSequence => "None, a string or a list of strings",
        SettingKind.ImportPath => "a dotted import path string",
        SettingKind.ImportPathSequence => "a tuple of dotted import path strings",
        SettingKind.ReferrerPolicy => "None, a string or a list of strings",
        SettingKind.OptionalStringPair => "None or a 2-tuple of strings (META key, value), for example ('HTTP_X_FORWARDED_PROTO', 'https')",
        SettingKind.OptionalNonNegativeInt => "None or an integer >= 0",
        SettingKind.OptionalInt => "an integer or None",
        SettingKind.StringMap => "a dict of strings to strings or None",
        SettingKind.LanguageSequence => "a list of (language code, name) pairs",
        _ => "nothing (the setting was removed)",
    };
}
