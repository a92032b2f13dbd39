namespace DjangoSettings.Jwt;

/// <summary>Outcome of validating a token as one simplejwt token class (no exceptions on this path).</summary>
/// <param name="Type">The class it was validated as.</param>
/// <param name="Payload">The claims when valid (and, for some failures, the verified claims).</param>
/// <param name="Error">Django's message when invalid (e.g. <c>Token is invalid</c>), else null.</param>
/// <param name="Failure">The codec-level reason, when the codec refused it.</param>
public sealed record TokenValidationResult(TokenType Type, TokenPayload? Payload, string? Error, JwtDecodeFailure Failure = JwtDecodeFailure.None)
{
    /// <summary>Whether the token is valid for <see cref="Type"/>.</summary>
    public bool IsValid => Error is null;

    internal static TokenValidationResult Valid(TokenType type, TokenPayload payload) => new(type, payload, null);

    internal static TokenValidationResult Invalid(TokenType type, string error, TokenPayload? payload = null, JwtDecodeFailure failure = JwtDecodeFailure.None) =>
        new(type, payload, error, failure);
}
