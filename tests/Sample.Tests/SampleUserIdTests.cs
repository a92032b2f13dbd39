using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// Issue 16.6: the user id claim is read as Python's <c>int()</c> reads it. A correctly signed
/// token (the signing key leaked, or a buggy issuer) whose <c>user_id</c> is <c>"1\u0000"</c> named
/// user 1 through <c>long.TryParse</c>; Django raises (500) and the port refuses it with a 401.
/// </summary>
public sealed class SampleUserIdTests
{
    private static readonly Dictionary<string, string?> Superuser = new()
    {
        ["DJANGO_SUPERUSER_USERNAME"] = "alice",
        // createsuperuser --noinput needs every REQUIRED_FIELDS entry (auth.User: email), as Django does.
        ["DJANGO_SUPERUSER_EMAIL"] = "alice@example.com",
        ["DJANGO_SUPERUSER_PASSWORD"] = "wonderland-123",
    };

    [Fact]
    public async Task A_user_id_with_a_trailing_NUL_is_refused_while_python_forms_of_1_authenticate()
    {
        await using var sample = await SampleProcess.StartAsync(Superuser, null, "--create-superuser-from-env");

        // JSON escapes as Python's json.dumps writes them: "1\u0000" is the NUL case.
        var refused = await Me(sample, "\"1\\u0000\"");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("{\"detail\":\"User not found\",\"code\":\"user_not_found\"}", await refused.Content.ReadAsStringAsync());

        // Controls: what Django's int() accepts still names user 1.
        foreach (string id in new[] { "1", "\"1\"", "\" 1 \"", "\"0_1\"", "\"\\u0661\"" })
        {
            var ok = await Me(sample, id);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"user_id {id}: {ok.StatusCode}");
            Assert.Equal("{\"id\":1,\"username\":\"alice\"}", await ok.Content.ReadAsStringAsync());
        }
    }

    private static Task<HttpResponseMessage> Me(SampleProcess sample, string userIdJson)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string payload = "{\"token_type\":\"access\",\"exp\":" + (now + 300) + ",\"iat\":" + now
            + ",\"jti\":\"" + Guid.NewGuid().ToString("N") + "\",\"user_id\":" + userIdJson + "}";
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Hs256(payload, SampleProcess.TestSecretKey));
        return sample.Client.SendAsync(request);
    }

    private static string Hs256(string payloadJson, string secret)
    {
        string signingInput = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray()) + "." + B64(Encoding.UTF8.GetBytes(payloadJson));
        byte[] signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + B64(signature);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
