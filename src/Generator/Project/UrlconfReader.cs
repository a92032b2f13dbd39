using System;
using System.Linq;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// Finds the serializer the project's URLconf gives the obtain-pair view, which takes precedence
/// over <c>TOKEN_OBTAIN_SERIALIZER</c> in simplejwt: a route of the top-level <c>urlpatterns</c>
/// list (<c>path</c>, <c>re_path</c>, <c>url</c>) to <c>TokenObtainPairView.as_view(serializer_class=X)</c>,
/// or to a project subclass of it that sets <c>serializer_class = X</c>. Includes are not followed.
/// </summary>
internal static class UrlconfReader
{
    private const int MaxDepth = 8;

    /// <summary>simplejwt's obtain-pair view.</summary>
    internal const string PairView = "rest_framework_simplejwt.views.TokenObtainPairView";

    private static readonly string[] RouteFunctions = { "django.urls.path", "django.urls.re_path", "django.conf.urls.url" };

    /// <summary>The serializer class's dotted path and where the URLconf names it, or null.</summary>
    public static LocatedText? ObtainSerializer(PythonProject project, string urlconf)
    {
        var module = project.Module(urlconf);
        if (module is null || module.SyntaxErrors.Length > 0 || module.Constant("urlpatterns") is not SequenceExpr { Kind: SequenceKind.List or SequenceKind.Tuple } routes) return null;
        foreach (var route in routes.Elements)
        {
            if (route is not CallExpr { Arguments.Length: >= 2 } call || call.Arguments[1].Kind != CallArgumentKind.Positional) continue;
            if (project.Resolve(module, call.Function) is not { } function || !RouteFunctions.Contains(function.FullName, StringComparer.Ordinal)) continue;
            if (call.Arguments[1].Value is not CallExpr { Function: AttributeExpr { Name: "as_view", Object: var viewExpr } } asView) continue;
            if (project.Resolve(module, viewExpr) is not { } view) continue;
            var keyword = asView.Arguments.FirstOrDefault(a => a.Kind == CallArgumentKind.Keyword && a.Name == "serializer_class");
            if (view.FullName == PairView)
            {
                if (keyword is not null && Serializer(project, module, keyword.Value) is { } given) return given;
                continue;
            }
            if (view is not { Class: { } cls, Module: { } viewModule } || !DerivesFromPairView(project, viewModule, cls, 0)) continue;
            if (keyword is not null && Serializer(project, module, keyword.Value) is { } overridden) return overridden;
            var attribute = cls.Body.OfType<AssignStmt>().LastOrDefault(a => a.Targets.Length == 1 && a.Targets[0] is NameExpr { Name: "serializer_class" });
            if (attribute is not null && Serializer(project, viewModule, attribute.Value) is { } declared) return declared;
        }
        return null;
    }

    private static LocatedText? Serializer(PythonProject project, PythonModule module, Expr expression)
        => project.Resolve(module, expression) is { Class: not null } symbol ? new LocatedText(symbol.FullName, module.Location(expression.Span)) : null;

    private static bool DerivesFromPairView(PythonProject project, PythonModule module, ClassDefStmt cls, int depth)
    {
        if (depth > MaxDepth) return false;
        foreach (var b in cls.Bases.Where(b => b.Kind == CallArgumentKind.Positional))
        {
            var symbol = project.Resolve(module, b.Value);
            if (symbol?.FullName == PairView) return true;
            if (symbol is { Class: { } baseClass, Module: { } baseModule } && DerivesFromPairView(project, baseModule, baseClass, depth + 1)) return true;
        }
        return false;
    }
}
