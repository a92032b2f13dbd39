namespace DjangoSettings.Jwt;

/// <summary>
/// The claims provider the build translated from the project's <c>TOKEN_OBTAIN_SERIALIZER</c>
/// (registered by <c>AddDjangoSettings</c>): a separate service, so the obtain-pair endpoint uses it
/// only when the application registers no <see cref="ISimpleJwtClaimsProvider"/> of its own.
/// </summary>
internal sealed record TranslatedTokenClaims(ISimpleJwtClaimsProvider Provider);
