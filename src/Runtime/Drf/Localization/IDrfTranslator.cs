using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// Translates DRF's and simplejwt's messages into the language Django would have active for the
/// request (LANGUAGE_CODE, or what LocaleMiddleware chose). Without one registered, messages are
/// the English msgids.
/// </summary>
public interface IDrfTranslator
{
    /// <summary>The translation of <paramref name="msgId"/> for <paramref name="context"/>'s language (the msgid itself when there is none).</summary>
    string Gettext(HttpContext context, string msgId);
}
