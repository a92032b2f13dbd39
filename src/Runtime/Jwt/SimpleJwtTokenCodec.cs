using System;
using System.Buffers;
using System.Buffers.Text;
using System.Net.Http;
using System.Threading.Tasks;
using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Jwt;

/// <summary>
/// PyJWT's part of simplejwt: signs claims into a compact JWS with exactly the bytes PyJWT writes
/// (header <c>{"alg":"…","typ":"JWT"}</c>, Python JSON, unpadded base64url) and decodes tokens
/// in PyJWT's order (structure, algorithm, signature, payload, iat/nbf/exp with LEEWAY, iss, aud).
/// Decoding never throws: every refusal is a <see cref="JwtDecodeResult"/>. Thread-safe.
/// </summary>
public sealed class SimpleJwtTokenCodec : IDisposable
{
    private readonly SimpleJwtOptions _options;
    private readonly JwtKeyMaterial _keys;
    private readonly string _encodedHeader;
    private readonly double _leewaySeconds;
    private readonly HmacPool? _hmac;
    private readonly JwksClient? _jwks;

    /// <summary>Imports the keys of <paramref name="options"/> (validated first).</summary>
    public SimpleJwtTokenCodec(SimpleJwtOptions options)
        : this(options, null, null, null)
    {
    }

