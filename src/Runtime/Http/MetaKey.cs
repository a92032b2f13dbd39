using System;
using System.Text;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>request.META</c> keys for HTTP headers (the CGI form): <c>HTTP_</c> + the name in
/// upper case with <c>-</c> as <c>_</c>; <c>CONTENT_TYPE</c> and <c>CONTENT_LENGTH</c> have no prefix.
/// </summary>
public static class MetaKey
{
    /// <summary>
    /// The header a META key names (<c>HTTP_X_FORWARDED_PROTO</c> → <c>X-Forwarded-Proto</c>), or null
    /// when the key is not a header (<c>wsgi.url_scheme</c>, <c>SERVER_PORT</c>...). ASP.NET Core looks
    /// headers up by name, so a client header spelled with <c>_</c> (<c>X_Forwarded_Proto</c>) never
    /// answers for it, as runserver and nginx drop such headers before Django sees them.
    /// </summary>
    public static string? ToHeaderName(string metaKey)
    {
        if (string.IsNullOrEmpty(metaKey)) return null;
        if (metaKey == "CONTENT_TYPE") return "Content-Type";
        if (metaKey == "CONTENT_LENGTH") return "Content-Length";
        if (!metaKey.StartsWith("HTTP_", StringComparison.Ordinal) || metaKey.Length == 5) return null;
        var name = new StringBuilder(metaKey.Length - 5);
        bool wordStart = true;
        for (int i = 5; i < metaKey.Length; i++)
        {
            char c = metaKey[i];
            if (c == '_')
            {
                name.Append('-');
                wordStart = true;
                continue;
            }
            // META keys are upper case; any other character cannot come from a header name.
            if (c is >= 'a' and <= 'z') return null;
            name.Append(wordStart ? c : char.ToLowerInvariant(c));
            wordStart = false;
        }
        return name.ToString();
    }
}
