using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DjangoSettings.Generator.Project.Pins;

/// <summary>
/// A final release version as PEP 440 orders it (<c>5.3.1</c>; trailing zeros do not count, so
/// <c>5.3 == 5.3.0</c>). Pre-, post- and dev-releases and local labels are not parsed: no pin of
/// simplejwt needs them, and a version that has one is reported as not understood.
/// </summary>
internal sealed class PackageVersion : IComparable<PackageVersion>, IEquatable<PackageVersion>
{
    private PackageVersion(int[] parts) => Parts = parts;

    /// <summary>The release segments as written (<c>5.3</c> has two).</summary>
    public IReadOnlyList<int> Parts { get; }

    /// <summary>A three-part release.</summary>
    public static PackageVersion Release(int major, int minor, int patch) => new(new[] { major, minor, patch });

    /// <summary>Parses <c>N(.N)*</c> with an optional leading <c>v</c> (PEP 440 allows it); null otherwise.</summary>
    public static PackageVersion? Parse(string text)
    {
        string t = text.Trim();
        if (t.StartsWith("v", StringComparison.OrdinalIgnoreCase)) t = t.Substring(1);
        if (t.Length == 0) return null;
        var parts = new List<int>();
        foreach (string part in t.Split('.'))
        {
            if (part.Length == 0 || part.Length > 9 || !part.All(c => c >= '0' && c <= '9')) return null;
            parts.Add(int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture));
        }
        return new PackageVersion(parts.ToArray());
    }

    /// <summary>Segment <paramref name="i"/>, 0 past the end.</summary>
    public int At(int i) => i < Parts.Count ? Parts[i] : 0;

    /// <summary>Whether the first <paramref name="count"/> segments equal <paramref name="prefix"/>'s (<c>==5.3.*</c>).</summary>
    public bool StartsWith(PackageVersion prefix, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (At(i) != prefix.At(i)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(PackageVersion? other)
    {
        if (other is null) return 1;
        int n = Math.Max(Parts.Count, other.Parts.Count);
        for (int i = 0; i < n; i++)
        {
            int c = At(i).CompareTo(other.At(i));
            if (c != 0) return c;
        }
        return 0;
    }

    /// <inheritdoc />
    public bool Equals(PackageVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PackageVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (At(0) * 1000003) ^ (At(1) * 1009) ^ At(2);

    /// <inheritdoc />
    public override string ToString() => string.Join(".", Parts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
