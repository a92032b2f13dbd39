namespace DjangoSettings.Generator.Binding;

/// <summary>The shape a setting's value must have; decides the type check and the emitted C# type.</summary>
internal enum SettingKind
{
    /// <summary>A list or tuple of str (<c>IReadOnlyList&lt;string&gt;</c>).</summary>
    StringSequence,

    /// <summary>A list or tuple whose str items are kept and anything else (<c>...</c> placeholders in snippets) ignored.</summary>
    LooseStringSequence,

    /// <summary>A list or tuple of str or compiled regexes (patterns, <c>IReadOnlyList&lt;string&gt;</c>).</summary>
    RegexSequence,

    /// <summary>A str or compiled regex (<c>string</c>).</summary>
    Regex,

    /// <summary>Exactly a bool (<c>bool</c>).</summary>
    Bool,

    /// <summary>An int greater than or equal to zero (bool passes, as in Django) (<c>int</c>).</summary>
    NonNegativeInt,

    /// <summary>A <c>datetime.timedelta</c> (<c>TimeSpan</c>).</summary>
    TimeDelta,

    /// <summary>An int or float number of seconds, or a timedelta (<c>TimeSpan</c>).</summary>
    Leeway,

    /// <summary>A str (<c>string</c>).</summary>
    String,

    /// <summary>A str or None (<c>string?</c>).</summary>
    OptionalString,

    /// <summary>A str or a list/tuple of str; a str means a one-element list (<c>IReadOnlyList&lt;string&gt;</c>).</summary>
    StringOrSequence,

    /// <summary>None, a str, or a list/tuple of str (<c>IReadOnlyList&lt;string&gt;?</c>).</summary>
    OptionalStringOrSequence,

    /// <summary>A dotted Python import path naming a class or function (<c>string</c>).</summary>
    ImportPath,

    /// <summary>A tuple/list of dotted import paths (<c>IReadOnlyList&lt;string&gt;</c>).</summary>
    ImportPathSequence,

    /// <summary>
    /// None, a str or a list/tuple of str, folded into the header value Django's SecurityMiddleware
    /// sends (<c>SECURE_REFERRER_POLICY</c>: a str split and stripped, a sequence joined verbatim) (<c>string?</c>).
    /// </summary>
    ReferrerPolicy,

    /// <summary>None or a 2-item list/tuple of str (<c>SECURE_PROXY_SSL_HEADER</c>) (<c>IReadOnlyList&lt;string&gt;?</c>).</summary>
    OptionalStringPair,

    /// <summary>None (no limit) or an int greater than or equal to zero (<c>long?</c>).</summary>
    OptionalNonNegativeInt,

    /// <summary>An int or None (bool passes, as in Python) (<c>int?</c>).</summary>
    OptionalInt,

    /// <summary>A dict of str keys to str or None values, in insertion order (<c>IReadOnlyDictionary&lt;string, string?&gt;</c>).</summary>
    StringMap,

    /// <summary>Django's LANGUAGES: a list or tuple of (code, name) pairs; the codes are kept (<c>IReadOnlyList&lt;string&gt;</c>).</summary>
    LanguageSequence,

    /// <summary>A setting that no longer exists: defining it at all is an error.</summary>
    Removed,
}
