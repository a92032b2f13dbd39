namespace DjangoSettings.Jwt;

/// <summary>Why the codec (the PyJWT layer, spec §3.1 steps 1–6) refused a token.</summary>
public enum JwtDecodeFailure
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Too long, not three segments, bad base64url, header/payload not a JSON object, bad <c>kid</c>, <c>crit</c> present.</summary>
    Malformed,

    /// <summary>Header <c>alg</c> is not exactly the configured ALGORITHM (includes <c>none</c> and HS/RS confusion).</summary>
    Algorithm,

    /// <summary>Signature does not verify.</summary>
    Signature,

    /// <summary><c>exp</c>, <c>nbf</c> or <c>iat</c> is not a number.</summary>
    BadTimeClaim,

    /// <summary><c>exp &lt;= now − LEEWAY</c> (PyJWT's ExpiredSignatureError).</summary>
    Expired,

    /// <summary><c>iat</c> or <c>nbf</c> later than <c>now + LEEWAY</c>.</summary>
    NotYetValid,

    /// <summary>ISSUER configured and <c>iss</c> missing or different.</summary>
    Issuer,

    /// <summary>AUDIENCE configured and <c>aud</c> missing, malformed or not matching.</summary>
    Audience,
}
