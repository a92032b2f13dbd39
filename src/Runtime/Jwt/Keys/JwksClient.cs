using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DjangoSettings.Jwt;

/// <summary>
/// <c>JWK_URL</c>: the identity provider's JWKS, fetched and cached, keys picked by <c>kid</c>, as
/// PyJWT's <c>PyJWKClient</c> does for simplejwt, with three differences: a failed, empty or
/// unreadable answer is never cached and is a 401 for the token (PyJWT caches an empty set and
/// answers 500 for it); fetches caused by an unknown <c>kid</c> are at most one per
/// <see cref="SimpleJwtOptions.JwksRefetchInterval"/> (PyJWT fetches on every miss), and so are
/// retries after a failed fetch; keys of the last good answer stay usable for their cache lifetime
/// while the provider is down.
/// Concurrent misses share one fetch. Thread-safe.
/// </summary>
internal sealed partial class JwksClient : IDisposable
{
    private readonly Uri _url;
    private readonly JwtAlgorithm _algorithm;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _refetchInterval;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile Snapshot? _keys;
    private DateTimeOffset _lastMissFetch = DateTimeOffset.MinValue;
    private DateTimeOffset _lastFailedFetch = DateTimeOffset.MinValue;

    public JwksClient(Uri url, JwtAlgorithm algorithm, TimeSpan lifetime, TimeSpan refetchInterval, TimeSpan timeout, TimeProvider? time = null, HttpMessageHandler? handler = null, ILogger? logger = null)
    {
        _url = url;
        _algorithm = algorithm;
        _lifetime = lifetime;
        _refetchInterval = refetchInterval;
        _time = time ?? TimeProvider.System;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = timeout;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How many fetches were made (for tests and diagnostics).</summary>
    public int Fetches { get; private set; }

    /// <summary>The key for <paramref name="kid"/> from a fresh cache, without any I/O.</summary>
    public bool TryGetCached(string kid, out JwsKey? key)
    {
        key = null;
        Snapshot? keys = _keys;
        return keys is not null && _time.GetUtcNow() < keys.Expires && keys.Keys.TryGetValue(kid, out key);
    }

    /// <summary>The key for <paramref name="kid"/>, fetching the JWKS when the cache is stale or misses it (rate-limited); null when there is none.</summary>
    public async ValueTask<JwsKey?> GetAsync(string kid, CancellationToken cancellationToken)
    {
        if (TryGetCached(kid, out JwsKey? cached)) return cached;
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have fetched while this one waited.
            if (TryGetCached(kid, out cached)) return cached;
            DateTimeOffset now = _time.GetUtcNow();
            Snapshot? keys = _keys;
            if (keys is not null && now < keys.Expires)
            {
                // A fresh set without this kid: the provider may have rotated its keys. Fetch again,
                // but once per interval, so forged kids cannot flood the provider.
                if (now - _lastMissFetch < _refetchInterval) return null;
                _lastMissFetch = now;
            }
            else if (now - _lastFailedFetch < _refetchInterval)
            {
                // No usable set and the last attempt failed a moment ago.
                return null;
            }
            Snapshot? fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            if (fetched is not null) _keys = fetched;
            else _lastFailedFetch = now;
            return Lookup(_keys, kid, _time.GetUtcNow());
        }
        finally
        {
            _fetch.Release();
        }
    }

    private static JwsKey? Lookup(Snapshot? keys, string kid, DateTimeOffset now) =>
        keys is not null && now < keys.Expires && keys.Keys.TryGetValue(kid, out JwsKey? key) ? key : null;

    private async Task<Snapshot?> FetchAsync(CancellationToken cancellationToken)
    {
        Fetches++;
        try
        {
            using HttpResponseMessage response = await _http.GetAsync(_url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFetchFailed(_logger, _url, $"HTTP {(int)response.StatusCode}");
                return null;
            }
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Dictionary<string, JwsKey> keys = Parse(body, _algorithm);
            if (keys.Count == 0)
            {
                LogFetchFailed(_logger, _url, "no usable signing key with a kid");
                return null;
            }
            LogFetched(_logger, _url, keys.Count);
            return new Snapshot(keys, _time.GetUtcNow() + _lifetime);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            LogFetchFailed(_logger, _url, e.Message);
            return null;
        }
    }

    /// <summary>The JWKS' signing keys (use "sig" or absent, with a string kid) usable with <paramref name="algorithm"/>.</summary>
    internal static Dictionary<string, JwsKey> Parse(ReadOnlySpan<byte> json, JwtAlgorithm algorithm)
    {
        var keys = new Dictionary<string, JwsKey>(StringComparer.Ordinal);
        using JsonDocument document = JsonDocument.Parse(json.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out JsonElement list)
            || list.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }
        foreach (JsonElement jwk in list.EnumerateArray())
        {
            if (jwk.ValueKind != JsonValueKind.Object) continue;
            if (!jwk.TryGetProperty("kid", out JsonElement kid) || kid.ValueKind != JsonValueKind.String) continue;
            if (jwk.TryGetProperty("use", out JsonElement use) && !(use.ValueKind == JsonValueKind.String && use.GetString() == "sig")) continue;
            if (JwkImport.TryCreate(jwk, algorithm) is { } key) keys.TryAdd(kid.GetString()!, key);
        }
        return keys;
    }

    public void Dispose()
    {
        _http.Dispose();
        _fetch.Dispose();
    }

    private sealed record Snapshot(Dictionary<string, JwsKey> Keys, DateTimeOffset Expires);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "JWK_URL {Url}: {Count} signing key(s) fetched")]
    private static partial void LogFetched(ILogger logger, Uri url, int count);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "JWK_URL {Url} could not be used: {Reason}; tokens needing it are refused until a later fetch succeeds")]
    private static partial void LogFetchFailed(ILogger logger, Uri url, string reason);
}
