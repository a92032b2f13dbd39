using System.Text;

namespace DjangoSettings.Generator.Emit;

/// <summary>Makes names from build properties safe to use as C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>A dotted namespace with every part a valid identifier (<c>My-App.Web</c> becomes <c>My_App.Web</c>); empty stays empty (global namespace).</summary>
    public static string Namespace(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return string.Empty;
        var parts = value!.Trim().Split('.');
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0) continue;
            if (sb.Length > 0) sb.Append('.');
            sb.Append(Identifier(part));
        }
        return sb.ToString();
    }

    /// <summary>An identifier: letters, digits and underscores, not starting with a digit, prefixed with <c>@</c> if it is a keyword.</summary>
    public static string Identifier(string value)
    {
        var sb = new StringBuilder(value.Length + 1);
        foreach (char c in value) sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        string id = sb.ToString();
        return IsKeyword(id) ? "@" + id : id;
    }

    private static bool IsKeyword(string id) => id is "abstract" or "as" or "base" or "bool" or "break" or "byte" or "case" or "catch" or "char" or "checked"
        or "class" or "const" or "continue" or "decimal" or "default" or "delegate" or "do" or "double" or "else" or "enum" or "event"
        or "explicit" or "extern" or "false" or "finally" or "fixed" or "float" or "for" or "foreach" or "goto" or "if" or "implicit"
        or "in" or "int" or "interface" or "internal" or "is" or "lock" or "long" or "namespace" or "new" or "null" or "object"
        or "operator" or "out" or "override" or "params" or "private" or "protected" or "public" or "readonly" or "ref" or "return"
        or "sbyte" or "sealed" or "short" or "sizeof" or "stackalloc" or "static" or "string" or "struct" or "switch" or "this"
        or "throw" or "true" or "try" or "typeof" or "uint" or "ulong" or "unchecked" or "unsafe" or "ushort" or "using" or "virtual"
        or "void" or "volatile" or "while" or "global";
}