    /// <summary>
    /// Imports the keys of <paramref name="options"/>; with <c>JWK_URL</c> (non-HMAC algorithms) the
    /// JWKS is fetched through <paramref name="jwksHandler"/> (a new handler when null) on
    /// <paramref name="timeProvider"/>'s clock.
    /// </summary>
    public SimpleJwtTokenCodec(SimpleJwtOptions options, TimeProvider? timeProvider, HttpMessageHandler? jwksHandler, Microsoft.Extensions.Logging.ILogger? logger)
    {
        _options = SimpleJwtOptionsFactory.Validate(options);
        _keys = JwtKeyMaterial.Create(options);
        // PyJWT sorts the header's keys: alg, kid, typ. No kid unless SigningKeyId asks for one.
        string kid = options.SigningKeyId is { } id ? ",\"kid\":" + PythonJsonWriter.Serialize(id) : "";
        _encodedHeader = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"alg\":\"{_keys.Algorithm.Name}\"{kid},\"typ\":\"JWT\"}}"));
        _leewaySeconds = options.Leeway.TotalSeconds;
        if (_keys.Algorithm.Family == JwtAlgorithmFamily.Hmac)
        {
            _hmac = new HmacPool(_keys.Algorithm.Hash, _keys.HmacKey!);
        }
        else if (options.JwkUrl is { } url)
        {
            _jwks = new JwksClient(new Uri(url), _keys.Algorithm, options.JwksCacheLifetime, options.JwksRefetchInterval, options.JwksFetchTimeout, timeProvider, jwksHandler, logger);
        }
    }

    /// <summary>The JWKS client (JWK_URL), or null.</summary>
    internal JwksClient? Jwks => _jwks;

    /// <summary>The key material (for the JWKS endpoint).</summary>
    internal JwtKeyMaterial Keys => _keys;

    /// <summary>The configured algorithm name.</summary>
    public string Algorithm => _keys.Algorithm.Name;

    /// <summary>
    /// Signs <paramref name="claims"/>. As simplejwt's backend does at encode time, <c>aud</c> and
    /// then <c>iss</c> are set when configured (in place if the claims already hold them).
    /// </summary>
    /// <exception cref="InvalidOperationException">An asymmetric algorithm without SIGNING_KEY (verify-only configuration).</exception>
    public string Encode(System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object?>> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var payload = new TokenClaimsBuilder(claims);
        if (_options.Audience is { } aud)
        {
            payload.Set("aud", aud.Length == 1 && !_options.AudienceIsList ? aud[0] : aud);
        }
        if (_options.Issuer is { } iss) payload.Set("iss", iss);

        string json = PythonJsonWriter.Serialize(payload, ensureAscii: true);
        string signingInput = _encodedHeader + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        byte[] signature = Sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Decodes and checks <paramref name="token"/> at <paramref name="now"/> (spec §3.1 steps 1–6); with
    /// <c>JWK_URL</c>, the key is chosen by the token's <c>kid</c> from the JWKS, fetched when needed.
    /// </summary>
    public ValueTask<JwtDecodeResult> DecodeAsync(string? token, DateTimeOffset now, System.Threading.CancellationToken cancellationToken = default)
    {
        if (_jwks is null) return ValueTask.FromResult(Decode(token, now));
        return DecodeWithJwksAsync(token, now, cancellationToken);
    }

    private async ValueTask<JwtDecodeResult> DecodeWithJwksAsync(string? token, DateTimeOffset now, System.Threading.CancellationToken cancellationToken)
    {
        if (KeyIdOf(token) is not { } kid) return Fail(JwtDecodeFailure.Signature);
        JwsKey? key = await _jwks!.GetAsync(kid, cancellationToken).ConfigureAwait(false);
        return key is null ? Fail(JwtDecodeFailure.Signature) : DecodeWith(token, now, key);
    }

    // The header's kid when the token is shaped like one and the kid is a string; null otherwise
    // (PyJWKClient finds no key for a token without kid).
    private string? KeyIdOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > _options.MaxTokenLength) return null;
        int dot = token.IndexOf('.');
        if (dot <= 0) return null;
        var headerBytes = DecodeSegment(token.AsSpan(0, dot));
        if (headerBytes is null || !PythonJsonReader.TryParseObject(headerBytes, out var header)) return null;
        return header.GetString("kid");
    }

    /// <summary>Decodes and checks <paramref name="token"/> at <paramref name="now"/> (spec §3.1 steps 1–6), without I/O (JWK_URL keys only from the cache).</summary>
    public JwtDecodeResult Decode(string? token, DateTimeOffset now)
    {
        if (_jwks is not null)
        {
            return KeyIdOf(token) is { } kid && _jwks.TryGetCached(kid, out JwsKey? cached) ? DecodeWith(token, now, cached!) : Fail(JwtDecodeFailure.Signature);
        }
        return DecodeWith(token, now, _keys.Verifier);
    }

    private JwtDecodeResult DecodeWith(string? token, DateTimeOffset now, JwsKey? verifier)
    {
        if (string.IsNullOrEmpty(token) || token.Length > _options.MaxTokenLength) return Fail(JwtDecodeFailure.Malformed);
        int dot1 = token.IndexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.IndexOf('.', dot1 + 1);
        if (dot1 < 0 || dot2 < 0 || token.IndexOf('.', dot2 + 1) >= 0) return Fail(JwtDecodeFailure.Malformed);

        var headerSegment = token.AsSpan(0, dot1);
        bool algorithmMatches;
        if (headerSegment.SequenceEqual(_encodedHeader))
        {
            // The exact header this codec (and PyJWT) writes for the configured algorithm: its
            // meaning is known (alg matches, no kid, no crit), so it is neither decoded nor parsed.
            algorithmMatches = true;
        }
        else
        {
            var headerBytes = DecodeSegment(headerSegment);
            if (headerBytes is null || !PythonJsonReader.TryParseObject(headerBytes, out var header)) return Fail(JwtDecodeFailure.Malformed);
            if (header.TryGetValue("kid", out var kid) && kid is not string) return Fail(JwtDecodeFailure.Malformed);
            // No JWS extension is understood here, so any "crit" must be refused (RFC 7515 §4.1.11).
            if (header.ContainsKey("crit")) return Fail(JwtDecodeFailure.Malformed);
            algorithmMatches = header.GetString("alg") is { } alg && string.Equals(alg, _keys.Algorithm.Name, StringComparison.Ordinal);
        }

        var payloadSegment = token.AsSpan(dot1 + 1, dot2 - dot1 - 1);
        var signatureSegment = token.AsSpan(dot2 + 1);
        // One pooled buffer holds the signing input (ASCII of header.payload) and the decoded
        // payload; the signature goes on the stack. Nothing per token survives but the claims.
        int payloadMax = Base64Url.GetMaxDecodedLength(payloadSegment.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(dot2 + payloadMax);
        int signatureMax = Base64Url.GetMaxDecodedLength(signatureSegment.Length);
        byte[]? rentedSignature = signatureMax > 1024 ? ArrayPool<byte>.Shared.Rent(signatureMax) : null;
        Span<byte> signatureBuffer = rentedSignature is not null ? rentedSignature : stackalloc byte[1024];
        try
        {
            var payloadBuffer = rented.AsSpan(dot2, payloadMax);
            if (!TryDecodeSegment(payloadSegment, payloadBuffer, out int payloadLength)
                || !TryDecodeSegment(signatureSegment, signatureBuffer, out int signatureLength))
            {
                return Fail(JwtDecodeFailure.Malformed);
            }

            // Only the configured algorithm: refuses "none" and HS/RS key confusion before any crypto.
            if (!algorithmMatches) return Fail(JwtDecodeFailure.Algorithm);
            // Every character before dot2 is base64url, '=' or '.' by now: ASCII, one byte each.
            int signingLength = Encoding.ASCII.GetBytes(token.AsSpan(0, dot2), rented);
            if (!Verify(rented.AsSpan(0, signingLength), signatureBuffer[..signatureLength], verifier)) return Fail(JwtDecodeFailure.Signature);

            if (!PythonJsonReader.TryParseObject(payloadBuffer[..payloadLength], out var payload)) return Fail(JwtDecodeFailure.Malformed);
            return new JwtDecodeResult(CheckRegisteredClaims(payload, now), payload);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
            if (rentedSignature is not null) ArrayPool<byte>.Shared.Return(rentedSignature);
        }
    }

    private JwtDecodeFailure CheckRegisteredClaims(TokenPayload payload, DateTimeOffset now)
    {
        double nowSeconds = now.ToUnixTimeMilliseconds() / 1000.0;
        // PyJWT 2.6 compares against whole seconds; simplejwt's own exp check uses the exact time.
        double nowWhole = Math.Floor(nowSeconds);

        if (payload.TryGetValue("iat", out var iatValue))
        {
            if (!TryNumber(iatValue, out double iat)) return JwtDecodeFailure.BadTimeClaim;
            if (iat > nowWhole + _leewaySeconds) return JwtDecodeFailure.NotYetValid;
        }
        if (payload.TryGetValue("nbf", out var nbfValue))
        {
            if (!TryNumber(nbfValue, out double nbf)) return JwtDecodeFailure.BadTimeClaim;
            if (Math.Truncate(nbf) > nowWhole + _leewaySeconds) return JwtDecodeFailure.NotYetValid;
        }
        if (payload.TryGetValue("exp", out var expValue))
        {
            if (!TryNumber(expValue, out double exp)) return JwtDecodeFailure.BadTimeClaim;
            if (Math.Truncate(exp) <= nowWhole - _leewaySeconds) return JwtDecodeFailure.Expired;
        }
        if (_options.Issuer is { } issuer)
        {
            if (payload.GetString("iss") is not { } iss || !string.Equals(iss, issuer, StringComparison.Ordinal)) return JwtDecodeFailure.Issuer;
        }
        if (_options.Audience is { } audiences && !AudienceMatches(payload, audiences)) return JwtDecodeFailure.Audience;
        return JwtDecodeFailure.None;
    }

    private static bool AudienceMatches(TokenPayload payload, string[] configured)
    {
        if (!payload.TryGetValue("aud", out var aud)) return false;
        switch (aud)
        {
            case string s:
                return s.Length > 0 && Array.IndexOf(configured, s) >= 0;
            case System.Collections.Generic.IReadOnlyList<object?> list:
                if (list.Count == 0) return false;
                foreach (var item in list)
                {
                    if (item is not string) return false;
                }
                foreach (var item in list)
                {
                    if (Array.IndexOf(configured, (string)item!) >= 0) return true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// A JSON number (Python's <c>int()</c> accepts floats and booleans too). Strings, null, lists
    /// are refused: Django would answer 500 for most of them; a refusal is the safe equivalent.
    /// </summary>
    internal static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case long l: number = l; return true;
            case double d when !double.IsNaN(d) && !double.IsInfinity(d): number = d; return true;
            case bool b: number = b ? 1 : 0; return true;
            default: number = 0; return false;
        }
    }

    private static byte[]? DecodeSegment(ReadOnlySpan<char> segment)
    {
        var buffer = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        return TryDecodeSegment(segment, buffer, out int written) ? buffer.AsSpan(0, written).ToArray() : null;
    }

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static bool TryDecodeSegment(ReadOnlySpan<char> segment, Span<byte> destination, out int written)
    {
        written = 0;
        // PyJWT re-pads before decoding, so padded segments are accepted too.
        int end = segment.Length;
        while (end > 0 && segment[end - 1] == '=' && segment.Length - end < 2) end--;
        var body = segment.Slice(0, end);
        if (body.Length % 4 == 1) return false;
        // The decoder skips whitespace; PyJWT does not, so only the alphabet may appear (vectorised check).
        if (body.ContainsAnyExcept(Base64UrlAlphabet)) return false;
        try
        {
            return Base64Url.TryDecodeFromChars(body, destination, out written);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private byte[] Sign(byte[] data)
    {
        if (_keys.Algorithm.Family == JwtAlgorithmFamily.Hmac)
        {
            Span<byte> mac = stackalloc byte[64];
            return mac[.._hmac!.Hash(data, mac)].ToArray();
        }
        return SignerOrThrow().Sign(data);
    }

    private bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, JwsKey? verifier)
    {
        if (_keys.Algorithm.Family == JwtAlgorithmFamily.Hmac)
        {
            Span<byte> expected = stackalloc byte[64];
            int length = _hmac!.Hash(data, expected);
            return CryptographicOperations.FixedTimeEquals(expected[..length], signature);
        }
        return verifier is not null && verifier.Verify(data, signature);
    }

    private JwsKey SignerOrThrow() => _keys.Signer is { CanSign: true } signer
        ? signer
        : throw new InvalidOperationException($"SIMPLE_JWT['SIGNING_KEY'] is empty or not a private key: {_keys.Algorithm.Name} tokens can be verified but not minted.");

    private static JwtDecodeResult Fail(JwtDecodeFailure failure) => new(failure, null);

    /// <inheritdoc />
    public void Dispose()
    {
        _hmac?.Dispose();
        _jwks?.Dispose();
        _keys.Dispose();
    }
}
