using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// <c>import</c> and <c>from … import</c>: library modules the evaluator models (<see cref="Modules"/>),
/// the other settings files given to the compiler, and everything else as unknown names.
/// </summary>
internal sealed partial class ModuleEvaluator
{
    private void ExecImport(ImportStmt i, EvalContext ctx)
    {
        foreach (var alias in i.Names)
        {
            string module = alias.Name;
            if (alias.AsName is null)
            {
                // "import os.path" binds "os".
                int dot = module.IndexOf('.');
                string top = dot < 0 ? module : module.Substring(0, dot);
                PyValue value = Modules.IsKnownModule(top) ? new PyOpaque("module", top) : UnknownModule(alias, top, module);
                BindPlain(top, value, alias.BoundNameSpan, i.Span, isImport: true, ctx);
            }
            else
            {
                PyValue value = Modules.IsKnownModule(module) ? new PyOpaque("module", module) : UnknownModule(alias, module, module);
                BindPlain(alias.AsName, value, alias.BoundNameSpan, i.Span, isImport: true, ctx);
            }
        }
    }

    private void ExecFromImport(FromImportStmt f, EvalContext ctx)
    {
        string display = new string('.', f.Level) + (f.Module ?? string.Empty);
        bool knownLibrary = f.Level == 0 && f.Module is not null && Modules.IsKnownModule(f.Module);
        if (!knownLibrary)
        {
            int target = _session.FindModule(f.Module, _index);
            if (target >= 0)
            {
                var module = _session.EvaluateModule(target);
                if (module is null)
                {
                    Report(ctx, DiagnosticDescriptors.ImportCycle, f.Span, display, EvaluationSession.FileName(_session.Files[target].Path));
                    return;
                }
                ImportFromSettingsModule(f, module, ctx);
                return;
            }
        }
        if (f.IsStar)
        {
            if (knownLibrary)
            {
                foreach (var (name, value) in Modules.StarExports(f.Module!)) BindPlain(name, value, f.ModuleSpan, f.Span, isImport: true, ctx);
                return;
            }
            Report(ctx, DiagnosticDescriptors.UnresolvedStarImport, f.Span, display);
            _unknownNames ??= new UnknownNames("'from " + display + " import *'", display, null);
            return;
        }
        SettingsDiagnostic? cause = null;
        foreach (var alias in f.Names)
        {
            PyValue? value = knownLibrary ? Modules.ImportName(f.Module!, alias.Name) : null;
            if (value is null)
            {
                if (knownLibrary && Modules.IsKnownModule(f.Module + "." + alias.Name)) value = new PyOpaque("module", f.Module + "." + alias.Name);
            }
            if (value is null)
            {
                // One explanation per statement, reported only if a needed setting uses a name from it.
                cause ??= SettingsDiagnostic.Create(DiagnosticDescriptors.UnknownImport, Loc(f.Span), knownLibrary ? f.Module + "." + alias.Name : display);
                value = new PyUnknown("'" + alias.Name + "' is imported from " + display + ", which is not evaluated")
                {
                    Cause = cause,
                    MissingModule = !knownLibrary && IsSettingsModuleName(f.Level, f.Module) ? display : null,
                };
            }
            BindPlain(alias.AsName ?? alias.Name, value with { Origin = Loc(alias.Span) }, alias.BoundNameSpan, f.Span, isImport: true, ctx);
        }
    }

    // An import the compiler does not model binds an unknown value; the explanation (DJS0016) is
    // reported only when a setting the application needs depends on it.
    private PyUnknown UnknownModule(ImportAlias alias, string bound, string module)
        => new("module '" + bound + "' is not evaluated") { Cause = SettingsDiagnostic.Create(DiagnosticDescriptors.UnknownImport, Loc(alias.Span), module) };

    /// <summary>
    /// Whether an import names another settings module of the project (relative, or a path through a
    /// <c>settings</c> package or a <c>local_settings</c>-style module) rather than a library.
    /// </summary>
    private static bool IsSettingsModuleName(int level, string? module)
        => level > 0 || (module ?? string.Empty).Split('.').Any(part => part.IndexOf("settings", System.StringComparison.OrdinalIgnoreCase) >= 0);

    private void ImportFromSettingsModule(FromImportStmt f, ModuleEvaluator module, EvalContext ctx)
    {
        if (f.IsStar)
        {
            foreach (var name in module.Scope.Names)
            {
                if (name.StartsWith("_", System.StringComparison.Ordinal)) continue;
                if (module.Scope.TryGet(name, out var b) && ctx.Locals is null) Scope.Set(name, b);
            }
            if (module._unknownNames is not null) _unknownNames ??= module._unknownNames;
            return;
        }
        foreach (var alias in f.Names)
        {
            if (module.Scope.TryGet(alias.Name, out var b))
            {
                if (ctx.Locals is null) Scope.Set(alias.AsName ?? alias.Name, b);
            }
            else
            {
                Error(ctx, alias.Span, "ImportError: cannot import name '" + alias.Name + "' from '" + EvaluationSession.FileName(module.Source.Path) + "'");
                BindPlain(alias.AsName ?? alias.Name, Unknown("import failed"), alias.BoundNameSpan, f.Span, isImport: false, ctx);
            }
        }
    }
}
