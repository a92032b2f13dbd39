using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Evaluation.Library;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// Calls and attributes: arguments, lambdas, and the dispatch to the library that models a
/// function (<see cref="LibraryFunctions"/>, <see cref="Builtins"/>) or a method (<see cref="Methods"/>).
/// </summary>
internal sealed partial class ModuleEvaluator
{
    private const int MaxLambdaDepth = 24;

    private PyValue EvalCall(CallExpr c, EvalContext ctx)
    {
        var site = new Site(this, ctx, c);
        // open(path).read(): the file is read at startup, through the environment.
        if (c.Function is AttributeExpr { Name: "read" } read && read.Object is CallExpr { Function: NameExpr { Name: "open" } } open
            && !IsBoundName("open", ctx) && open.Arguments.Length > 0)
        {
            return FileReads.Read(site, Eval(open.Arguments[0].Value, ctx));
        }
        if (c.Function is AttributeExpr a)
        {
            var receiver = IsPlace(a.Object) ? EvalPlace(a.Object, ctx) : Eval(a.Object, ctx);
            var args = EvalArgs(c, ctx, out var failed);
            if (failed is not null) return failed;
            if (receiver is PyOpaque)
            {
                var callee = GetAttribute(site.At(a), receiver, a.Name);
                return CallValue(site, callee, args);
            }
            return CallMethod(site, a.Object, receiver, a.Name, args);
        }
        var fn = Eval(c.Function, ctx);
        var arguments = EvalArgs(c, ctx, out var fail);
        if (fail is not null) return fail;
        return CallValue(site, fn, arguments);
    }

    private bool IsBoundName(string name, EvalContext ctx) => (ctx.Locals is not null && ctx.Locals.TryGet(name, out _)) || Scope.TryGet(name, out _);

    private Args EvalArgs(CallExpr c, EvalContext ctx, out PyValue? failed)
    {
        failed = null;
        var args = new Args();
        foreach (var arg in c.Arguments)
        {
            var v = Eval(arg.Value, ctx);
            switch (arg.Kind)
            {
                case CallArgumentKind.Positional:
                    args.Positional.Add(v);
                    break;
                case CallArgumentKind.Keyword:
                    args.Keywords.Add(new KeyValuePair<string, PyValue>(arg.Name!, v));
                    break;
                case CallArgumentKind.Star:
                {
                    if (v is PyDeferred or PyUnknown)
                    {
                        failed = v is PyUnknown ? v : new PyDeferred(Text(c.Span), KeysOf(v), null, null) { Origin = Loc(c.Span) };
                        return args;
                    }
                    var items = Iterate(ctx, v, arg.Value);
                    if (items is null)
                    {
                        failed = Unknown("*args not iterable");
                        return args;
                    }
                    args.Positional.AddRange(items);
                    break;
                }
                case CallArgumentKind.DoubleStar:
                    if (v is PyDict d && d.Entries.All(e => e.Key is PyStr))
                    {
                        foreach (var e in d.Entries) args.Keywords.Add(new KeyValuePair<string, PyValue>(((PyStr)e.Key).Value, e.Value));
                    }
                    else if (v is PyDeferred)
                    {
                        failed = new PyDeferred(Text(c.Span), KeysOf(v), null, null) { Origin = Loc(c.Span) };
                        return args;
                    }
                    else
                    {
                        failed = v is PyUnknown ? v : Error(ctx, arg.Span, "TypeError: argument after ** must be a mapping with string keys");
                        return args;
                    }
                    break;
            }
        }
        return args;
    }

    /// <summary>Calls a function value with already evaluated arguments.</summary>
    internal PyValue CallValue(Site site, PyValue fn, Args args)
    {
        switch (fn)
        {
            case PyUnknown:
                return fn;
            case PyDeferred:
                return new PyUnknown("calls a value read from the environment");
            case PyOpaque o:
                return CallOpaque(site, o, args);
        }
        return site.Error("TypeError: '" + fn.TypeName + "' object is not callable");
    }

    internal PyValue CallWith(Site site, PyValue fn, params PyValue[] positional) => CallValue(site, fn, Args.Of(positional));

