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
                if (!Modules.IsKnownModule(module)) Report(ctx, DiagnosticDescriptors.UnknownImport, alias.Span, module);
                BindPlain(top, Modules.IsKnownModule(top) ? new PyOpaque("module", top) : new PyUnknown("module '" + top + "' is not evaluated"), alias.BoundNameSpan, i.Span, isImport: true, ctx);
            }
            else
            {
                PyValue value;
                if (Modules.IsKnownModule(module)) value = new PyOpaque("module", module);
                else
                {
                    Report(ctx, DiagnosticDescriptors.UnknownImport, alias.Span, module);
                    value = new PyUnknown("module '" + module + "' is not evaluated");
                }
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
            _unresolvedStarImport ??= display;
            return;
        }
        bool reported = false;
        foreach (var alias in f.Names)
        {
            PyValue? value = knownLibrary ? Modules.ImportName(f.Module!, alias.Name) : null;
            if (value is null)
            {
                if (knownLibrary && Modules.IsKnownModule(f.Module + "." + alias.Name)) value = new PyOpaque("module", f.Module + "." + alias.Name);
            }
            if (value is null)
            {
                if (!reported)
                {
                    Report(ctx, DiagnosticDescriptors.UnknownImport, f.Span, knownLibrary ? f.Module + "." + alias.Name : display);
                    reported = true;
                }
                value = new PyUnknown("'" + alias.Name + "' is imported from " + display + ", which is not evaluated");
            }
            BindPlain(alias.AsName ?? alias.Name, value with { Origin = Loc(alias.Span) }, alias.BoundNameSpan, f.Span, isImport: true, ctx);
        }
    }

    private void ImportFromSettingsModule(FromImportStmt f, ModuleEvaluator module, EvalContext ctx)
    {
        if (f.IsStar)
        {
            foreach (var name in module.Scope.Names)
            {
                if (name.StartsWith("_", System.StringComparison.Ordinal)) continue;
                if (module.Scope.TryGet(name, out var b) && ctx.Locals is null) Scope.Set(name, b);
            }
            if (module._unresolvedStarImport is not null) _unresolvedStarImport ??= module._unresolvedStarImport;
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
