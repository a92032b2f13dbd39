namespace DjangoSettings.Localization;

/// <summary>The language LocaleMiddleware activated for a request (Django's <c>request.LANGUAGE_CODE</c>).</summary>
/// <param name="Language">The language code, as in LANGUAGES (<c>pt-br</c>).</param>
public sealed record DjangoLanguageFeature(string Language);
