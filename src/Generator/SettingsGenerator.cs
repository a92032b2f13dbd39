using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Roslyn;
using DjangoSettings.Generator.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DjangoSettings.Generator;

/// <summary>
/// The Roslyn edge: finds the settings classes (<c>[DjangoSettingsFile]</c> declarations, or the
/// default for DjangoSettingsFile), selects their files from AdditionalFiles, runs the compiler core
/// and reports its diagnostics. Everything else lives in the core folders. Every step carries only
/// equatable strings and records, so edits to C# code leave the pipeline cached; nothing escapes
/// as an exception (that would be CS8785 and drop all output): failures become DJS0900.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SettingsGenerator : IIncrementalGenerator
{
    private readonly Func<IReadOnlyList<SettingsSource>, CompileOptions, CancellationToken, CompilationResult> _compile;

    /// <summary>Creates the generator over the real compiler core.</summary>
    public SettingsGenerator()
        : this(static (files, options, ct) => SettingsCompiler.Compile(files, options, ct))
    {
    }

    /// <summary>Test seam: the same pipeline over another compile function.</summary>
    internal SettingsGenerator(Func<IReadOnlyList<SettingsSource>, CompileOptions, CancellationToken, CompilationResult> compile)
        => _compile = compile;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var project = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => SettingsFileReader.ReadProjectOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.ProjectOptions);

        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(project)
            .Select(static (input, ct) => SafeRead(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.SettingsFiles)
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SelectedFiles)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.AllFiles);

        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                SettingsClassDeclaration.AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => SettingsClassDeclaration.Read(ctx))
            .WithTrackingName(TrackingNames.Declarations)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.AllDeclarations);

        // Only a bool leaves the compilation, so C# edits re-run this cheap step and nothing after it.
        var hasRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.ReferencedAssemblyNames.Any(a => a.Name == RuntimeAssemblyName))
            .WithTrackingName(TrackingNames.RuntimeReference);

        var plan = files
            .Combine(declarations)
            .Combine(project)
            .Combine(hasRuntime)
            .Select(static (input, _) => SafePlan(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Plan);

        var compiled = plan
            .SelectMany(static (p, _) => p.Units)
            .WithTrackingName(TrackingNames.Units)
            .Combine(hasRuntime)
            .Select((input, ct) => Compile(input.Left, input.Right, ct))
            .WithTrackingName(TrackingNames.Compiled);

        // Two outputs, as dotnet/runtime's generators do: a change that only moves a diagnostic
        // leaves the generated source step Unchanged.
        var sources = compiled
            .Select(static (c, _) => new GeneratedSourceFile(c.HintName, c.Source))
            .WithTrackingName(TrackingNames.Source);
        var diagnostics = compiled
            .Select(static (c, _) => new SettingsFileDiagnostics(c.Paths, c.Diagnostics))
            .WithTrackingName(TrackingNames.Diagnostics)
            .Collect();
        var planDiagnostics = plan
            .Select(static (p, _) => p.Diagnostics)
            .WithTrackingName(TrackingNames.PlanDiagnostics);

        // The Django project's Python files (models, apps), as plain strings: the project reading
        // step below depends on them and on the compiled classes' questions, never on C# edits.
        var pythonFiles = files
            .Select(static (all, _) => all
                .Where(f => f.Text is not null && f.FullPath.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
                .Select(f => new Project.ProjectFile(f.FullPath, f.Text!))
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.PythonFiles);
        var registeredModels = CSharpUserModelRegistrations.Provider(context);
        var projectModels = compiled
            .Where(static c => c.Project is not null)
            .Select(static (c, _) => c.Project!)
            .Combine(pythonFiles)
            .Combine(project)
            .Combine(registeredModels)
            .Select(static (input, ct) => SafeReadProject(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.ProjectModel);
        context.RegisterSourceOutput(projectModels, static (spc, result) =>
        {
            AddSource(spc, result.HintName, result.Source);
            AddSource(spc, result.ClaimsHintName, result.ClaimsSource);
            foreach (var diagnostic in result.Diagnostics) Report(spc, diagnostic, result.Paths);
        });

        // The simplejwt version the Django project's requirements pin (its own steps and outputs).
        SimpleJwtPinPipeline.Register(context, compiled, files, project);

        context.RegisterSourceOutput(sources, static (spc, file) =>
        {
            if (file.Source is null) return;
            try
            {
                spc.AddSource(file.HintName, file.Source);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(RoslynDiagnostics.Convert(InternalError(string.Empty, ex), EquatableArray<PathMapping>.Empty));
            }
        });
        context.RegisterSourceOutput(diagnostics, static (spc, all) =>
        {
            // Two classes may import the same base.py: report each of its findings once.
            var reported = new HashSet<(SettingsDiagnostic, string)>();
            foreach (var file in all)
            {
                foreach (var diagnostic in file.Diagnostics)
                {
                    if (!reported.Add((diagnostic, Mapped(diagnostic.Location.Path, file.Paths)))) continue;
                    Report(spc, diagnostic, file.Paths);
                }
            }
        });
        context.RegisterSourceOutput(planDiagnostics, static (spc, all) =>
        {
            foreach (var diagnostic in all) Report(spc, diagnostic, EquatableArray<PathMapping>.Empty);
        });
    }

    private static void AddSource(SourceProductionContext spc, string hintName, string? source)
    {
        if (source is null) return;
        try
        {
            spc.AddSource(hintName, source);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            spc.ReportDiagnostic(RoslynDiagnostics.Convert(InternalError(string.Empty, ex), EquatableArray<PathMapping>.Empty));
        }
    }

    private static void Report(SourceProductionContext spc, SettingsDiagnostic diagnostic, EquatableArray<PathMapping> paths)
    {
        try
        {
            spc.ReportDiagnostic(RoslynDiagnostics.Convert(diagnostic, paths));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A location Roslyn rejects must not cost the user the other diagnostics.
            spc.ReportDiagnostic(RoslynDiagnostics.Convert(InternalError(string.Empty, ex), paths));
        }
    }

    private static string Mapped(string path, EquatableArray<PathMapping> paths)
        => paths.FirstOrDefault(p => p.DisplayPath == path)?.FullPath ?? path;

    private static SettingsFileModel? SafeRead(AdditionalText file, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider provider, ProjectOptions project, CancellationToken ct)
    {
        try
        {
            return SettingsFileReader.Read(file, provider, project, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unreadable options or path: still a settings file candidate only if its name says so.
            string name = System.IO.Path.GetFileName(file.Path ?? string.Empty);
            return string.Equals(name, ProjectOptions.DefaultSettingsFile, StringComparison.OrdinalIgnoreCase)
                ? new SettingsFileModel(file.Path ?? name, name, null)
                : null;
        }
    }

    private static ProjectReadResult SafeReadProject(ProjectReadRequest request, EquatableArray<Project.ProjectFile> files, ProjectOptions options, EquatableArray<string> registered, CancellationToken ct)
    {
        try
        {
            var model = Project.ProjectReader.Read(request.Query, request.SettingsPath, options.DjangoProjectRoot, files, ct);
            string? source = model.UserModel is { } userModel ? Emit.UserModelEmitter.Emit(request.Namespace, request.ClassName, userModel) : null;
            // A model described in C# replaces the generated one: what the build could not read of the project does not matter.
            var diagnostics = CSharpUserModelRegistrations.Registers(registered, request.Query.AuthUserModel.Text)
                ? model.Diagnostics.Where(d => !CSharpUserModelRegistrations.MattersOnlyWithoutRegistration(d)).ToEquatableArray()
                : model.Diagnostics;
            string? claims = model.Claims is { } tokenClaims ? Emit.TokenClaimsEmitter.Emit(request.Namespace, request.ClassName, tokenClaims) : null;
            return new ProjectReadResult(request.HintName, source, request.Paths, diagnostics, TokenClaimsHintName(request.HintName), claims);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ProjectReadResult(request.HintName, null, request.Paths, EquatableArray.From(new[] { InternalError(request.SettingsPath, ex) }));
        }
    }

    private static ProjectPlan SafePlan(EquatableArray<SettingsFileModel> files, EquatableArray<SettingsClassDeclaration> declarations, ProjectOptions project, bool hasRuntime)
    {
        try
        {
            return SettingsPlanner.Plan(files, declarations, project, hasRuntime);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ProjectPlan(EquatableArray<SettingsUnit>.Empty, EquatableArray.From(new[] { InternalError(string.Empty, ex) }));
        }
    }

    /// <summary>The runtime library; when referenced, the ASP.NET Core wiring is generated too.</summary>
    internal const string RuntimeAssemblyName = "DjangoSettings.Runtime";

    private CompiledSettingsFile Compile(SettingsUnit unit, bool emitWiring, CancellationToken ct)
    {
        var files = unit.Imports.Where(f => f.Text is not null).Append(unit.Main).ToList();
        var paths = files.Select(f => new PathMapping(f.DisplayPath, f.FullPath)).ToEquatableArray();
        try
        {
            if (unit.Main.Text is null)
            {
                var unreadable = InternalError(unit.Main.DisplayPath, new InvalidOperationException("the file could not be read"));
                return new CompiledSettingsFile(unit.HintName, paths, null, EquatableArray.From(new[] { unreadable }));
            }
            var sources = files.Select(f => new SettingsSource(f.DisplayPath, f.Text!)).ToList();
            var result = _compile(sources, new CompileOptions(unit.Namespace, unit.ClassName, emitWiring, unit.IsDefault, unit.DeployChecks), ct);
            // A custom AUTH_USER_MODEL or TOKEN_OBTAIN_SERIALIZER is read from the project only for the wiring, which registers it.
            var query = emitWiring && result.Settings is { } bound && result.GeneratedSource is not null ? Project.ProjectQuery.From(bound) : null;
            var request = query is null ? null : new ProjectReadRequest(UserModelHintName(unit.HintName), unit.Namespace, unit.ClassName, unit.Main.FullPath, paths, query);
            var diagnostics = result.Diagnostics;
            if (query?.ObtainSerializer is not null)
            {
                // The project step translates the serializer and says how it went (DJS0520-DJS0524):
                // the file-only note that nothing is translated does not apply.
                diagnostics = diagnostics.Where(d => !(d.Id == DiagnosticDescriptors.CustomTokenObtainSerializer.Id && d.Message.StartsWith("TOKEN_OBTAIN_SERIALIZER ", StringComparison.Ordinal))).ToList();
            }
            var pin = emitWiring && result.GeneratedSource is not null
                ? new SimpleJwtPinRequest(SimpleJwtPinPipeline.HintName(unit.HintName), unit.Namespace, unit.ClassName, unit.Main.FullPath)
                : null;
            return new CompiledSettingsFile(unit.HintName, paths, result.GeneratedSource, diagnostics.ToEquatableArray(), request, pin);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CompiledSettingsFile(unit.HintName, paths, null, EquatableArray.From(new[] { InternalError(unit.Main.DisplayPath, ex) }));
        }
    }

    // MyApp.Settings.UserModel.g.cs -> MyApp.Settings.TokenClaims.g.cs
    private static string TokenClaimsHintName(string userModelHintName)
        => userModelHintName.EndsWith(".UserModel.g.cs", StringComparison.Ordinal)
            ? userModelHintName.Substring(0, userModelHintName.Length - ".UserModel.g.cs".Length) + ".TokenClaims.g.cs"
            : userModelHintName + ".TokenClaims.g.cs";

    // MyApp.Settings.g.cs -> MyApp.Settings.UserModel.g.cs
    private static string UserModelHintName(string hintName)
        => hintName.EndsWith(".g.cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 5) + ".UserModel.g.cs" : hintName + ".UserModel.g.cs";

    private static SettingsDiagnostic InternalError(string path, Exception ex)
        => SettingsDiagnostic.Create(DiagnosticDescriptors.InternalError, SourceLocation.None(path), ex.GetType().Name + ": " + ex.Message);
}
