namespace DjangoSettings.Jwt;

/// <summary>Outcome of <see cref="SimpleJwtTokenCodec.Decode"/>: the claims, or why not.</summary>
/// <param name="Failure"><see cref="JwtDecodeFailure.None"/> on success.</param>
/// <param name="Payload">The claims (also set for some failures after the signature verified, e.g. expiry).</param>
public readonly record struct JwtDecodeResult(JwtDecodeFailure Failure, TokenPayload? Payload)
{
    /// <summary>Whether the token passed every codec check.</summary>
    public bool Succeeded => Failure == JwtDecodeFailure.None;
}
