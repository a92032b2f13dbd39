using System;
using System.Security.Cryptography;
using Microsoft.Extensions.ObjectPool;

namespace DjangoSettings.Jwt;

/// <summary>
/// Keyed HMAC instances reused across tokens. The one-shot <c>HMACSHA256.HashData(key, …)</c>
/// sets the key up again on every call (on Linux, OpenSSL 3 also looks the algorithm up each
/// time), which costs more than hashing a token; a pooled <see cref="IncrementalHash"/> keeps the
/// keyed state and resets to it after each hash. Thread-safe; no allocation once warm.
/// </summary>
internal sealed class HmacPool : IDisposable
{
    private readonly ObjectPool<IncrementalHash> _pool;

    public HmacPool(HashAlgorithmName hash, byte[] key)
    {
        _pool = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(new Policy(hash, key));
    }

    /// <summary>HMAC of <paramref name="data"/> into <paramref name="destination"/>; returns the length written.</summary>
    public int Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var hmac = _pool.Get();
        try
        {
            hmac.AppendData(data);
            return hmac.GetHashAndReset(destination);
        }
        finally
        {
            _pool.Return(hmac);
        }
    }

    public void Dispose() => (_pool as IDisposable)?.Dispose();

    private sealed class Policy(HashAlgorithmName hash, byte[] key) : PooledObjectPolicy<IncrementalHash>
    {
        public override IncrementalHash Create() => IncrementalHash.CreateHMAC(hash, key);

        // An instance is only returned after GetHashAndReset (or an exception before any data):
        // either way it holds no partial input. Reset again in case AppendData threw midway.
        public override bool Return(IncrementalHash obj)
        {
            Span<byte> sink = stackalloc byte[64];
            obj.TryGetHashAndReset(sink, out _);
            return true;
        }
    }
}
