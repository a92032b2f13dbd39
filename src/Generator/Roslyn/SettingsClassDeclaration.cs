using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>A class marked <c>[DjangoSettingsFile("...")]</c>, reduced to strings.</summary>
/// <param name="Namespace">Its namespace (empty: the global namespace).</param>
/// <param name="ClassName">Its name.</param>
/// <param name="FilePath">The attribute's path, as written (relative to the project directory).</param>
/// <param name="Problem">Why the generator cannot complete the class ("partial", "not static"...), or null.</param>
/// <param name="Location">The attribute, where diagnostics about the declaration point.</param>
internal sealed record SettingsClassDeclaration(string Namespace, string ClassName, string FilePath, string? Problem, CSharpLocation? Location)
{
    /// <summary>The attribute's full metadata name (it lives in DjangoSettings.Runtime).</summary>
    public const string AttributeName = "DjangoSettings.DjangoSettingsFileAttribute";

    /// <summary>Reads one declaration (called by <c>ForAttributeWithMetadataName</c>).</summary>
    public static SettingsClassDeclaration Read(GeneratorAttributeSyntaxContext context)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        string path = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string p ? p : string.Empty;
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        var location = CSharpLocation.From(attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? context.TargetNode.GetLocation());
        return new SettingsClassDeclaration(ns, type.Name, path, FindProblem(type, context.TargetNode), location);
    }

    private static string? FindProblem(INamedTypeSymbol type, SyntaxNode node)
    {
        if (node is ClassDeclarationSyntax syntax && !syntax.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword))) return "partial";
        if (type.IsStatic) return "not static";
        if (type.ContainingType is not null) return "declared at namespace level, not nested";
        if (type.IsGenericType) return "not generic";
        return null;
    }
}
