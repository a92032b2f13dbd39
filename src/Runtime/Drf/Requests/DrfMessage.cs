using System;
using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// A message DRF or simplejwt marks for translation (<c>gettext_lazy</c>): its English msgid,
/// placeholders DRF fills in <em>after</em> translating the template (<c>Method "{method}" not
/// allowed.</c>), and an untranslated tail (the <c>Expected available in N seconds.</c> of a 429,
/// which DRF formats before its catalogue lookup and so never translates).
/// It is translated into the request's language when the response is rendered.
/// </summary>
public sealed class DrfMessage
{
    private readonly KeyValuePair<string, string>[] _arguments;

    /// <summary>A message without placeholders.</summary>
    public DrfMessage(string msgId)
        : this(msgId, null, Array.Empty<KeyValuePair<string, string>>())
    {
    }

    /// <summary>A message with <c>{name}</c> placeholders and an optional untranslated suffix.</summary>
    public DrfMessage(string msgId, string? untranslatedSuffix, params KeyValuePair<string, string>[] arguments)
    {
        ArgumentNullException.ThrowIfNull(msgId);
        MsgId = msgId;
        UntranslatedSuffix = untranslatedSuffix;
        _arguments = arguments ?? Array.Empty<KeyValuePair<string, string>>();
    }

    /// <summary>The English source text (the catalogue key).</summary>
    public string MsgId { get; }

    /// <summary>Appended, after a space, to the translated text; never translated.</summary>
    public string? UntranslatedSuffix { get; }

    /// <summary>The placeholder values, filled in after translation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Arguments => _arguments;

    /// <summary>The text in the language <paramref name="gettext"/> translates into.</summary>
    public string Translate(Func<string, string> gettext)
    {
        ArgumentNullException.ThrowIfNull(gettext);
        string text = gettext(MsgId);
        foreach (var (name, value) in _arguments)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return UntranslatedSuffix is null ? text : text + " " + UntranslatedSuffix;
    }

    /// <summary>The English text.</summary>
    public override string ToString() => Translate(static id => id);
}
