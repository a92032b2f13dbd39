using System;

namespace DjangoSettings.Jwt;

/// <summary>
/// Why SimpleJWT authentication refused a request, carrying DRF's 401 body. It is handed to
/// <c>AuthenticateResult.Fail</c>, never thrown.
/// </summary>
public sealed class SimpleJwtAuthenticationException : Exception
{
    /// <summary>Creates the failure with DRF's <c>detail</c>/<c>code</c>/<c>messages</c> body.</summary>
    public SimpleJwtAuthenticationException(string detail, TokenClaimsBuilder body)
        : base(detail)
    {
        Body = body;
    }

    /// <summary>The JSON body DRF renders (key order detail, code, messages).</summary>
    public TokenClaimsBuilder Body { get; }

    /// <summary>The <c>code</c> value, if any.</summary>
    public string? Code => Body.TryGetValue("code", out var c) ? c as string : null;
}
