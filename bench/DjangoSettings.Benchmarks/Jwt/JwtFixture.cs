using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using DjangoSettings.Jwt;
using DjangoSettings.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DjangoSettings.Benchmarks.Jwt;

/// <summary>
/// One key configuration seen by both libraries: simplejwt settings (ALGORITHM, SIGNING_KEY,
/// VERIFYING_KEY, defaults otherwise: no audience, no issuer, LEEWAY 0) and the
/// <see cref="TokenValidationParameters"/> that check the same things (the configured algorithm
/// only, the signature with the same key, exp required and not past with zero clock skew, nbf/iat
/// when present; issuer and audience not validated because none is configured).
/// </summary>
internal sealed class JwtFixture : IDisposable
{
    private readonly RSA? _rsa;

    public JwtFixture(string algorithm)
    {
        Algorithm = algorithm;
        SecurityKey signing, verifying;
        if (algorithm == "HS256")
        {
            // A Django-style SECRET_KEY (50 characters: 400 bits, above IdentityModel's 256-bit minimum).
            const string secret = "django-insecure-k3y-for-benchmarks-0123456789abcdef";
            Options = new SimpleJwtOptions { Algorithm = "HS256", SigningKey = secret };
            signing = verifying = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
        }
        else
        {
            _rsa = RSA.Create(2048);
            Options = new SimpleJwtOptions { Algorithm = "RS256", SigningKey = _rsa.ExportPkcs8PrivateKeyPem(), VerifyingKey = _rsa.ExportSubjectPublicKeyInfoPem() };
            signing = new RsaSecurityKey(_rsa);
            var publicOnly = RSA.Create();
            publicOnly.ImportSubjectPublicKeyInfo(_rsa.ExportSubjectPublicKeyInfo(), out _);
            verifying = new RsaSecurityKey(publicOnly);
        }
        Codec = new SimpleJwtTokenCodec(Options);
        Service = new SimpleJwtTokenService(Options, Codec, TimeProvider.System, new RandomTokenIdGenerator(), blacklist: null);
        Handler = new JsonWebTokenHandler();
        Credentials = new SigningCredentials(signing, algorithm);
        Parameters = new TokenValidationParameters
        {
            ValidAlgorithms = [algorithm],
            IssuerSigningKey = verifying,
            RequireSignedTokens = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        };
        User = new DjangoUser
        {
            Pk = DjangoUserKey.FromInt64(1, DjangoUserKeyType.Integer),
            Username = "alice",
            Password = "pbkdf2_sha256$1000000$salt$hash",
            Email = "alice@example.com",
        };
        // One access token, minted as simplejwt mints it, validated by both libraries.
        AccessToken = Service.Encode(Service.ForUser(TokenType.Access, User, Service.Now() - TimeSpan.FromSeconds(1)) is var c
            ? c.Set("exp", SimpleJwtTokenService.Epoch(DateTimeOffset.UtcNow + TimeSpan.FromHours(2))) : c);
    }

    public string Algorithm { get; }

    public SimpleJwtOptions Options { get; }

    public SimpleJwtTokenCodec Codec { get; }

    public SimpleJwtTokenService Service { get; }

    public JsonWebTokenHandler Handler { get; }

    public SigningCredentials Credentials { get; }

    public TokenValidationParameters Parameters { get; }

    public DjangoUser User { get; }

    public string AccessToken { get; }

    /// <summary>The claims IdentityModel is asked to write for a simplejwt-shaped token.</summary>
    public SecurityTokenDescriptor Descriptor(string tokenType, TimeSpan lifetime, DateTime now) => new()
    {
        Claims = new Dictionary<string, object>
        {
            ["token_type"] = tokenType,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["user_id"] = "1",
        },
        IssuedAt = now,
        NotBefore = null,
        Expires = now + lifetime,
        SigningCredentials = Credentials,
    };

    public void Dispose()
    {
        Codec.Dispose();
        _rsa?.Dispose();
    }
}
