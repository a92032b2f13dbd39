using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DjangoSettings.Runtime.Tests.Users;

/// <summary>One hash made by the real Django 3.2 (Fixtures/hashers/vectors.json, see generate_vectors.py).</summary>
public sealed record HashVector(string Hasher, string Password, string Encoded, string Wrong, string SamePrefix, bool SamePrefixVerifies, string Note);

/// <summary>Loads the recorded vectors.</summary>
public static class HashVectors
{
    private static readonly Lazy<IReadOnlyList<HashVector>> All = new(Load);

    /// <summary>Every vector, in file order.</summary>
    public static IReadOnlyList<HashVector> Vectors => All.Value;

    /// <summary>xunit rows: the index of each vector plus a readable label.</summary>
    public static IEnumerable<object[]> Indexes() =>
        Vectors.Select((v, i) => new object[] { i, v.Hasher + (v.Note.Length > 0 ? " " + v.Note : "") });

    private static IReadOnlyList<HashVector> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hashers", "vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("vectors").EnumerateArray().Select(v => new HashVector(
            v.GetProperty("hasher").GetString()!,
            v.GetProperty("password").GetString()!,
            v.GetProperty("encoded").GetString()!,
            v.GetProperty("wrong").GetString()!,
            v.GetProperty("same_prefix").GetString()!,
            v.GetProperty("same_prefix_verifies").GetBoolean(),
            v.GetProperty("note").GetString()!)).ToList();
    }
}
