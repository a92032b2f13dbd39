using System;
using System.Collections.Generic;

namespace DjangoSettings.Cors;

/// <summary>
/// The configured origins keyed by what a near miss shares with them (the netloc; the netloc in
/// any case; the host with or without the port; the host without <c>www.</c>), so that explaining
/// a refused Origin costs a few hash lookups whatever the length of CORS_ALLOWED_ORIGINS. Built
/// once, on the first refusal that is explained (only with Debug logging on), never changed after.
/// </summary>
internal sealed class OriginNearMissIndex
{
    private readonly Dictionary<string, int> _byNetloc = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Scheme, string Netloc), int> _bySchemeAndLowerNetloc = new();
    private readonly Dictionary<(string Scheme, string Host, string Port), int> _bySchemeHostAndPort = new();
    private readonly Dictionary<(string Scheme, string Host), int> _bySchemeAndHost = new();
    private readonly Dictionary<string, int> _byHost = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byBareHost = new(StringComparer.Ordinal);

    public OriginNearMissIndex(IReadOnlyList<(string Scheme, string Netloc)> pairs)
    {
        Pairs = pairs;
        // Each key keeps its first entry, so ties go to the entry written first.
        for (int i = 0; i < pairs.Count; i++)
        {
            var (scheme, netloc) = pairs[i];
            if (netloc.Length == 0) continue;
            var parts = OriginNetloc.Parse(netloc);
            _byNetloc.TryAdd(netloc, i);
            _bySchemeAndLowerNetloc.TryAdd((scheme, netloc.ToLowerInvariant()), i);
            _bySchemeHostAndPort.TryAdd((scheme, parts.HostKey, parts.Port), i);
            _bySchemeAndHost.TryAdd((scheme, parts.HostKey), i);
            _byHost.TryAdd(parts.HostKey, i);
            _byBareHost.TryAdd(parts.BareHostKey, i);
        }
    }

    /// <summary>The configured (scheme, netloc) pairs, in configuration order.</summary>
    public IReadOnlyList<(string Scheme, string Netloc)> Pairs { get; }

    /// <summary>The first entry with this exact netloc (any scheme), or -1.</summary>
    public int WithNetloc(string netloc) => _byNetloc.TryGetValue(netloc, out int i) ? i : -1;

    /// <summary>The first entry with this scheme whose netloc, lowercased, is this one, or -1.</summary>
    public int WithSchemeAndNetlocInAnyCase(string scheme, string lowerNetloc) => _bySchemeAndLowerNetloc.TryGetValue((scheme, lowerNetloc), out int i) ? i : -1;

    /// <summary>The first entry with this scheme, host in any case and port (any user info), or -1.</summary>
    public int WithSchemeHostAndPort(string scheme, string hostKey, string port) => _bySchemeHostAndPort.TryGetValue((scheme, hostKey, port), out int i) ? i : -1;

    /// <summary>The first entry with this scheme and this host in any case (any port and user info), or -1.</summary>
    public int WithSchemeAndHost(string scheme, string hostKey) => _bySchemeAndHost.TryGetValue((scheme, hostKey), out int i) ? i : -1;

    /// <summary>The first entry with this host in any case (any scheme, port and user info), or -1.</summary>
    public int WithHost(string hostKey) => _byHost.TryGetValue(hostKey, out int i) ? i : -1;

    /// <summary>The first entry whose host, without <c>www.</c>, is this one, or -1.</summary>
    public int WithBareHost(string bareHostKey) => _byBareHost.TryGetValue(bareHostKey, out int i) ? i : -1;
}
