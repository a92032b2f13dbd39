using System;

namespace DjangoSettings.Cors;

/// <summary>The parts of a <c>urlsplit</c> netloc the near-miss hint compares: user info, host, port.</summary>
internal readonly struct OriginNetloc
{
    private OriginNetloc(string userInfo, string host, string port)
    {
        UserInfo = userInfo;
        Host = host;
        Port = port;
    }

    /// <summary>Everything before the last <c>@</c>, with the <c>@</c>; empty when there is none.</summary>
    public string UserInfo { get; }

    /// <summary>The host as written (an IPv6 literal keeps its brackets).</summary>
    public string Host { get; }

    /// <summary>The port text after the host's colon; empty when there is no port.</summary>
    public string Port { get; }

    /// <summary>The host lowercased, the key under which case and port variants meet.</summary>
    public string HostKey => Host.ToLowerInvariant();

    /// <summary>The lowercased host without a leading <c>www.</c>.</summary>
    public string BareHostKey => HostKey.StartsWith("www.", StringComparison.Ordinal) ? HostKey.Substring(4) : HostKey;

    /// <summary>Splits a netloc as Python's <c>SplitResult.hostname</c>/<c>port</c> read it (without their validation).</summary>
    public static OriginNetloc Parse(string netloc)
    {
        int at = netloc.LastIndexOf('@');
        string userInfo = at >= 0 ? netloc.Substring(0, at + 1) : "";
        string hostPort = at >= 0 ? netloc.Substring(at + 1) : netloc;
        int close = hostPort.LastIndexOf(']');
        int colon = hostPort.LastIndexOf(':');
        return colon > close
            ? new OriginNetloc(userInfo, hostPort.Substring(0, colon), hostPort.Substring(colon + 1))
            : new OriginNetloc(userInfo, hostPort, "");
    }
}
