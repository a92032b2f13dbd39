using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users.Hashers;

/// <summary>
/// Django 4.0+'s <c>ScryptPasswordHasher</c>: <c>scrypt$N$salt$r$p$base64(64-byte key)</c>, the key
/// from <c>hashlib.scrypt(password, salt=salt, n=N, r=r, p=p, dklen=64)</c> (RFC 7914; the salt is
/// its UTF-8 text). .NET has no scrypt, so the function is here: PBKDF2-HMAC-SHA256 around
/// Salsa20/8-based ROMix.
/// </summary>
internal static class ScryptHash
{
    public const string Algorithm = "scrypt";

    // OpenSSL's default maxmem for hashlib.scrypt(maxmem=0): what needs more is a ValueError in Python.
    private const long MaxMemory = 32L * 1024 * 1024;

    public static string Encode(string password, string salt, int n, int r, int p)
    {
        byte[] key = Derive(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), n, r, p, 64)
            ?? throw new ArgumentException("scrypt parameters out of range.");
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${n}${salt}${r}${p}${Convert.ToBase64String(key)}");
    }

    /// <summary>Re-encodes with the stored salt and parameters and compares whole strings, as Django does.</summary>
    public static bool Verify(string password, string encoded)
    {
        if (!TryDecode(encoded, out int n, out string salt, out int r, out int p)) return false;
        byte[]? key = Derive(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), n, r, p, 64);
        if (key is null) return false;
        string again = string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${n}${salt}${r}${p}${Convert.ToBase64String(key)}");
        return FixedTime.Equal(encoded, again);
    }

    /// <summary>scrypt$N$salt$r$p$hash.</summary>
    public static bool TryDecode(string encoded, out int n, out string salt, out int r, out int p)
    {
        n = r = p = 0;
        salt = "";
        string[] parts = encoded.Split('$');
        if (parts.Length != 6 || parts[0] != Algorithm) return false;
        salt = parts[2];
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out n)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out r)
            && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out p);
    }

    /// <summary>scrypt(P, S, N, r, p, dkLen), or null where hashlib raises (N not a power of two above 1, memory over 32 MiB, ...).</summary>
    public static byte[]? Derive(byte[] password, byte[] salt, int n, int r, int p, int length)
    {
        if (n < 2 || !BitOperations.IsPow2(n) || r < 1 || p < 1 || (long)r * p >= (1L << 30)) return null;
        long blockBytes = 128L * r;
        if ((blockBytes * n) + (blockBytes * p) > MaxMemory) return null;
        byte[] b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, checked((int)(blockBytes * p)));
        int words = 32 * r;
        var x = new uint[words];
        var v = new uint[(long)words * n];
        var scratch = new uint[words];
        for (int i = 0; i < p; i++)
        {
            Span<byte> chunk = b.AsSpan(checked((int)(i * blockBytes)), (int)blockBytes);
            for (int k = 0; k < words; k++) x[k] = BinaryPrimitives.ReadUInt32LittleEndian(chunk.Slice(k * 4, 4));
            RoMix(x, v, scratch, r, n);
            for (int k = 0; k < words; k++) BinaryPrimitives.WriteUInt32LittleEndian(chunk.Slice(k * 4, 4), x[k]);
        }
        return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, length);
    }

    private static void RoMix(uint[] x, uint[] v, uint[] scratch, int r, int n)
    {
        int words = 32 * r;
        for (int i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, (long)i * words, words);
            BlockMix(x, scratch, r);
        }
        for (int i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
            int j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            long offset = (long)j * words;
            for (int k = 0; k < words; k++) x[k] ^= v[offset + k];
            BlockMix(x, scratch, r);
        }
    }

    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> x = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(x);
        for (int i = 0; i < 2 * r; i++)
        {
            for (int k = 0; k < 16; k++) x[k] ^= b[(i * 16) + k];
            Salsa208(x);
            // Even blocks go to the first half, odd ones to the second.
            int target = ((i % 2) * r + (i / 2)) * 16;
            x.CopyTo(y.AsSpan(target, 16));
        }
        Array.Copy(y, b, 32 * r);
    }

    private static void Salsa208(Span<uint> b)
    {
        Span<uint> x = stackalloc uint[16];
        b.CopyTo(x);
        for (int i = 0; i < 8; i += 2)
        {
            x[4] ^= BitOperations.RotateLeft(x[0] + x[12], 7); x[8] ^= BitOperations.RotateLeft(x[4] + x[0], 9);
            x[12] ^= BitOperations.RotateLeft(x[8] + x[4], 13); x[0] ^= BitOperations.RotateLeft(x[12] + x[8], 18);
            x[9] ^= BitOperations.RotateLeft(x[5] + x[1], 7); x[13] ^= BitOperations.RotateLeft(x[9] + x[5], 9);
            x[1] ^= BitOperations.RotateLeft(x[13] + x[9], 13); x[5] ^= BitOperations.RotateLeft(x[1] + x[13], 18);
            x[14] ^= BitOperations.RotateLeft(x[10] + x[6], 7); x[2] ^= BitOperations.RotateLeft(x[14] + x[10], 9);
            x[6] ^= BitOperations.RotateLeft(x[2] + x[14], 13); x[10] ^= BitOperations.RotateLeft(x[6] + x[2], 18);
            x[3] ^= BitOperations.RotateLeft(x[15] + x[11], 7); x[7] ^= BitOperations.RotateLeft(x[3] + x[15], 9);
            x[11] ^= BitOperations.RotateLeft(x[7] + x[3], 13); x[15] ^= BitOperations.RotateLeft(x[11] + x[7], 18);
            x[1] ^= BitOperations.RotateLeft(x[0] + x[3], 7); x[2] ^= BitOperations.RotateLeft(x[1] + x[0], 9);
            x[3] ^= BitOperations.RotateLeft(x[2] + x[1], 13); x[0] ^= BitOperations.RotateLeft(x[3] + x[2], 18);
            x[6] ^= BitOperations.RotateLeft(x[5] + x[4], 7); x[7] ^= BitOperations.RotateLeft(x[6] + x[5], 9);
            x[4] ^= BitOperations.RotateLeft(x[7] + x[6], 13); x[5] ^= BitOperations.RotateLeft(x[4] + x[7], 18);
            x[11] ^= BitOperations.RotateLeft(x[10] + x[9], 7); x[8] ^= BitOperations.RotateLeft(x[11] + x[10], 9);
            x[9] ^= BitOperations.RotateLeft(x[8] + x[11], 13); x[10] ^= BitOperations.RotateLeft(x[9] + x[8], 18);
            x[12] ^= BitOperations.RotateLeft(x[15] + x[14], 7); x[13] ^= BitOperations.RotateLeft(x[12] + x[15], 9);
            x[14] ^= BitOperations.RotateLeft(x[13] + x[12], 13); x[15] ^= BitOperations.RotateLeft(x[14] + x[13], 18);
        }
        for (int i = 0; i < 16; i++) b[i] += x[i];
    }
}

/// <summary><c>ScryptPasswordHasher</c> with its work factor, block size and parallelism.</summary>
internal sealed class ScryptHasher(int workFactor, int blockSize, int parallelism) : DjangoHasher
{
    public override string Algorithm => ScryptHash.Algorithm;

    public override bool Verify(string password, string encoded) => ScryptHash.Verify(password, encoded);

    public override string Encode(string password) => ScryptHash.Encode(password, NewSalt(), workFactor, blockSize, parallelism);

    public override bool MustUpdate(string encoded) =>
        !ScryptHash.TryDecode(encoded, out int n, out string salt, out int r, out int p)
        || n != workFactor || r != blockSize || p != parallelism || WeakSalt(salt);
}