    private PyValue CallOpaque(Site site, PyOpaque o, Args args)
    {
        if (o.Kind == "function" && _session.Lambdas.TryGetValue(o.Name, out var lambda)) return CallLambda(site, lambda, args);

        // Objects the libraries model by id (Env(...), Csv(...)) and unbound methods (str.strip).
        var byKind = o.Kind switch
        {
            "environ.Env" or "environ.Env.method" => DjangoEnviron.CallObject(site, o, args),
            "decouple.Csv" => PythonDecouple.CallCsv(site, o, args),
            "method_descriptor" => CallMethodDescriptor(site, o, args),
            "function" when !o.Name.Contains('.') => site.CallNotEvaluated(o.Name, "'" + o.Name + "' is a function defined in this file; calls to it are not evaluated"),
            _ => null,
        };
        if (byKind is not null) return byKind;

        if (LibraryFunctions.TryGet(o.Name, out var function)) return function(site, args);
        if (o.Kind is "builtin_function_or_method" or "type" && !o.Name.Contains('.')) return Builtins.Call(site, o.Name, args);
        if (o.Kind is "type") return new PyUnknown("instances of '" + o.Name + "' are not evaluated") { Origin = site.Location };

        return site.CallNotEvaluated(o.Name);
    }

    // str.strip(x), dict.fromkeys(...): the first argument is the receiver.
    private PyValue CallMethodDescriptor(Site site, PyOpaque o, Args args)
    {
        int dot = o.Name.LastIndexOf('.');
        string type = o.Name.Substring(0, dot), method = o.Name.Substring(dot + 1);
        if (type == "dict" && method == "fromkeys") return Builtins.Call(site, "dict.fromkeys", args);
        if (args.Positional.Count == 0) return site.Error("TypeError: descriptor '" + method + "' of '" + type + "' object needs an argument");
        var rest = new Args();
        rest.Positional.AddRange(args.Positional.Skip(1));
        rest.Keywords.AddRange(args.Keywords);
        return CallMethod(site, null, args.Positional[0], method, rest);
    }

    private PyValue CallLambda(Site site, LambdaClosure lambda, Args args)
    {
        if (_session.LambdaDepth >= MaxLambdaDepth) return new PyUnknown("lambda recursion too deep");
        var scope = new LocalScope(lambda.Closure);
        var owner = lambda.Owner;
        // The body runs in the module that wrote the lambda (its locations), with the caller's
        // silence and defaults mode, and the lambda's own scope over the one it closes over.
        var ctx = site.Context.WithLocals(scope);
        int position = 0;
        foreach (var p in lambda.Syntax.Parameters)
        {
            switch (p.Kind)
            {
                case ParameterKind.Normal:
                {
                    var v = args.Keywords.FirstOrDefault(k => k.Key == p.Name).Value
                        ?? (position < args.Positional.Count ? args.Positional[position] : null);
                    position++;
                    if (v is null && p.Default is not null) v = owner.Eval(p.Default, OwnerDefaultContext(site, owner));
                    if (v is null) return site.Error("TypeError: <lambda>() missing required argument: '" + p.Name + "'");
                    scope.Vars[p.Name] = v;
                    break;
                }
                case ParameterKind.VarPositional:
                    scope.Vars[p.Name] = PyOps.Tuple(args.Positional.Skip(position));
                    position = args.Positional.Count;
                    break;
                case ParameterKind.VarKeyword:
                    scope.Vars[p.Name] = new PyDict(args.Keywords.Select(k => new PyDictEntry(new PyStr(k.Key), k.Value)).ToEquatableArray());
                    break;
            }
        }
        _session.LambdaDepth++;
        try
        {
            return owner.Eval(lambda.Syntax.Body, ctx);
        }
        finally
        {
            _session.LambdaDepth--;
        }
    }

    // A parameter default is evaluated where the call finds the owner: in the caller's context
    // when the lambda was written in this module, else at the owner's module level.
    private static EvalContext OwnerDefaultContext(Site site, ModuleEvaluator owner)
        => ReferenceEquals(owner, site.Module) ? site.Context : EvalContext.ModuleLevel;

    // ------------------------------------------------------------------------------------------
    // Attributes
    // ------------------------------------------------------------------------------------------

