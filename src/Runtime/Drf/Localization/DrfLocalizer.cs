using System;
using System.Collections.Generic;
using DjangoSettings.Jwt;

namespace DjangoSettings.Drf;

/// <summary>
/// Puts an error body into the request's language the way DRF's lazy messages end up in it: every
/// <see cref="DrfMessage"/>, and in the dict bodies DRF and simplejwt build from their own messages
/// the texts at the places those messages go (<c>detail</c>, each <c>messages[].message</c>, and the
/// strings of field error lists such as <c>{"password": ["This field is required."]}</c>). Other
/// values (codes, token classes, tokens) are left alone, and a text no catalogue holds (a JSON parse
/// error, a formatted message) stays as it is, as in Django.
/// </summary>
internal static class DrfLocalizer
{
    public static object? Localize(object? body, Func<string, string> gettext) => body switch
    {
        DrfMessage message => message.Translate(gettext),
        TokenClaimsBuilder dict => LocalizeDict(dict, gettext),
        TokenPayload payload => LocalizeDict(new TokenClaimsBuilder(payload), gettext),
        _ => body,
    };

    private static TokenClaimsBuilder LocalizeDict(IEnumerable<KeyValuePair<string, object?>> dict, Func<string, string> gettext)
    {
        var result = new TokenClaimsBuilder();
        foreach (var (key, value) in dict)
        {
            result.Set(key, key switch
            {
                "detail" => Text(value, gettext),
                "messages" when value is IEnumerable<TokenClaimsBuilder> messages => LocalizeMessages(messages, gettext),
                _ => value switch
                {
                    DrfMessage m => m.Translate(gettext),
                    string[] errors => Array.ConvertAll(errors, e => gettext(e)),
                    List<string> errors => errors.ConvertAll(e => gettext(e)),
                    _ => value,
                },
            });
        }
        return result;
    }

    private static object? Text(object? value, Func<string, string> gettext) => value switch
    {
        string s => gettext(s),
        DrfMessage m => m.Translate(gettext),
        _ => value,
    };

    private static List<TokenClaimsBuilder> LocalizeMessages(IEnumerable<TokenClaimsBuilder> messages, Func<string, string> gettext)
    {
        var list = new List<TokenClaimsBuilder>();
        foreach (var message in messages)
        {
            var copy = new TokenClaimsBuilder();
            foreach (var (k, v) in message) copy.Set(k, k == "message" ? Text(v, gettext) : v);
            list.Add(copy);
        }
        return list;
    }
}
