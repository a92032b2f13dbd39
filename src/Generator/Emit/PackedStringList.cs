using System.Collections.Generic;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// A long list of strings (thousands of CORS_ALLOWED_ORIGINS entries) emitted as one string
/// literal split once at type initialization, instead of an array initializer with a literal per
/// item. The value is the same array; what changes is the cost of the build.
/// </summary>
/// <remarks>
/// Analyzers that every ASP.NET Core project runs look at each string literal: ASP.NET Core's
/// route-pattern analyzer (ASP0017/ASP0018) spent 26 s on 20,000 origin literals and 700 s on
/// 100,000 (measured, docs/benchmarks.md "Origin lists at scale"), while the compiler itself needs
/// a second. One literal is one inspection. The text still counts against the metadata limit on
/// user strings (16 MB, CS8103) exactly as the separate literals did.
/// </remarks>
internal static class PackedStringList
{
    /// <summary>Lists up to this length keep one literal per item (readable, and what snapshots show).</summary>
    public const int MaxSeparateLiterals = 256;

    // Tried in order; the first that no item contains joins them.
    private static readonly char[] Separators = { '\n', '\u001F', '\u0000' };

    /// <summary>
    /// <c>"a\nb\nc".Split('\n')</c> for a list longer than <see cref="MaxSeparateLiterals"/>; null
    /// when the list is short, or when every candidate separator occurs in some item.
    /// </summary>
    public static string? TryExpression(IReadOnlyList<string> items)
    {
        if (items.Count <= MaxSeparateLiterals) return null;
        foreach (char separator in Separators)
        {
            if (!AnyContains(items, separator))
                return CSharpLiteral.String(string.Join(separator.ToString(), items)) + ".Split(" + CharLiteral(separator) + ")";
        }
        return null;
    }

    private static bool AnyContains(IReadOnlyList<string> items, char c)
    {
        foreach (string item in items)
        {
            if (item.IndexOf(c) >= 0) return true;
        }
        return false;
    }

    private static string CharLiteral(char c) => c switch
    {
        '\n' => "'\\n'",
        '\0' => "'\\0'",
        _ => "'\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + "'",
    };
}
