using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using Xunit;
using Xunit.Abstractions;

namespace DjangoSettings.Runtime.Tests.Jwt;

/// <summary>
/// Replays the request corpus recorded from the real Django + DRF + simplejwt 5.2.2 (Fixtures/jwt,
/// re-record with Fixtures/jwt/record.sh) against our endpoints and authentication, configured with
/// the same SIMPLE_JWT and the 5.2.2 compatibility switches, and compares status, headers and the
/// body byte for byte (tokens masked).
/// </summary>
public class JwtEndpointOracleTests(ITestOutputHelper output)
{
    /// <summary>The C# equivalent of Fixtures/jwt/oracle.settings, speaking simplejwt 5.2.2.</summary>
    public static SimpleJwtOptions OracleOptions => SimpleJwtOptions.Defaults("django-insecure-react-demo-5x$k2!q9z@r7w#b1m^t8v0c6n4p3l2j") with
    {
        AccessTokenLifetime = TimeSpan.FromMinutes(15),
        RefreshTokenLifetime = TimeSpan.FromDays(7),
        RotateRefreshTokens = true,
        BlacklistAfterRotation = true,
        UpdateLastLogin = true,
        AuthHeaderTypes = ["Bearer"],
        UserIdAsString = false,
        CombinedInvalidOrExpiredMessage = true,
        AccessTokenCopiesRefreshIat = true,
    };

    [Fact]
    public async Task Every_recorded_django_response_is_reproduced()
    {
        var recorded = RecordedExchange.Load();
        Assert.True(recorded.Count >= 70, "fixture missing: run tests/Runtime.Tests/Fixtures/jwt/record.sh");
        await using var host = await JwtTestHost.StartAsync(OracleOptions);
        var vars = new Dictionary<string, string>();
        var failures = new List<string>();
        foreach (var ex in recorded)
        {
            using var request = new HttpRequestMessage(new HttpMethod(ex.Method), RecordedExchange.Substitute(ex.Path, vars));
            string? contentType = null;
            foreach (var (name, value) in ex.RequestHeaders)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
                else request.Headers.TryAddWithoutValidation(name, RecordedExchange.Substitute(value, vars));
            }
            if (ex.RequestBody is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(RecordedExchange.Substitute(ex.RequestBody, vars)));
                request.Content.Headers.ContentType = null;
                if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            else if (contentType is not null)
            {
                request.Content = new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            using var response = await host.Client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            var problems = new List<string>();
            if ((int)response.StatusCode != ex.Status) problems.Add($"status {(int)response.StatusCode} != {ex.Status}");
            foreach (var name in new[] { "content-type", "www-authenticate", "location", "allow" })
            {
                // Allow on /api/me/ and /api/ belongs to those views (the sample), not to this runtime.
                if (name == "allow" && !ex.Path.StartsWith("/api/token", StringComparison.Ordinal)) continue;
                string? ours = Header(response, name);
                ex.Headers.TryGetValue(name, out var theirs);
                if (ours != theirs) problems.Add($"{name}: '{ours}' != '{theirs}'");
            }
            string redacted = RecordedExchange.Redact(body);
            if (redacted != ex.Body) problems.Add($"body:\n    ours   {redacted}\n    django {ex.Body}");
            if (problems.Count > 0) failures.Add($"{ex.Id}: {string.Join("; ", problems)}");

            foreach (var (var, field) in ex.Capture)
            {
                using var doc = JsonDocument.Parse(body);
                vars[var] = doc.RootElement.GetProperty(field).GetString()!;
            }
        }
        output.WriteLine($"{recorded.Count - failures.Count} of {recorded.Count} recorded Django responses reproduced");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var v)) return string.Join(", ", v);
        if (response.Content.Headers.TryGetValues(name, out var c)) return string.Join(", ", c);
        return null;
    }
}
