using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Emit;
using Xunit;

namespace DjangoSettings.Generator.Tests.Emit;

/// <summary>
/// Long string lists (issue 16.4: 100,000 CORS origins) are emitted as one literal split at type
/// initialization; the list a program reads must be the same, item for item.
/// </summary>
public class PackedStringListTests
{
    private static IReadOnlyList<string> RoundTrip(IReadOnlyList<string> items, out string expression)
    {
        expression = CSharpLiteral.ReadOnlyStringList(items);
        string source = "/// <summary>C.</summary>\npublic static class C\n{\n    /// <summary>L.</summary>\n    public static global::System.Collections.Generic.IReadOnlyList<string> L { get; } = " + expression + ";\n}\n";
        var compiled = CompiledSettings.Load(source, "C");
        return (IReadOnlyList<string>)compiled.GetOuter("L")!;
    }

    private static List<string> Items(int count, string extra = "") =>
        Enumerable.Range(0, count).Select(i => $"https://customer{i}.example.com{extra}").ToList();

    [Fact]
    public void Up_to_the_limit_every_item_is_its_own_literal()
    {
        var items = Items(PackedStringList.MaxSeparateLiterals);
        Assert.Equal(items, RoundTrip(items, out string expression));
        Assert.StartsWith("global::System.Array.AsReadOnly(new string[] { ", expression, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_limit_the_items_are_one_literal_split_on_a_newline()
    {
        var items = Items(PackedStringList.MaxSeparateLiterals + 1);
        Assert.Equal(items, RoundTrip(items, out string expression));
        Assert.EndsWith(".Split('\\n'))", expression, System.StringComparison.Ordinal);
        Assert.Equal(2, expression.Count(c => c == '"'));
    }

    [Fact]
    public void Items_holding_the_separator_pick_another_and_any_text_round_trips()
    {
        var items = Items(300).Concat(((IEnumerable<object[]>)CSharpLiteralTests.Strings).Select(row => (string)row[0])).ToList();
        Assert.Contains(items, s => s.Contains('\n'));
        Assert.Contains(items, s => s.Contains('\0'));
        Assert.Equal(items, RoundTrip(items, out string expression));
        Assert.EndsWith(".Split('\\u001F'))", expression, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Items_holding_every_separator_fall_back_to_separate_literals()
    {
        var items = Items(300);
        items.Add("\n\u001F\0");
        Assert.Equal(items, RoundTrip(items, out string expression));
        Assert.StartsWith("global::System.Array.AsReadOnly(new string[] { ", expression, System.StringComparison.Ordinal);
    }
}
