using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using DjangoSettings.Runtime.Tests.Jwt.Doubles;
using DjangoSettings.Users;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Issue 15.6: the token views resolve their services once, when <c>MapSimpleJwt()</c> maps them,
/// not on every call. Transient registrations whose factories count show it: resolving per call
/// would run a factory once per request.
/// </summary>
public sealed class TokenViewServicesTests
{
    private static readonly SimpleJwtOptions Rotating = SimpleJwtOptions.Defaults("token-view-services-tests-secret-0123456789") with
    {
        RotateRefreshTokens = true,
        BlacklistAfterRotation = true,
    };

    [Fact]
    public async Task The_token_views_resolve_their_services_when_mapped_not_per_call()
    {
        int hashers = 0, claimsProviders = 0;
        await using var host = await JwtTestHost.StartAsync(Rotating, configure: services =>
        {
            // Registered after the host's singletons, so these are the ones the views get.
            services.AddTransient<IPasswordHasher>(_ =>
            {
                Interlocked.Increment(ref hashers);
                return new Pbkdf2TestHasher();
            });
            services.AddTransient<ISimpleJwtClaimsProvider>(_ =>
            {
                Interlocked.Increment(ref claimsProviders);
                return new UsernameClaimsProvider();
            });
        });
        int hashersAtStart = Volatile.Read(ref hashers), providersAtStart = Volatile.Read(ref claimsProviders);
        Assert.True(hashersAtStart >= 1, "the views never resolved IPasswordHasher");
        Assert.True(providersAtStart >= 1, "the views never resolved ISimpleJwtClaimsProvider");

        for (int i = 0; i < 5; i++)
        {
            var (access, refresh) = await JwtEndpointTests.LoginAsync(host.Client);
            var refreshed = await JwtEndpointTests.PostAsync(host.Client, "/api/token/refresh/", new { refresh });
            Assert.Equal(HttpStatusCode.OK, refreshed.Status);
            Assert.Equal(HttpStatusCode.OK, (await JwtEndpointTests.PostAsync(host.Client, "/api/token/verify/", new { token = access })).Status);
            var wrongPassword = await JwtEndpointTests.PostAsync(host.Client, "/api/token/", new { username = "alice", password = "wrong" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.Status);
        }

        Assert.Equal(hashersAtStart, Volatile.Read(ref hashers));
        Assert.Equal(providersAtStart, Volatile.Read(ref claimsProviders));
    }
}