    internal PyValue GetAttribute(Site site, PyValue obj, string name)
    {
        switch (obj)
        {
            case PyUnknown:
                return obj;
            case PyDeferred:
                return site.Lift(new[] { obj }, (s, vs) => s.Module.GetAttribute(s, vs[0], name), null, deep: false);
            case PyOpaque { Kind: "module" } m:
            {
                var v = Modules.ImportName(m.Name, name);
                if (v is not null) return v;
                if (Modules.IsKnownModule(m.Name + "." + name)) return new PyOpaque("module", m.Name + "." + name);
                return new PyUnknown("'" + m.Name + "." + name + "' is not evaluated");
            }
            case PyOpaque { Name: "os.environ" }:
                return OsEnviron.Attribute(site, name);
            case PyOpaque { Kind: "type", Name: "environ.Env" }:
            case PyOpaque { Kind: "environ.Env" }:
                return DjangoEnviron.Attribute((PyOpaque)obj, name);
            case PyOpaque { Kind: "type" } t when t.Name is "str" or "list" or "dict" or "set" or "tuple" or "bytes" or "int":
                return new PyOpaque("method_descriptor", t.Name + "." + name);
            case PyOpaque { Kind: "type", Name: "pathlib.Path" }:
                return PathLib.ClassAttribute(site, name);
            case PyOpaque o:
                // A function, class or object the compiler knows by name only: Python may well have
                // the attribute, so this is a limit of the compiler, not an AttributeError.
                return site.NotEvaluated("the attribute '" + o.Name + "." + name + "'", "the settings compiler does not model " + o.Kind + " objects");
            case PyTimeDelta td:
                if (TimeDeltas.Attribute(td, name) is { } component) return component;
                break;
            case PyPath p:
                if (PathLib.Attribute(p, name) is { } part) return part;
                break;
            case PyPattern pattern:
                if (RegexModule.Attribute(pattern, name) is { } attribute) return attribute;
                break;
        }
        if (PythonNames.HasAttribute(obj.TypeName, name) == true)
        {
            return site.NotEvaluated("'" + obj.TypeName + "." + name + "' without a call", "the settings compiler evaluates the methods of values where they are called");
        }
        return site.Error("AttributeError: '" + obj.TypeName + "' object has no attribute '" + name + "'");
    }

    // ------------------------------------------------------------------------------------------
    // Methods of values
    // ------------------------------------------------------------------------------------------

    private PyValue CallMethod(Site site, Expr? place, PyValue receiver, string name, Args args)
    {
        if (receiver is PyUnknown) return receiver;
        bool mutating = Methods.IsMutating(name) && receiver is PyList or PyDict or PySet or PyDeferred;
        if (!mutating)
        {
            var operands = new List<PyValue> { receiver };
            operands.AddRange(args.All());
            return site.Lift(operands, (s, vs) => Methods.Call(s, vs[0], name, args.Rebuild(vs.Skip(1).ToList())).Result, Methods.ResultType(receiver, name), Methods.IsDeep(name));
        }

        // Mutations: compute the new receiver and the call's result, store the receiver back.
        PyValue result;
        PyValue newReceiver;
        bool argsDeferred = args.All().Any(v => v is PyDeferred) && name is "extend" or "update";
        if (receiver is PyDeferred || argsDeferred)
        {
            var operands = new List<PyValue> { receiver };
            operands.AddRange(args.All());
            newReceiver = site.Lift(operands, (s, vs) => Methods.Call(s, vs[0], name, args.Rebuild(vs.Skip(1).ToList())).NewReceiver ?? vs[0], PyOps.TypeOf(receiver), deep: false);
            result = Methods.ReturnsNone(name)
                ? new PyNone()
                : site.Lift(operands, (s, vs) => Methods.Call(s, vs[0], name, args.Rebuild(vs.Skip(1).ToList())).Result, null, deep: false);
        }
        else
        {
            var (r, n) = Methods.Call(site, receiver, name, args);
            result = r;
            newReceiver = n ?? receiver;
        }
        if (_session.Metrics.Excess(newReceiver) is string excess)
        {
            newReceiver = site.TooLarge(excess);
        }
        if (place is not null && IsPlace(place) && !ReferenceEquals(newReceiver, receiver))
        {
            if (newReceiver is not PyUnknown || receiver is not PyUnknown)
            {
                var stored = newReceiver.Origin is null ? newReceiver with { Origin = receiver.Origin, DefinedAt = receiver.DefinedAt } : newReceiver;
                Store(place, stored, site.Span, rebind: false, site.Context);
            }
        }
        return result;
    }
}
