using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace DjangoSettings.Jwt;

/// <summary>The JWKS document of this service's own public key (see <see cref="Microsoft.AspNetCore.Builder.SimpleJwtEndpointRouteBuilderExtensions.MapSimpleJwtJwks"/>).</summary>
internal static class JwkSet
{
    /// <summary><c>{"keys":[{…public key…, "kid", "use":"sig", "alg"}]}</c>.</summary>
    public static string Document(SimpleJwtTokenCodec codec, SimpleJwtOptions options)
    {
        JwsKey key = codec.Keys.Verifier ?? codec.Keys.Signer
            ?? throw new InvalidOperationException($"ALGORITHM {options.Algorithm} is symmetric (or no key is configured): there is no public key to publish as a JWKS.");
        JsonObject jwk = key.PublicJwk();
        jwk["kid"] = options.SigningKeyId ?? Thumbprint(jwk);
        jwk["use"] = "sig";
        jwk["alg"] = options.Algorithm;
        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }

    /// <summary>RFC 7638: SHA-256 of the required members in lexicographic order, compact, base64url.</summary>
    public static string Thumbprint(JsonObject jwk)
    {
        string kty = jwk["kty"]!.GetValue<string>();
        string[] members = kty switch
        {
            "RSA" => ["e", "kty", "n"],
            "EC" => ["crv", "kty", "x", "y"],
            _ => ["crv", "kty", "x"],
        };
        var canonical = new StringBuilder("{");
        foreach (string member in members)
        {
            if (canonical.Length > 1) canonical.Append(',');
            canonical.Append('"').Append(member).Append("\":\"").Append(jwk[member]!.GetValue<string>()).Append('"');
        }
        canonical.Append('}');
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
