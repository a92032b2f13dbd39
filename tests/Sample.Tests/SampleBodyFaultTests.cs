using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// Issue 16.3, on the sample's real Kestrel with a raw socket client: a request body that stalls
/// (Content-Length not honoured, a chunked body never ended) is answered as Kestrel's
/// MinRequestBodyDataRate says, 408, and a body cut short or a connection reset in the middle of it is the
/// client's business; neither may log above Debug (an anonymous client must not be able to fill
/// the log), where they used to be a 500 with two error-level stack traces.
/// </summary>
public sealed class SampleBodyFaultTests
{
    // Every category at Debug, so a line above Debug cannot hide below a category filter; only
    // the routine lines every request gets at Information ("Request starting/finished",
    // "Executing/Executed endpoint"), which say nothing about a fault, are left out.
    private static readonly Dictionary<string, string?> DebugLogging = new()
    {
        ["Logging__LogLevel__Default"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore.Routing.EndpointMiddleware"] = "Warning",
    };

    // A console-logger header line above Debug. Kestrel's "heartbeat has been running for ..."
    // warning (event 22) is about a machine too busy to run its timer on time (the whole test
    // project runs in parallel with a browser), not about the request: it is not counted.
    private static readonly Regex AboveDebug = new(@"^(info|warn|fail|crit): (?!Microsoft\.AspNetCore\.Server\.Kestrel\[22\])", RegexOptions.Multiline);

    [Fact]
    public async Task Stalled_bodies_get_408_without_logging_above_debug()
    {
        await using var sample = await SampleProcess.StartAsync(DebugLogging);
        int mark = sample.Output.Length;
        const string Head = "POST /api/token/ HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:3000\r\nContent-Type: application/json\r\n";
        var stalls = new[]
        {
            SendAndRead(sample, Head + "Content-Length: 100\r\n\r\n{\"username\""),
            SendAndRead(sample, Head + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"use\r\n"),
        };
        // A body cut short by the client closing its side: Kestrel takes the FIN as the client
        // leaving (it aborts the request), so there is no answer, and nothing to log either.
        var cutShort = SendAndRead(sample, Head + "Content-Length: 100\r\n\r\n{\"username\"", halfClose: true);
        foreach (string response in await Task.WhenAll(stalls))
        {
            Assert.True(response.StartsWith("HTTP/1.1 408 Request Timeout\r\n", StringComparison.Ordinal), "answered: [" + response + "]\n" + sample.Output[mark..]);
            // Answered inside the pipeline: the CORS middleware still adds its headers.
            Assert.Contains("Access-Control-Allow-Origin: http://localhost:3000\r\n", response);
        }
        Assert.Equal("", await cutShort);
        string logged = await LoggedSince(sample, mark, "timed out because it was not sent by the client");
        Assert.False(AboveDebug.IsMatch(logged), "logged above Debug:\n" + logged);
    }

    [Fact]
    public async Task A_reset_in_the_middle_of_a_body_logs_nothing_above_debug()
    {
        await using var sample = await SampleProcess.StartAsync(DebugLogging);
        int mark = sample.Output.Length;
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(sample.BaseAddress.Host, sample.BaseAddress.Port);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
                "POST /api/token/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\""));
            await Task.Delay(300);
            // Linger 0: close sends RST, not FIN.
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
        }
        string logged = await LoggedSince(sample, mark, "reset");
        Assert.False(AboveDebug.IsMatch(logged), "logged above Debug:\n" + logged);
        // The sample is fine afterwards.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await sample.Client.GetAsync("/public/")).StatusCode);
    }

    private static async Task<string> SendAndRead(SampleProcess sample, string request, bool halfClose = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(sample.BaseAddress.Host, sample.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (halfClose) client.Client.Shutdown(SocketShutdown.Send);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            if (received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && received.ToString().Contains("Content-Length: 0", StringComparison.OrdinalIgnoreCase)) break;
        }
        return received.ToString();
    }

    // What the sample printed after `mark`, once Kestrel's own Debug line about the fault is there
    // (so the request has been handled), plus a moment for the console logger to flush.
    private static async Task<string> LoggedSince(SampleProcess sample, int mark, string kestrelLine)
    {
        for (int i = 0; i < 100 && !sample.Output[mark..].Contains(kestrelLine, StringComparison.Ordinal); i++) await Task.Delay(100);
        await Task.Delay(500);
        string logged = sample.Output[mark..];
        Assert.Contains(kestrelLine, logged);
        return logged;
    }
}
