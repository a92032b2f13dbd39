using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DjangoSettings.Runtime.Tests.Infrastructure;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Users;

public class DjangoPasswordHasherTests
{
    private readonly DjangoPasswordHasher _hasher = new();

    [Theory]
    [MemberData(nameof(HashVectors.Indexes), MemberType = typeof(HashVectors))]
    public void Verifies_what_the_real_Django_hashed(int index, string label)
    {
        HashVector v = HashVectors.Vectors[index];
        Assert.True(_hasher.Verify(v.Password, v.Encoded), $"{label}: the right password must verify");
        Assert.False(_hasher.Verify(v.Wrong, v.Encoded), $"{label}: a wrong password must not verify");
        if (Encoding.UTF8.GetByteCount(v.Password) > 72)
        {
            // Plain bcrypt only looks at 72 bytes; Django's own answer is recorded with the vector.
            Assert.Equal(v.SamePrefixVerifies, _hasher.Verify(v.SamePrefix, v.Encoded));
        }
    }

    [Fact]
    public void The_vectors_cover_every_hasher()
    {
        foreach (string hasher in new[] { "pbkdf2_sha256", "pbkdf2_sha1", "argon2", "bcrypt_sha256", "bcrypt", "sha1", "md5", "unsalted_sha1", "unsalted_md5" })
        {
            Assert.Contains(HashVectors.Vectors, v => v.Hasher == hasher && DjangoPasswordHasher.Identify(v.Encoded) == hasher);
        }
    }

    [Fact]
    public void Hash_uses_pbkdf2_sha256_with_Django_32_iterations_and_a_22_character_salt()
    {
        string encoded = _hasher.Hash("wonderland-123");
        Assert.Matches(new Regex(@"^pbkdf2_sha256\$260000\$[A-Za-z0-9]{22}\$[A-Za-z0-9+/]{43}=$"), encoded);
        Assert.True(_hasher.Verify("wonderland-123", encoded));
        Assert.False(_hasher.Verify("wonderland-124", encoded));
        Assert.NotEqual(encoded, _hasher.Hash("wonderland-123"));
    }

    [Fact]
    public void Hash_honours_the_iteration_count_given_to_the_constructor()
    {
        var cheap = new DjangoPasswordHasher(iterations: 1000);
        string encoded = cheap.Hash("pw");
        Assert.StartsWith("pbkdf2_sha256$1000$", encoded);
        Assert.True(_hasher.Verify("pw", encoded));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DjangoPasswordHasher(0));
    }

    [SkippableFact]
    public void The_real_Django_accepts_our_hashes()
    {
        Services.RequireDjangoOracle();
        foreach (string password in new[] { "wonderland-123", "", "pässwörd-日本語-🔑 $ x" })
        {
            string encoded = _hasher.Hash(password);
            Assert.True(DjangoCheckPassword.Check(password, encoded), $"Django rejected {encoded}");
            Assert.False(DjangoCheckPassword.Check(password + "x", encoded));
        }
        string custom = new DjangoPasswordHasher(iterations: 12345).Hash("pw");
        Assert.True(DjangoCheckPassword.Check("pw", custom));
    }

    [Theory]
    [InlineData("!")]
    [InlineData("!YqW3dA8oC2Ey5pTzQ9Kf7rLm1Nx4Hs6Vb0Ju2Gi")]
    [InlineData("")]
    public void Unusable_passwords_never_verify(string encoded)
    {
        Assert.False(_hasher.Verify("", encoded));
        Assert.False(_hasher.Verify("!", encoded));
        Assert.False(_hasher.Verify(encoded, encoded));
    }

    [Fact]
    public void An_unusable_marker_in_front_of_a_valid_hash_still_never_verifies()
    {
        string encoded = new DjangoPasswordHasher(iterations: 10).Hash("pw");
        Assert.True(_hasher.Verify("pw", encoded));
        Assert.False(_hasher.Verify("pw", "!" + encoded));
    }

    [Theory]
    [InlineData("crypt$$abN/qM.L/H8EQ", "crypt")]
    [InlineData("sha512$salt$abc", "sha512")]
    [InlineData("argon2$argon2id$v=16$m=512,t=2,p=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "v=16")]
    [InlineData("argon2$argon2i$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "0x10")]
    public void Unknown_or_unavailable_hashers_throw_naming_the_hasher(string encoded, string named)
    {
        var e = Assert.Throws<NotSupportedException>(() => _hasher.Verify("pw", encoded));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_with_a_lone_surrogate_is_simply_wrong_for_every_hasher()
    {
        foreach (string hasher in new[] { "pbkdf2_sha256", "bcrypt", "bcrypt_sha256", "argon2", "md5" })
        {
            HashVector v = HashVectors.Vectors.First(x => x.Hasher == hasher);
            Assert.False(_hasher.Verify("wonderland-123\ud800", v.Encoded), hasher);
        }
    }

    [Fact]
    public void A_value_that_is_not_a_hash_at_all_is_not_echoed_in_the_error()
    {
        var e = Assert.Throws<NotSupportedException>(() => _hasher.Verify("pw", "plain-text-secret"));
        Assert.DoesNotContain("plain-text-secret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pbkdf2_sha256$abc$salt$hash=")]
    [InlineData("pbkdf2_sha256$260000$salt")]
    [InlineData("pbkdf2_sha256$0$salt$hash=")]
    [InlineData("pbkdf2_sha256$260000$$hash=")]
    [InlineData("bcrypt_sha256$$2b$12$tooshort")]
    [InlineData("bcrypt$$2b$12$LYOsgmkXPa6g2Jp21jEQGeCCUgBLOoQwTybSUBT.ZYfUwt/Xsv")]
    [InlineData("argon2$argon2id$v=19$m=64,t=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo")]
    [InlineData("argon2$argon2id$v=19$m=64,t=1,p=2$!!!$aGFzaGhhc2hoYXNo")]
    [InlineData("md5$$")]
    [InlineData("scrypt$16384$salt$8$1$aGFzaA==")]
    [InlineData("scrypt$1000$salt$8$1$aGFzaA==")]
    [InlineData("sha1$salt")]
    public void Malformed_hashes_of_known_hashers_do_not_verify(string encoded)
    {
        Assert.False(_hasher.Verify("pw", encoded));
    }

    [Theory]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf99", "unsalted_md5")]
    [InlineData("md5$$5f4dcc3b5aa765d61d8327deb882cf99", "unsalted_md5")]
    [InlineData("sha1$$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "unsalted_sha1")]
    [InlineData("md5$salt$5f4dcc3b5aa765d61d8327deb882cf99", "md5")]
    [InlineData("bcrypt_sha256$$2b$12$x", "bcrypt_sha256")]
    public void Identifies_hashers_like_Django(string encoded, string expected)
    {
        Assert.Equal(expected, DjangoPasswordHasher.Identify(encoded));
    }
}
