using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Cors;
using DjangoSettings.Runtime.Tests.Cors.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Cors;

/// <summary>
/// Hostile Origin headers and paths: never a 500, never a hang, never an allow that Django's rules
/// would not give. In-process for exact header control, and over a real Kestrel socket for what
/// the HTTP parser does with bytes a test client cannot send.
/// </summary>
public sealed class CorsAdversarialTests
{
    private const string Acao = "access-control-allow-origin";

    private static List<KeyValuePair<string, string>> Headers(params (string, string)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)).ToList();

    [Fact]
    public async Task Eight_kilobyte_origin_is_refused_by_a_list_and_echoed_by_allow_all_with_credentials()
    {
        string huge = "https://" + new string('a', 8192) + ".example.com";
        await using (var server = await CorsTestServer.StartAsync(DjangoCorsPolicy.Create(new() { AllowedOrigins = new[] { "https://a.example.com" } }), UpstreamStyleApp.Configure))
        {
            var r = await server.SendAsync("GET", "/", Headers(("Origin", huge)));
            Assert.Equal(200, r.Status);
            Assert.Null(r[Acao]);
        }
        await using (var server = await CorsTestServer.StartAsync(DjangoCorsPolicy.Create(new() { AllowAllOrigins = true, AllowCredentials = true }), UpstreamStyleApp.Configure))
        {
            var r = await server.SendAsync("GET", "/", Headers(("Origin", huge)));
            Assert.Equal(huge, r[Acao]);
        }
    }

    [Theory]
    [InlineData("https://exa\r\nmple.com")]
    [InlineData("https://example.com\n")]
    [InlineData("https://example.com\u0000")]
    [InlineData("https://example.com\u00ff")]
    [InlineData("https://example.com\uFFFD")]
    public async Task Origin_with_characters_a_header_cannot_carry_is_never_echoed(string origin)
    {
        // urlsplit deletes CR/LF, and a start-anchored regex ignores the tail, so Django would allow
        // these and then fail writing them (500) or echo Latin-1. We refuse them.
        var policy = DjangoCorsPolicy.Create(new() { AllowedOrigins = new[] { "https://example.com" }, AllowedOriginRegexes = new[] { @"^https://example\.com" }, AllowCredentials = true });
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        foreach (string method in new[] { "GET", "OPTIONS" })
        {
            var h = Headers(("Origin", origin), ("Access-Control-Request-Method", "GET"));
            var r = await server.SendAsync(method, "/", h);
            Assert.Equal(200, r.Status);
            Assert.Null(r[Acao]);
            Assert.Null(r["access-control-allow-credentials"]);
            Assert.Equal("origin", r["vary"]);
        }
    }

    [Fact]
    public async Task Several_origin_fields_are_joined_like_a_wsgi_server_and_matched_as_one_string()
    {
        var policy = DjangoCorsPolicy.Create(new() { AllowedOrigins = new[] { "https://a.com", "https://b.com" }, AllowedOriginRegexes = new[] { @"^https://c\.com$" } });
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        var r = await server.SendAsync("GET", "/", Headers(("Origin", "https://a.com"), ("Origin", "https://b.com")));
        Assert.Equal(200, r.Status);
        Assert.Null(r[Acao]);
    }

    [Fact]
    public async Task Nested_quantifier_origin_regex_answers_on_the_linear_time_engine_without_timing_out()
    {
        var policy = DjangoCorsPolicy.Create(new() { AllowedOriginRegexes = new[] { "^https://(a+)+$" } });
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        var r = await server.SendAsync("GET", "/", Headers(("Origin", "https://" + new string('a', 64) + "!")));
        Assert.Null(r[Acao]);
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level == LogLevel.Warning);
        var ok = await server.SendAsync("GET", "/", Headers(("Origin", "https://aaaa")));
        Assert.Equal("https://aaaa", ok[Acao]);
    }

    [Fact]
    public async Task Catastrophic_backtracking_origin_regex_times_out_as_no_match()
    {
        // The lookahead keeps this pattern on the backtracking engine (DJS0234), where only the
        // match timeout bounds it.
        var policy = DjangoCorsPolicy.Create(new() { AllowedOriginRegexes = new[] { "^https://(?=a)(a+)+$" } });
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        string evil = "https://" + new string('a', 64) + "!";
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 5; i++)
        {
            var r = await server.SendAsync("GET", "/", Headers(("Origin", evil)));
            Assert.Equal(200, r.Status);
            Assert.Null(r[Acao]);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains(server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("timed out", StringComparison.Ordinal));
        // The same regex still allows what it should.
        var ok = await server.SendAsync("GET", "/", Headers(("Origin", "https://aaaa")));
        Assert.Equal("https://aaaa", ok[Acao]);
    }

    [Fact]
    public async Task Catastrophic_backtracking_url_regex_leaves_the_request_disabled()
    {
        var policy = DjangoCorsPolicy.Create(new() { AllowAllOrigins = true, UrlsRegex = "^/(?=a)(a+)+$" });
        await using var server = await CorsTestServer.StartAsync(policy, UpstreamStyleApp.Configure);
        var clock = Stopwatch.StartNew();
        var r = await server.SendAsync("GET", "/" + new string('a', 64) + "!", Headers(("Origin", "https://x.com")));
        Assert.Equal(404, r.Status);
        Assert.Null(r[Acao]);
        Assert.Null(r["vary"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Percent_encoded_newline_in_the_path_disables_cors_like_django_path_info()
    {
        await using var server = await CorsTestServer.StartAsync(DjangoCorsPolicy.Create(new() { AllowAllOrigins = true }), UpstreamStyleApp.Configure);
        var inner = await server.SendAsync("GET", "/a\nb/", Headers(("Origin", "https://x.com")));
        Assert.Null(inner["vary"]);
        var final = await server.SendAsync("GET", "/ab/\n", Headers(("Origin", "https://x.com")));
        Assert.Equal("*", final[Acao]);
    }

    [Fact]
    public async Task Real_kestrel_never_answers_500_for_hostile_origin_bytes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDjangoCors(DjangoCorsPolicy.Create(new() { AllowAllOrigins = true, AllowCredentials = true, AllowedOriginRegexes = new[] { "^https://(a+)+$" } }));
        await using var app = builder.Build();
        app.UseDjangoCors();
        app.Run(c => c.Response.WriteAsync("ok"));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(address).Port;

        // Invalid UTF-8: Kestrel's header decoder rejects it (400) before any middleware runs.
        Assert.Equal(400, await RawStatusAsync(port, Bytes("Origin: https://example.com") .Concat(new byte[] { 0xC3, 0x28 }).ToArray()));
        // Valid UTF-8, non-ASCII: decoded, allowed by allow-all, but never echoed (no 500).
        var (status, head) = await RawAsync(port, Encoding.UTF8.GetBytes("Origin: https://ex\u00e4mple.com"));
        Assert.Equal(200, status);
        Assert.DoesNotContain("access-control-allow-origin", head, StringComparison.OrdinalIgnoreCase);
        // Two Origin fields, 8 KiB Origin, and a backtracking-hostile one: all 200.
        Assert.Equal(200, await RawStatusAsync(port, Bytes("Origin: https://a.com\r\nOrigin: https://b.com")));
        Assert.Equal(200, await RawStatusAsync(port, Bytes("Origin: https://" + new string('a', 8000))));
        (status, head) = await RawAsync(port, Bytes("Origin: https://a.com\r\nOrigin: https://b.com"));
        Assert.Contains("https://a.com,https://b.com", head, StringComparison.Ordinal);
        await app.StopAsync();
    }

    private static byte[] Bytes(string s) => Encoding.ASCII.GetBytes(s);

    private static async Task<int> RawStatusAsync(int port, byte[] headerLines) => (await RawAsync(port, headerLines)).Status;

    private static async Task<(int Status, string Head)> RawAsync(int port, byte[] headerLines)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var request = Bytes("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n").Concat(headerLines).Concat(Bytes("\r\n\r\n")).ToArray();
        await stream.WriteAsync(request);
        var buffer = new byte[65536];
        var text = new StringBuilder();
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0) text.Append(Encoding.Latin1.GetString(buffer, 0, n));
        string response = text.ToString();
        int status = int.Parse(response.Substring(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        int end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, end >= 0 ? response.Substring(0, end) : response);
    }
}
