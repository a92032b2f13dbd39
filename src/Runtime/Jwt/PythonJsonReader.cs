using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DjangoSettings.Jwt;

/// <summary>
/// Parses token JSON into claims with the semantics of Python's <c>json.loads</c> where they
/// matter for security: duplicate keys keep the last value (so a token's meaning is the same
/// here and in Django), integers stay integers, and floats stay floats.
/// </summary>
/// <remarks>
/// Reads with <see cref="Utf8JsonReader"/> straight into claims (no <see cref="JsonDocument"/>):
/// the same acceptance rules as <c>JsonDocument.Parse</c> with these options (one root value,
/// only whitespace after it, no comments or trailing commas, depth 64), and the claim names and
/// values every simplejwt token carries come from constants instead of new strings.
/// </remarks>
internal static class PythonJsonReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>Parses a JSON object; false for anything else or malformed input (never throws).</summary>
    public static bool TryParseObject(ReadOnlySpan<byte> utf8, out TokenPayload payload)
    {
        // Nearly every token is PyJWT's compact, flat, escape-free JSON: read that directly; the
        // general reader below decides everything else (and anything the fast path declines).
        return CompactClaimsReader.TryRead(utf8, out payload) || TryParseGeneral(utf8, out payload);
    }

    /// <summary>The general reader alone (any JSON object), without the compact fast path.</summary>
    internal static bool TryParseGeneral(ReadOnlySpan<byte> utf8, out TokenPayload payload)
    {
        payload = null!;
        try
        {
            var reader = new Utf8JsonReader(utf8, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            var root = (TokenPayload)ReadValue(ref reader)!;
            // Anything but whitespace after the root value is an error (the reader throws on it).
            if (reader.Read()) return false;
            payload = root;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    // The reader is on the value's first token; on return it is on the value's last token.
    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                return list.AsReadOnly();
            case JsonTokenType.String:
                return (reader.ValueIsEscaped ? null : KnownValue(reader.ValueSpan)) ?? reader.GetString();
            case JsonTokenType.Number:
                // Numbers are never escaped: ValueSpan is the literal text (contiguous for a span input).
                var raw = reader.ValueSpan;
                if (raw.IndexOfAny("."u8) < 0 && raw.IndexOfAny("eE"u8) < 0
                    && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                {
                    return l;
                }
                return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }

    // The members go to a pooled buffer (one per nesting level) and are copied once, deduplicated,
    // into the payload: no list, no index dictionary for a token's few claims.
    private static TokenPayload ReadObject(ref Utf8JsonReader reader)
    {
        var buffer = ArrayPool<KeyValuePair<string, object?>>.Shared.Rent(16);
        int count = 0;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = (reader.ValueIsEscaped ? null : KnownName(reader.ValueSpan)) ?? reader.GetString()!;
                reader.Read();
                object? value = ReadValue(ref reader);
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<KeyValuePair<string, object?>>.Shared.Rent(buffer.Length * 2);
                    Array.Copy(buffer, larger, count);
                    ArrayPool<KeyValuePair<string, object?>>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }
                buffer[count++] = new(name, value);
            }
            return new TokenPayload(buffer, count);
        }
        finally
        {
            // Cleared: the pool must not keep claim values (user ids, jtis) alive.
            ArrayPool<KeyValuePair<string, object?>>.Shared.Return(buffer, clearArray: true);
        }
    }

    // The claim names simplejwt writes, shared instead of allocated per token.
    internal static string? KnownName(ReadOnlySpan<byte> s)
    {
        return s.Length switch
        {
            3 when s.SequenceEqual("exp"u8) => "exp",
            3 when s.SequenceEqual("iat"u8) => "iat",
            3 when s.SequenceEqual("jti"u8) => "jti",
            3 when s.SequenceEqual("nbf"u8) => "nbf",
            3 when s.SequenceEqual("aud"u8) => "aud",
            3 when s.SequenceEqual("iss"u8) => "iss",
            3 when s.SequenceEqual("alg"u8) => "alg",
            3 when s.SequenceEqual("typ"u8) => "typ",
            7 when s.SequenceEqual("user_id"u8) => "user_id",
            8 when s.SequenceEqual("username"u8) => "username",
            10 when s.SequenceEqual("token_type"u8) => "token_type",
            11 when s.SequenceEqual("refresh_exp"u8) => "refresh_exp",
            _ => null,
        };
    }

    // The token_type values and header values, likewise.
    internal static string? KnownValue(ReadOnlySpan<byte> s)
    {
        return s.Length switch
        {
            3 when s.SequenceEqual("JWT"u8) => "JWT",
            5 when s.SequenceEqual("HS256"u8) => "HS256",
            5 when s.SequenceEqual("RS256"u8) => "RS256",
            6 when s.SequenceEqual("access"u8) => "access",
            7 when s.SequenceEqual("refresh"u8) => "refresh",
            7 when s.SequenceEqual("sliding"u8) => "sliding",
            _ => null,
        };
    }
}
