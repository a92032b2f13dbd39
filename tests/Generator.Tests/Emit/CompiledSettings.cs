using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using DjangoSettings.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DjangoSettings.Generator.Tests.Emit;

/// <summary>Compiles generated code (with XML doc diagnostics on), loads it, and reads members by reflection.</summary>
internal sealed class CompiledSettings
{
    private readonly Assembly _assembly;
    private readonly string _className;

    private CompiledSettings(Assembly assembly, string className)
    {
        _assembly = assembly;
        _className = className;
    }

    /// <summary>Compiles <paramref name="source"/>; asserts there is no error or warning (CS1591 and CS1570 included).</summary>
    public static CompiledSettings Load(string source, string className)
    {
        var parse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, parse, path: "Generated.cs") },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        using var xml = new MemoryStream();
        var emit = compilation.Emit(pe, xmlDocumentationStream: xml);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(emit.Success);
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        pe.Position = 0;
        return new CompiledSettings(context.LoadFromStream(pe), className);
    }

    /// <summary>The outer class.</summary>
    public Type Outer => _assembly.GetTypes().Single(t => t.Name == _className && !t.IsNested);

    /// <summary>A nested group class (CorsGroup, SimpleJwtGroup, DjangoGroup).</summary>
    public Type Group(string name) => Outer.GetNestedType(name + "Group") ?? throw new InvalidOperationException("no group " + name);

    private Func<string, object?>? _resolver;

    /// <summary>Creates an instance through the generated constructor, as the runtime does; exceptions from it are unwrapped.</summary>
    public object Create(Func<string, object?>? deferredValues)
    {
        var constructor = Outer.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, new[] { typeof(Func<string, object?>) })
            ?? throw new InvalidOperationException("no constructor taking the deferred values");
        return Unwrap(() => constructor.Invoke(new object?[] { deferredValues }))!;
    }

    /// <summary>A member of a new instance made with the resolver set by <see cref="SetResolver"/> (none by default).</summary>
    public object? Get(string group, string member) => Get(Create(_resolver), group, member);

    /// <summary>A member of <paramref name="instance"/>: <c>instance.Group.Member</c>.</summary>
    public object? Get(object instance, string group, string member)
    {
        var groupProperty = Outer.GetProperty(group, BindingFlags.Public | BindingFlags.Instance) ?? throw new InvalidOperationException("no group property " + group);
        object groupValue = groupProperty.GetValue(instance)!;
        var property = Group(group).GetProperty(member, BindingFlags.Public | BindingFlags.Instance) ?? throw new InvalidOperationException("no member " + group + "." + member);
        return Unwrap(() => property.GetValue(groupValue));
    }

    /// <summary>A static member of the outer class (property or const field).</summary>
    public object? GetOuter(string member)
    {
        if (Outer.GetProperty(member, BindingFlags.Public | BindingFlags.Static) is { } property) return property.GetValue(null);
        return Outer.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) ?? throw new InvalidOperationException("no member " + member);
    }

    /// <summary>The deferred values later <see cref="Get(string, string)"/> calls create instances with.</summary>
    public void SetResolver(Func<string, object?> resolver) => _resolver = resolver;

    private static object? Unwrap(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
