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
        bool reset = false;
        try
        {
            hmac.AppendData(data);
            int written = hmac.GetHashAndReset(destination);
            reset = true;
            return written;
        }
        finally
        {
            // Only an instance back at its keyed start state is reused; one that failed midway
            // (a destination too small, a native error) may hold partial input and is dropped.
            if (reset) _pool.Return(hmac);
            else hmac.Dispose();
        }
    }

    public void Dispose() => (_pool as IDisposable)?.Dispose();

    private sealed class Policy(HashAlgorithmName hash, byte[] key) : PooledObjectPolicy<IncrementalHash>
    {
        public override IncrementalHash Create() => IncrementalHash.CreateHMAC(hash, key);

        // Hash() returns an instance only after GetHashAndReset succeeded: nothing to reset here.
        // (Resetting again cost a second HMAC finalisation per token: 20% of validation in the profile.)
        public override bool Return(IncrementalHash obj) => true;
    }
}
