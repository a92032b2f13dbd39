namespace DjangoSettings.Generator;

/// <summary>How to compile a settings file.</summary>
/// <param name="Namespace">Namespace of the generated class (the consuming project's root namespace).</param>
/// <param name="ClassName">Name of the generated static class (<c>CorsSettings</c> for cors.settings).</param>
/// <param name="EmitRuntimeWiring">Also emit the ASP.NET Core wiring (<c>builder.AddCorsSettings()</c>); only when the project references DjangoSettings.Runtime.</param>
internal sealed record CompileOptions(string Namespace, string ClassName, bool EmitRuntimeWiring = false)
{
    /// <summary>The class name for a settings file: <c>cors.settings</c> -> <c>CorsSettings</c>, <c>settings.py</c> -> <c>DjangoSettings</c>, <c>prod.py</c> -> <c>ProdSettings</c>.</summary>
    public static string ClassNameFor(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        string stem = file;
        int dot = file.IndexOf('.');
        if (dot > 0) stem = file.Substring(0, dot);
        if (stem.Length == 0 || stem == "settings") return "DjangoSettings";
        var sb = new System.Text.StringBuilder();
        bool upper = true;
        foreach (char c in stem)
        {
            if (!char.IsLetterOrDigit(c)) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        string name = sb.ToString();
        return name.EndsWith("Settings", System.StringComparison.Ordinal) ? name : name + "Settings";
    }
}
