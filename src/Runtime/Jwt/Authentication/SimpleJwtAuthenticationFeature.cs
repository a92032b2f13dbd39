using DjangoSettings.Users;

namespace DjangoSettings.Jwt;

/// <summary>
/// The authenticated request's user and validated token (DRF's <c>request.user</c> and
/// <c>request.auth</c>); read it with <see cref="Microsoft.AspNetCore.Http.SimpleJwtHttpContextExtensions.GetSimpleJwt"/>.
/// </summary>
/// <param name="User">The user row the token names.</param>
/// <param name="Token">The validated claims.</param>
/// <param name="TokenType">The class that accepted the token.</param>
/// <param name="RawToken">The token text from the header.</param>
public sealed record SimpleJwtAuthenticationFeature(DjangoUser User, TokenPayload Token, TokenType TokenType, string RawToken);
