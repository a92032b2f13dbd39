using System;
using BenchmarkDotNet.Attributes;
using DjangoSettings.Jwt;

namespace DjangoSettings.Benchmarks.Jwt;

/// <summary>
/// Minting what the login endpoint returns: a refresh token and the access token derived from it
/// (simplejwt's <c>RefreshToken.for_user</c> then <c>.access_token</c>). Baseline: two
/// <c>JsonWebTokenHandler.CreateToken</c> calls with the same claims and key.
/// </summary>
[MemoryDiagnoser]
public class TokenPairMintingBenchmarks
{
    private JwtFixture _fixture = null!;

    /// <summary>simplejwt ALGORITHM.</summary>
    [Params("HS256", "RS256")]
    public string Algorithm { get; set; } = "";

    /// <summary>Builds keys.</summary>
    [GlobalSetup]
    public void Setup() => _fixture = new JwtFixture(Algorithm);

    /// <summary>Releases keys.</summary>
    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>Microsoft.IdentityModel.JsonWebTokens 8.x.</summary>
    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler")]
    public (string, string) IdentityModel()
    {
        var now = DateTime.UtcNow;
        string refresh = _fixture.Handler.CreateToken(_fixture.Descriptor("refresh", _fixture.Options.RefreshTokenLifetime, now));
        string access = _fixture.Handler.CreateToken(_fixture.Descriptor("access", _fixture.Options.AccessTokenLifetime, now));
        return (refresh, access);
    }

    /// <summary>simplejwt: refresh for the user, then its access token.</summary>
    [Benchmark(Description = "SimpleJwt")]
    public (string, string) Ours()
    {
        var service = _fixture.Service;
        var now = service.Now();
        var refreshClaims = service.ForUser(TokenType.Refresh, _fixture.User, now);
        string refresh = service.Encode(refreshClaims);
        string access = service.Encode(service.AccessFromRefresh(refreshClaims, now, now));
        return (refresh, access);
    }
}
