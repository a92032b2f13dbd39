using System;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>
/// The user models the application registers by hand (<c>services.AddDjangoUserModel("users.Member", m => ...)</c>
/// or <c>AddDjangoUserModel(DjangoUserModel.Create("users.Member", ...))</c>), found syntactically: a
/// generator cannot follow runtime calls, but a call written in the project's C# is evidence enough
/// that the model is described there, so the build does not ask for the Django source (DJS0503) or
/// report what it could not read of it (DJS0505, DJS0506). Only label strings leave the syntax, so
/// C# edits leave the project reading cached.
/// </summary>
internal static class CSharpUserModelRegistrations
{
    /// <summary>A registration whose label is not a string literal: taken to be the project's model.</summary>
    public const string AnyLabel = "*";

    private const string MethodName = "AddDjangoUserModel";

    /// <summary>The labels registered in the compilation, sorted and distinct.</summary>
    public static IncrementalValueProvider<EquatableArray<string>> Provider(IncrementalGeneratorInitializationContext context)
        => context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => IsRegistration(node), static (ctx, _) => Label((InvocationExpressionSyntax)ctx.Node))
            .Collect()
            .Select(static (all, _) => all.Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.CSharpUserModels);

    /// <summary>Whether <paramref name="label"/> (AUTH_USER_MODEL) is registered in C#.</summary>
    public static bool Registers(EquatableArray<string> labels, string label)
        => labels.Any(l => l == AnyLabel || string.Equals(l, label, StringComparison.Ordinal));

    /// <summary>The findings that only matter when the generated model is what the application uses.</summary>
    public static bool MattersOnlyWithoutRegistration(SettingsDiagnostic diagnostic)
        => diagnostic.Descriptor.Id is "DJS0503" or "DJS0505" or "DJS0506";

    private static bool IsRegistration(SyntaxNode node)
        => node is InvocationExpressionSyntax invocation && invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == MethodName,
            IdentifierNameSyntax name => name.Identifier.ValueText == MethodName,
            _ => false,
        };

    private static string Label(InvocationExpressionSyntax invocation)
    {
        var first = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        // AddDjangoUserModel(DjangoUserModel.Create("users.Member", ...)): the label is Create's first argument.
        if (first is InvocationExpressionSyntax inner) first = inner.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        return first is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : AnyLabel;
    }
}
