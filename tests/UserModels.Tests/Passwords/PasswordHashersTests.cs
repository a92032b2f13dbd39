using System;
using System.Linq;
using System.Text.Json.Nodes;
using DjangoSettings.UserModels.Tests.Infrastructure;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Passwords;

/// <summary>
/// PASSWORD_HASHERS as Django applies it (fixtures/hashers.json, recorded with Django 3.2's
/// check_password and its setter): which hashes verify under a hasher list, and which a correct
/// login re-hashes (another algorithm, other iterations, a weak salt).
/// </summary>
public sealed class PasswordHashersTests
{
    private static readonly JsonNode Fixture = JsonNode.Parse(System.IO.File.ReadAllText(
        System.IO.Path.Combine(DjangoProject.ProjectsDirectory, "fixtures", "hashers.json")))!;

    private static string Password => Fixture["password"]!.GetValue<string>();

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        JsonArray vectors = Fixture["vectors"]!.AsArray();
        for (int i = 0; i < vectors.Count; i++)
        {
            foreach (var (list, _) in vectors[i]!["django32"]!.AsObject()) data.Add(i, list);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_password_verifies_and_asks_for_a_rehash_as_Django_32(int index, string list)
    {
        JsonNode vector = Fixture["vectors"]![index]!;
        string encoded = vector["encoded"]!.GetValue<string>();
        JsonNode django = vector["django32"]![list]!;
        var hasher = new DjangoPasswordHasher(new DjangoPasswordHasherOptions { Hashers = Hashers(list), DjangoVersion = "3.2" });
        PasswordCheck right = hasher.Check(Password, encoded);
        string label = vector["label"]!.GetValue<string>() + " under " + list;
        Assert.True(django["verified"]!.GetValue<bool>() == right.Verified, label + ": verified");
        Assert.True(django["must_update"]!.GetValue<bool>() == right.MustUpdate, label + ": must_update");
        Assert.Equal(django["wrong_verified"]!.GetValue<bool>(), hasher.Check(Password + "x", encoded).Verified);
    }

    [Fact]
    public void Scrypt_hashes_of_Djangos_format_verify()
    {
        foreach (JsonNode? vector in Fixture["vectors"]!.AsArray().Where(v => v!["encoded"]!.GetValue<string>().StartsWith("scrypt$", StringComparison.Ordinal)))
        {
            string encoded = vector!["encoded"]!.GetValue<string>();
            var hasher = new DjangoPasswordHasher(DjangoPasswordHasherOptions.ForDjango("4.2"));
            Assert.True(hasher.Verify(Password, encoded), encoded);
            Assert.False(hasher.Verify(Password + "x", encoded), encoded);
            // Django 4.2 re-hashes anything that is not its preferred PBKDF2.
            Assert.True(hasher.Check(Password, encoded).MustUpdate);
            var scryptFirst = new DjangoPasswordHasher(new DjangoPasswordHasherOptions { Hashers = ["django.contrib.auth.hashers.ScryptPasswordHasher"], DjangoVersion = "5.1" });
            Assert.Equal(!encoded.StartsWith("scrypt$16384$abcdefghijklmnopqrstuv$8$5$", StringComparison.Ordinal), scryptFirst.Check(Password, encoded).MustUpdate);
        }
    }

    [Fact]
    public void Scrypt_is_RFC_7914()
    {
        // RFC 7914 §12, second vector: scrypt("password", "NaCl", N=1024, r=8, p=16, dkLen=64).
        byte[] key = DjangoSettings.Users.Hashers.ScryptHash.Derive("password"u8.ToArray(), "NaCl"u8.ToArray(), 1024, 8, 16, 64)!;
        Assert.Equal("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640", Convert.ToHexStringLower(key));
        Assert.Null(DjangoSettings.Users.Hashers.ScryptHash.Derive("p"u8.ToArray(), "s"u8.ToArray(), 1000, 8, 1, 64));
    }

    [Theory]
    [InlineData("3.2", 260_000)]
    [InlineData("4.2.11", 600_000)]
    [InlineData("5.2", 1_000_000)]
    public void New_hashes_take_the_pinned_Django_versions_iterations(string version, int iterations)
    {
        var hasher = new DjangoPasswordHasher(DjangoPasswordHasherOptions.ForDjango(version));
        Assert.StartsWith($"pbkdf2_sha256${iterations}$", hasher.Hash("pw"), StringComparison.Ordinal);
        Assert.Equal(DjangoPasswordHasherOptions.ForDjango(version).EffectiveHashers.Count, version == "3.2" ? 4 : 5);
    }

    [Fact]
    public void The_first_hasher_hashes_new_passwords()
    {
        foreach (var (list, prefix) in new[] { ("md5-first", "md5$"), ("argon2-first", "argon2$argon2id$v=19$m=102400,t=2,p=8$") })
        {
            var hasher = new DjangoPasswordHasher(new DjangoPasswordHasherOptions { Hashers = Hashers(list) });
            string encoded = hasher.Hash(Password);
            Assert.StartsWith(prefix, encoded, StringComparison.Ordinal);
            Assert.True(hasher.Check(Password, encoded) is { Verified: true, MustUpdate: false });
        }
    }

    [Fact]
    public void An_unknown_hasher_in_the_list_is_a_startup_error_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new DjangoPasswordHasher(new DjangoPasswordHasherOptions { Hashers = ["django.contrib.auth.hashers.CryptPasswordHasher"] }));
        Assert.Contains("CryptPasswordHasher", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DjangoPasswordHasherOptions.DefaultIterations("2.2"));
    }

    private static string[]? Hashers(string list) =>
        Fixture["hasher_lists"]![list] is JsonValue v ? v.GetValue<string>().Split(',') : null;
}
