using System;
using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Jwt;

namespace DjangoSettings.Benchmarks.Jwt;

/// <summary>
/// Validating one simplejwt access token (the exact same string for both libraries). Baseline:
/// <c>JsonWebTokenHandler.ValidateTokenAsync</c> with equivalent parameters, reading the
/// <see cref="ClaimsIdentity"/> it builds lazily (as JwtBearer does), and once without reading it. Ours: the codec plus the
/// access-token class checks (exp, jti, token_type), and the same plus the
/// <see cref="ClaimsPrincipal"/> the authentication handler returns (user columns and the token's claims).
/// </summary>
[MemoryDiagnoser]
public class AccessTokenValidationBenchmarks
{
    private JwtFixture _fixture = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private IncrementalHash? _hmac;
    private RSA? _publicKey;

    /// <summary>simplejwt ALGORITHM.</summary>
    [Params("HS256", "RS256")]
    public string Algorithm { get; set; } = "";

    /// <summary>Builds keys and the token; checks both accept it and both refuse a tampered copy.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = new JwtFixture(Algorithm);
        if (!IdentityModel().GetAwaiter().GetResult().IsAuthenticated) throw new InvalidOperationException("IdentityModel refused the token");
        if (!Ours().GetAwaiter().GetResult().IsValid) throw new InvalidOperationException("ours refused the token");
        string t = _fixture.AccessToken;
        string tampered = t[..^2] + (t[^2] == 'A' ? 'B' : 'A') + t[^1];
        if (_fixture.Handler.ValidateTokenAsync(tampered, _fixture.Parameters).GetAwaiter().GetResult().IsValid) throw new InvalidOperationException("IdentityModel accepted a tampered token");
        if (_fixture.Codec.Decode(tampered, DateTimeOffset.UtcNow).Succeeded) throw new InvalidOperationException("ours accepted a tampered token");

        int dot2 = t.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(t[..dot2]);
        _signature = Base64Url.DecodeFromChars(t.AsSpan(dot2 + 1));
        if (Algorithm == "HS256") _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(_fixture.Options.SigningKey!));
        else (_publicKey = RSA.Create()).ImportFromPem(_fixture.Options.VerifyingKey);
        if (!SignatureOnly()) throw new InvalidOperationException("the signature check alone refused the token");
    }

    /// <summary>Releases keys.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _fixture.Dispose();
        _hmac?.Dispose();
        _publicKey?.Dispose();
    }

    /// <summary>
    /// The floor under every row: only the signature check, on bytes prepared in setup (a keyed
    /// <see cref="IncrementalHash"/> reused across calls and a constant-time compare; the RSA
    /// public-key verify). Both libraries must pay this; the rest of a row is its own work.
    /// </summary>
    [Benchmark(Description = "signature check alone (floor)")]
    public bool SignatureOnly()
    {
        if (_hmac is not null)
        {
            Span<byte> mac = stackalloc byte[32];
            _hmac.AppendData(_signingInput);
            _hmac.GetHashAndReset(mac);
            return CryptographicOperations.FixedTimeEquals(mac, _signature);
        }
        return _publicKey!.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Microsoft.IdentityModel.JsonWebTokens 8.x.</summary>
    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler")]
    public async Task<ClaimsIdentity> IdentityModel()
    {
        var result = await _fixture.Handler.ValidateTokenAsync(_fixture.AccessToken, _fixture.Parameters).ConfigureAwait(false);
        return result.IsValid ? result.ClaimsIdentity : throw new InvalidOperationException("refused", result.Exception);
    }

    /// <summary>
    /// The same call without reading <c>ClaimsIdentity</c>: IdentityModel builds the identity
    /// lazily, so this is its validation alone, the like-for-like row for "SimpleJwt validate".
    /// </summary>
    [Benchmark(Description = "JsonWebTokenHandler (identity not read)")]
    public async Task<bool> IdentityModelNoIdentity()
    {
        var result = await _fixture.Handler.ValidateTokenAsync(_fixture.AccessToken, _fixture.Parameters).ConfigureAwait(false);
        return result.IsValid ? true : throw new InvalidOperationException("refused", result.Exception);
    }

    /// <summary>simplejwt AccessToken(token): decode, verify, check the class.</summary>
    [Benchmark(Description = "SimpleJwt validate")]
    public ValueTask<TokenValidationResult> Ours() =>
        _fixture.Service.ValidateAsync(_fixture.AccessToken, TokenType.Access, _fixture.Service.Now());

    /// <summary>The same, then the ClaimsPrincipal the authentication handler hands to ASP.NET Core.</summary>
    [Benchmark(Description = "SimpleJwt validate + principal")]
    public async Task<ClaimsPrincipal> OursPrincipal()
    {
        var result = await _fixture.Service.ValidateAsync(_fixture.AccessToken, TokenType.Access, _fixture.Service.Now()).ConfigureAwait(false);
        if (!result.IsValid) throw new InvalidOperationException(result.Error);
        var feature = new SimpleJwtAuthenticationFeature(_fixture.User, result.Payload!, result.Type, _fixture.AccessToken);
        return new ClaimsPrincipal(SimpleJwtAuthenticationHandler.CreateIdentity(feature, "SimpleJwt"));
    }
}
