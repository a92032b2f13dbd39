using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Syntax;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

internal sealed partial class ModuleEvaluator
{
    private const int MaxLambdaDepth = 24;

    /// <summary>Evaluated call arguments.</summary>
    private sealed class Args
    {
        public List<PyValue> Positional { get; } = new();

        public List<KeyValuePair<string, PyValue>> Keywords { get; } = new();

        public PyValue? Get(int position, string name)
        {
            foreach (var kv in Keywords) if (kv.Key == name) return kv.Value;
            return position >= 0 && position < Positional.Count ? Positional[position] : null;
        }

        public bool Has(string name) => Keywords.Any(k => k.Key == name);

        public List<PyValue> All()
        {
            var all = new List<PyValue>(Positional);
            all.AddRange(Keywords.Select(k => k.Value));
            return all;
        }

        public Args Rebuild(IReadOnlyList<PyValue> values)
        {
            var a = new Args();
            int i = 0;
            foreach (var _ in Positional) a.Positional.Add(values[i++]);
            foreach (var kv in Keywords) a.Keywords.Add(new KeyValuePair<string, PyValue>(kv.Key, values[i++]));
            return a;
        }
    }

    private PyValue EvalCall(CallExpr c)
    {
        // open(path).read(): the file is read at startup, through the environment.
        if (c.Function is AttributeExpr { Name: "read" } read && read.Object is CallExpr { Function: NameExpr { Name: "open" } } open
            && !IsBoundName("open") && open.Arguments.Length > 0)
        {
            return FileRead(c, Eval(open.Arguments[0].Value));
        }
        if (c.Function is AttributeExpr a)
        {
            var receiver = IsPlace(a.Object) ? EvalPlace(a.Object) : Eval(a.Object);
            var args = EvalArgs(c, out var failed);
            if (failed is not null) return failed;
            if (receiver is PyOpaque)
            {
                var callee = GetAttribute(a, receiver, a.Name);
                return CallValue(c, callee, args);
            }
            return CallMethod(c, a.Object, receiver, a.Name, args);
        }
        var fn = Eval(c.Function);
        var arguments = EvalArgs(c, out var fail);
        if (fail is not null) return fail;
        return CallValue(c, fn, arguments);
    }

    private bool IsBoundName(string name) => (_locals is not null && _locals.TryGet(name, out _)) || Scope.TryGet(name, out _);

    private Args EvalArgs(CallExpr c, out PyValue? failed)
    {
        failed = null;
        var args = new Args();
        foreach (var arg in c.Arguments)
        {
            var v = Eval(arg.Value);
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
                    var items = Iterate(v, arg.Value);
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
                        failed = v is PyUnknown ? v : Error(arg.Span, "TypeError: argument after ** must be a mapping with string keys");
                        return args;
                    }
                    break;
            }
        }
        return args;
    }

    private static EquatableArray<string> KeysOf(PyValue v)
    {
        var keys = new List<string>();
        PyOps.CollectKeys(v, keys);
        return keys.ToEquatableArray();
    }

    /// <summary>Calls a function value with already evaluated arguments.</summary>
    private PyValue CallValue(CallExpr c, PyValue fn, Args args)
    {
        switch (fn)
        {
            case PyUnknown:
                return fn;
            case PyDeferred:
                return new PyUnknown("calls a value read from the environment");
            case PyOpaque o:
                return CallOpaque(c, o, args);
        }
        return Error(c.Span, "TypeError: '" + fn.TypeName + "' object is not callable");
    }

    private PyValue CallWith(CallExpr c, PyValue fn, params PyValue[] positional)
    {
        var args = new Args();
        args.Positional.AddRange(positional);
        return CallValue(c, fn, args);
    }

    private PyValue CallOpaque(CallExpr c, PyOpaque o, Args args)
    {
        if (o.Kind == "function" && _session.Lambdas.TryGetValue(o.Name, out var lambda)) return CallLambda(c, lambda, args);
        switch (o.Kind)
        {
            case "environ.Env" when _session.EnvironObjects.ContainsKey(o.Name):
                return EnvironCall(c, o.Name, null, args);
            case "environ.Env.method":
            {
                int dot = o.Name.LastIndexOf('.');
                return EnvironCall(c, o.Name.Substring(0, dot), o.Name.Substring(dot + 1), args);
            }
            case "decouple.Csv" when _session.CsvObjects.TryGetValue(o.Name, out var csv):
            {
                var value = args.Get(0, "value") ?? new PyStr(string.Empty);
                return Lift(c, new[] { value }, vs => CsvApply(c, csv, vs[0]), csv.Tuple ? "tuple" : "list", deep: false);
            }
            case "method_descriptor":
            {
                // str.strip(x), dict.fromkeys(...): the first argument is the receiver.
                int dot = o.Name.IndexOf('.');
                string type = o.Name.Substring(0, dot), method = o.Name.Substring(dot + 1);
                if (type == "dict" && method == "fromkeys") return Builtin(c, "dict.fromkeys", args);
                if (args.Positional.Count == 0) return Error(c.Span, "TypeError: descriptor '" + method + "' of '" + type + "' object needs an argument");
                var rest = new Args();
                rest.Positional.AddRange(args.Positional.Skip(1));
                rest.Keywords.AddRange(args.Keywords);
                return CallMethod(c, null, args.Positional[0], method, rest);
            }
            case "function" when !o.Name.Contains('.'):
                return new PyUnknown("'" + o.Name + "' is a function defined in this file; calls to it are not evaluated") { Origin = Loc(c.Span) };
        }

        switch (o.Name)
        {
            case "os.getenv":
            case "os.environ.get":
            case "os.environ.setdefault":
            {
                var key = args.Get(0, "key") ?? new PyNone();
                var def = args.Get(1, o.Name == "os.environ.setdefault" ? "value" : "default") ?? new PyNone();
                string? type = PyOps.TypeOf(def) == "str" ? "str" : null;
                return EnvRead(c, key, def, type, castDefault: false, cast: null, api: o.Name);
            }
            case "decouple.config":
                return DecoupleConfig(c, args);
            case "decouple.Csv":
            {
                string id = _session.NewId("Csv");
                var delimiter = args.Get(1, "delimiter") as PyStr;
                var post = args.Get(3, "post_process");
                _session.CsvObjects[id] = new CsvCast(delimiter?.Value ?? ",", args.Get(0, "cast"), post is PyOpaque { Name: "tuple" });
                return new PyOpaque("decouple.Csv", id);
            }
            case "decouple.AutoConfig":
                return new PyOpaque("function", "decouple.config");
            case "environ.Env":
                return MakeEnviron(c, args);
            case "environ.Env.read_env":
                return new PyNone();
            case "datetime.timedelta":
                return Lift(c, args.All(), vs => MakeTimeDelta(c, args.Rebuild(vs)), "timedelta");
            case "re.compile":
                return Lift(c, args.All(), vs => Compile(c, args.Rebuild(vs)), "re.Pattern");
            case "pathlib.Path":
                return Lift(c, args.All(), vs => MakePath(c, args.Rebuild(vs)), "PosixPath", deep: false);
        }
        if (o.Name.StartsWith("os.path.", StringComparison.Ordinal)) return OsPath(c, o.Name.Substring(8), args);
        if (o.Kind is "builtin_function_or_method" or "type" && !o.Name.Contains('.')) return Builtin(c, o.Name, args);
        if (o.Kind is "type") return new PyUnknown("instances of '" + o.Name + "' are not evaluated") { Origin = Loc(c.Span) };

        Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, o.Name);
        return new PyUnknown("call to '" + o.Name + "' is not evaluated") { Origin = Loc(c.Span) };
    }

    private PyValue CallLambda(CallExpr c, LambdaClosure lambda, Args args)
    {
        if (_session.LambdaDepth >= MaxLambdaDepth) return new PyUnknown("lambda recursion too deep");
        var scope = new LocalScope(lambda.Closure);
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
                    if (v is null && p.Default is not null) v = lambda.Owner.Eval(p.Default);
                    if (v is null) return Error(c.Span, "TypeError: <lambda>() missing required argument: '" + p.Name + "'");
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
        var owner = lambda.Owner;
        var saved = owner._locals;
        int silence = ReferenceEquals(owner, this) ? 0 : _silent;
        bool defaults = owner._defaultsMode;
        owner._locals = scope;
        owner._silent += silence;
        owner._defaultsMode = _defaultsMode;
        _session.LambdaDepth++;
        try
        {
            return owner.Eval(lambda.Syntax.Body);
        }
        finally
        {
            _session.LambdaDepth--;
            owner._defaultsMode = defaults;
            owner._silent -= silence;
            owner._locals = saved;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Attributes
    // ------------------------------------------------------------------------------------------

    private PyValue GetAttribute(PySyntaxNode node, PyValue obj, string name)
    {
        switch (obj)
        {
            case PyUnknown:
                return obj;
            case PyDeferred:
                return Lift(node, new[] { obj }, vs => GetAttribute(node, vs[0], name), null, deep: false);
            case PyOpaque { Kind: "module" } m:
            {
                var v = Modules.ImportName(m.Name, name);
                if (v is not null) return v;
                if (Modules.IsKnownModule(m.Name + "." + name)) return new PyOpaque("module", m.Name + "." + name);
                return new PyUnknown("'" + m.Name + "." + name + "' is not evaluated");
            }
            case PyOpaque { Name: "os.environ" }:
                if (name is "get" or "setdefault") return Modules.Function("os.environ." + name);
                return new PyUnknown("'os.environ." + name + "' is not evaluated");
            case PyOpaque { Kind: "type", Name: "environ.Env" }:
                if (name == "read_env") return Modules.Function("environ.Env.read_env");
                return new PyUnknown("'environ.Env." + name + "' is not evaluated");
            case PyOpaque { Kind: "environ.Env" } env:
                return new PyOpaque("environ.Env.method", env.Name + "." + name);
            case PyOpaque { Kind: "type" } t when t.Name is "str" or "list" or "dict" or "set" or "tuple" or "bytes" or "int":
                return new PyOpaque("method_descriptor", t.Name + "." + name);
            case PyTimeDelta td:
                switch (name)
                {
                    case "days": return new PyInt(PyOps.FloorDiv(td.Microseconds, 86_400_000_000L));
                    case "seconds": return new PyInt(PyOps.FloorMod(td.Microseconds, 86_400_000_000L) / 1_000_000);
                    case "microseconds": return new PyInt(PyOps.FloorMod(td.Microseconds, 1_000_000));
                }
                break;
            case PyPath p:
                switch (name)
                {
                    case "parent": return PathParent(p);
                    case "name": return new PyStr(PathName(p));
                    case "stem":
                    {
                        var n = PathName(p);
                        int dot = n.LastIndexOf('.');
                        return new PyStr(dot > 0 ? n.Substring(0, dot) : n);
                    }
                    case "suffix":
                    {
                        var n = PathName(p);
                        int dot = n.LastIndexOf('.');
                        return new PyStr(dot > 0 ? n.Substring(dot) : string.Empty);
                    }
                }
                break;
            case PyPattern pattern:
                if (name == "pattern") return new PyStr(pattern.Pattern);
                if (name == "flags") return new PyInt(pattern.IgnoreCase ? 34 : 32);
                break;
        }
        return Error(node.Span, "AttributeError: '" + obj.TypeName + "' object has no attribute '" + name + "'");
    }

    // ------------------------------------------------------------------------------------------
    // Methods of values
    // ------------------------------------------------------------------------------------------

    private static readonly HashSet<string> MutatingMethods = new()
    {
        "append", "extend", "insert", "remove", "pop", "sort", "reverse", "clear", "update", "setdefault", "add", "discard",
    };

    private PyValue CallMethod(CallExpr c, Expr? place, PyValue receiver, string name, Args args)
    {
        if (receiver is PyUnknown) return receiver;
        bool mutating = MutatingMethods.Contains(name) && receiver is PyList or PyDict or PySet or PyDeferred;
        if (!mutating)
        {
            bool deep = name is "join" or "index" or "count" or "format" or "startswith" or "endswith" or "split" or "rsplit" or "replace" or "strip" or "lstrip" or "rstrip" or "get";
            var operands = new List<PyValue> { receiver };
            operands.AddRange(args.All());
            return Lift(c, operands, vs => Method(c, vs[0], name, args.Rebuild(vs.Skip(1).ToList())).Result, MethodResultType(receiver, name), deep);
        }

        // Mutations: compute the new receiver and the call's result, store the receiver back.
        PyValue result;
        PyValue newReceiver;
        bool argsDeferred = args.All().Any(v => v is PyDeferred) && name is "extend" or "update";
        if (receiver is PyDeferred || argsDeferred)
        {
            var operands = new List<PyValue> { receiver };
            operands.AddRange(args.All());
            newReceiver = Lift(c, operands, vs => Method(c, vs[0], name, args.Rebuild(vs.Skip(1).ToList())).NewReceiver ?? vs[0], PyOps.TypeOf(receiver), deep: false);
            result = name is "append" or "extend" or "insert" or "update" or "sort" or "reverse" or "clear" or "add" or "discard" or "remove"
                ? new PyNone()
                : Lift(c, operands, vs => Method(c, vs[0], name, args.Rebuild(vs.Skip(1).ToList())).Result, null, deep: false);
        }
        else
        {
            var (r, n) = Method(c, receiver, name, args);
            result = r;
            newReceiver = n ?? receiver;
        }
        if (_session.Metrics.Excess(newReceiver) is string excess)
        {
            newReceiver = TooLarge(c.Span, excess);
        }
        if (place is not null && IsPlace(place) && !ReferenceEquals(newReceiver, receiver))
        {
            if (newReceiver is not PyUnknown || receiver is not PyUnknown)
            {
                var stored = newReceiver.Origin is null ? newReceiver with { Origin = receiver.Origin, DefinedAt = receiver.DefinedAt } : newReceiver;
                Store(place, stored, c.Span, rebind: false);
            }
        }
        return result;
    }

    private static string? MethodResultType(PyValue receiver, string name)
    {
        string? type = PyOps.TypeOf(receiver);
        switch (name)
        {
            case "split":
            case "rsplit":
            case "splitlines":
                return type is "str" or null ? "list" : null;
            case "strip":
            case "lstrip":
            case "rstrip":
            case "lower":
            case "upper":
            case "replace":
            case "title":
            case "capitalize":
            case "casefold":
            case "format":
            case "join":
            case "removeprefix":
            case "removesuffix":
                return type is "str" or null ? "str" : null;
            case "startswith":
            case "endswith":
            case "isdigit":
            case "isalpha":
            case "exists":
            case "is_file":
            case "is_dir":
                return "bool";
            case "read_text":
                return "str";
            case "total_seconds":
                return "float";
        }
        return null;
    }

    /// <summary>A method on a known value: its result and, for mutating methods, the receiver after the call.</summary>
    private (PyValue Result, PyValue? NewReceiver) Method(CallExpr c, PyValue receiver, string name, Args args)
    {
        switch (receiver)
        {
            case PyStr s:
                return (StrMethod(c, s.Value, name, args), null);
            case PyList l:
                return ListMethod(c, l, name, args);
            case PyTuple t:
                if (name is "index" or "count") return (SequenceSearch(c, t.Items, name, args), null);
                break;
            case PyDict d:
                return DictMethod(c, d, name, args);
            case PySet set:
                return SetMethod(c, set, name, args);
            case PyBytes b:
                if (name == "decode") return (new PyStr(Encoding.UTF8.GetString(b.Latin1.Select(ch => (byte)ch).ToArray())), null);
                break;
            case PyTimeDelta td:
                if (name == "total_seconds") return (new PyFloat(td.Microseconds / 1e6), null);
                break;
            case PyPath p:
                return (PathMethod(c, p, name, args), null);
            case PyPattern:
                Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, "re.Pattern." + name);
                return (new PyUnknown("regular expression matching is not evaluated"), null);
            case PyUnknown:
                return (receiver, null);
        }
        return (Error(c.Span, "AttributeError: '" + receiver.TypeName + "' object has no attribute '" + name + "'"), null);
    }

    private PyValue StrMethod(CallExpr c, string s, string name, Args args)
    {
        switch (name)
        {
            case "split":
            case "rsplit":
            {
                var sep = args.Get(0, "sep");
                var max = args.Get(1, "maxsplit");
                long maxsplit = max is null || max is PyNone ? -1 : PyOps.IsInteger(max) ? PyOps.AsLong(max) : -2;
                if (maxsplit == -2) return Error(c.Span, "TypeError: 'maxsplit' must be an integer");
                if (sep is null || sep is PyNone) return PyOps.List(SplitWhitespace(s, maxsplit, name == "rsplit").Select(x => (PyValue)new PyStr(x)));
                if (sep is not PyStr ss) return Error(c.Span, "TypeError: must be str or None, not " + sep.TypeName);
                if (ss.Value.Length == 0) return Error(c.Span, "ValueError: empty separator");
                return PyOps.List(SplitOn(s, ss.Value, maxsplit, name == "rsplit").Select(x => (PyValue)new PyStr(x)));
            }
            case "strip":
            case "lstrip":
            case "rstrip":
            {
                var chars = args.Get(0, "chars");
                if (chars is not null && chars is not PyNone && chars is not PyStr) return Error(c.Span, "TypeError: " + name + " arg must be None or str");
                string? set = (chars as PyStr)?.Value;
                int start = 0, end = s.Length;
                bool Strip(char ch) => set is null ? char.IsWhiteSpace(ch) : set.IndexOf(ch) >= 0;
                if (name != "rstrip") while (start < end && Strip(s[start])) start++;
                if (name != "lstrip") while (end > start && Strip(s[end - 1])) end--;
                return new PyStr(s.Substring(start, end - start));
            }
            case "lower": return new PyStr(s.ToLowerInvariant());
            case "upper": return new PyStr(s.ToUpperInvariant());
            case "casefold": return new PyStr(s.ToLowerInvariant());
            case "capitalize": return new PyStr(s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1).ToLowerInvariant());
            case "title":
            {
                var sb = new StringBuilder(s.Length);
                bool prevLetter = false;
                foreach (char ch in s)
                {
                    sb.Append(prevLetter ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch));
                    prevLetter = char.IsLetter(ch);
                }
                return new PyStr(sb.ToString());
            }
            case "replace":
            {
                if (args.Get(0, "old") is not PyStr oldValue || args.Get(1, "new") is not PyStr newValue) return Error(c.Span, "TypeError: replace() arguments must be str");
                var countArg = args.Get(2, "count");
                long count = countArg is null ? -1 : PyOps.AsLong(countArg);
                if (oldValue.Value.Length == 0) return count < 0 ? new PyStr(s) : new PyStr(s);
                var sb = new StringBuilder();
                int pos = 0;
                long done = 0;
                while (count < 0 || done < count)
                {
                    int idx = s.IndexOf(oldValue.Value, pos, StringComparison.Ordinal);
                    if (idx < 0) break;
                    sb.Append(s, pos, idx - pos).Append(newValue.Value);
                    pos = idx + oldValue.Value.Length;
                    done++;
                    if (sb.Length > EvaluationSession.MaxStringLength) return TooLarge(c.Span, "string");
                }
                sb.Append(s, pos, s.Length - pos);
                return new PyStr(sb.ToString());
            }
            case "startswith":
            case "endswith":
            {
                var arg = args.Get(0, "prefix");
                IEnumerable<PyValue> options = arg is PyTuple t ? t.Items : arg is null ? Array.Empty<PyValue>() : new[] { arg };
                bool any = false;
                foreach (var opt in options)
                {
                    if (opt is not PyStr o) return Error(c.Span, "TypeError: " + name + " first arg must be str or a tuple of str, not " + opt.TypeName);
                    if (name == "startswith" ? s.StartsWith(o.Value, StringComparison.Ordinal) : s.EndsWith(o.Value, StringComparison.Ordinal)) any = true;
                }
                return new PyBool(any);
            }
            case "join":
            {
                var iterable = args.Get(0, "iterable");
                if (iterable is null) return Error(c.Span, "TypeError: join() takes exactly one argument (0 given)");
                var items = Iterate(iterable, c);
                if (items is null) return Unknown("not iterable");
                var sb = new StringBuilder();
                for (int i = 0; i < items.Count; i++)
                {
                    if (items[i] is not PyStr item) return Error(c.Span, "TypeError: sequence item " + i + ": expected str instance, " + items[i].TypeName + " found");
                    if (i > 0) sb.Append(s);
                    sb.Append(item.Value);
                    if (sb.Length > EvaluationSession.MaxStringLength) return TooLarge(c.Span, "string");
                }
                return new PyStr(sb.ToString());
            }
            case "format":
            {
                var kw = args.Keywords.ToDictionary(k => k.Key, k => k.Value);
                var text = PyFormat.StrFormat(s, args.Positional, kw, out var error);
                return text is null ? Error(c.Span, "ValueError: " + error) : new PyStr(text);
            }
            case "splitlines":
                return PyOps.List(s.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select((x, i) => (x, i)).Where(p => !(p.i > 0 && p.x.Length == 0 && p.i == s.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Length - 1)).Select(p => (PyValue)new PyStr(p.x)));
            case "removeprefix":
                return args.Get(0, "prefix") is PyStr pre && s.StartsWith(pre.Value, StringComparison.Ordinal) ? new PyStr(s.Substring(pre.Value.Length)) : new PyStr(s);
            case "removesuffix":
                return args.Get(0, "suffix") is PyStr suf && suf.Value.Length > 0 && s.EndsWith(suf.Value, StringComparison.Ordinal) ? new PyStr(s.Substring(0, s.Length - suf.Value.Length)) : new PyStr(s);
            case "find":
                return args.Get(0, "sub") is PyStr f ? new PyInt(s.IndexOf(f.Value, StringComparison.Ordinal)) : Error(c.Span, "TypeError: must be str");
            case "count":
            {
                if (args.Get(0, "sub") is not PyStr sub) return Error(c.Span, "TypeError: must be str");
                if (sub.Value.Length == 0) return new PyInt(s.Length + 1);
                int n = 0, pos = 0;
                while ((pos = s.IndexOf(sub.Value, pos, StringComparison.Ordinal)) >= 0)
                {
                    n++;
                    pos += sub.Value.Length;
                }
                return new PyInt(n);
            }
            case "isdigit": return new PyBool(s.Length > 0 && s.All(char.IsDigit));
            case "isalpha": return new PyBool(s.Length > 0 && s.All(char.IsLetter));
            case "isalnum": return new PyBool(s.Length > 0 && s.All(char.IsLetterOrDigit));
            case "isspace": return new PyBool(s.Length > 0 && s.All(char.IsWhiteSpace));
            case "islower": return new PyBool(s.Any(char.IsLetter) && !s.Any(char.IsUpper));
            case "isupper": return new PyBool(s.Any(char.IsLetter) && !s.Any(char.IsLower));
            case "encode": return new PyBytes(new string(Encoding.UTF8.GetBytes(s).Select(b => (char)b).ToArray()));
            case "zfill":
            {
                long width = args.Get(0, "width") is PyValue w && PyOps.IsInteger(w) ? Math.Min(PyOps.AsLong(w), EvaluationSession.MaxStringLength) : 0;
                if (s.Length >= width) return new PyStr(s);
                int signLen = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
                return new PyStr(s.Substring(0, signLen) + new string('0', (int)width - s.Length) + s.Substring(signLen));
            }
        }
        Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, "str." + name);
        return new PyUnknown("str." + name + " is not evaluated");
    }

    private static IEnumerable<string> SplitWhitespace(string s, long maxsplit, bool fromRight)
    {
        var parts = new List<string>();
        if (!fromRight)
        {
            int i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i >= s.Length) break;
                if (maxsplit >= 0 && parts.Count == maxsplit)
                {
                    int end = s.Length;
                    while (end > i && char.IsWhiteSpace(s[end - 1])) end--;
                    parts.Add(s.Substring(i, end - i));
                    return parts;
                }
                int start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i])) i++;
                parts.Add(s.Substring(start, i - start));
            }
            return parts;
        }
        int j = s.Length;
        while (j > 0)
        {
            while (j > 0 && char.IsWhiteSpace(s[j - 1])) j--;
            if (j <= 0) break;
            if (maxsplit >= 0 && parts.Count == maxsplit)
            {
                int begin = 0;
                while (begin < j && char.IsWhiteSpace(s[begin])) begin++;
                parts.Add(s.Substring(begin, j - begin));
                break;
            }
            int stop = j;
            while (j > 0 && !char.IsWhiteSpace(s[j - 1])) j--;
            parts.Add(s.Substring(j, stop - j));
        }
        parts.Reverse();
        return parts;
    }

    private static IEnumerable<string> SplitOn(string s, string sep, long maxsplit, bool fromRight)
    {
        var parts = new List<string>();
        if (!fromRight)
        {
            int pos = 0;
            while (maxsplit < 0 || parts.Count < maxsplit)
            {
                int idx = s.IndexOf(sep, pos, StringComparison.Ordinal);
                if (idx < 0) break;
                parts.Add(s.Substring(pos, idx - pos));
                pos = idx + sep.Length;
            }
            parts.Add(s.Substring(pos));
            return parts;
        }
        int end = s.Length;
        while (maxsplit < 0 || parts.Count < maxsplit)
        {
            if (end - sep.Length < 0) break;
            int idx = s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
            if (idx < 0) break;
            parts.Add(s.Substring(idx + sep.Length, end - idx - sep.Length));
            end = idx;
        }
        parts.Add(s.Substring(0, end));
        parts.Reverse();
        return parts;
    }

    private PyValue SequenceSearch(CallExpr c, EquatableArray<PyValue> items, string name, Args args)
    {
        var value = args.Get(0, "value");
        if (value is null) return Error(c.Span, "TypeError: " + name + "() takes exactly one argument (0 given)");
        if (name == "count") return new PyInt(items.Count(x => PyOps.ValueEquals(x, value)));
        for (int i = 0; i < items.Count; i++) if (PyOps.ValueEquals(items[i], value)) return new PyInt(i);
        return Error(c.Span, "ValueError: " + PyOps.Repr(value) + " is not in list");
    }

    private (PyValue, PyValue?) ListMethod(CallExpr c, PyList l, string name, Args args)
    {
        var items = l.Items;
        PyList Make(IEnumerable<PyValue> xs) => PyOps.List(xs) with { Origin = l.Origin, DefinedAt = l.DefinedAt };
        switch (name)
        {
            case "append":
            {
                var v = args.Get(0, "object");
                if (v is null) return (Error(c.Span, "TypeError: append() takes exactly one argument (0 given)"), null);
                if (items.Count + 1 > EvaluationSession.MaxCollectionSize) return (TooLarge(c.Span, "list"), null);
                return (new PyNone(), Make(items.Concat(new[] { v })));
            }
            case "extend":
            {
                var v = args.Get(0, "iterable");
                if (v is null) return (Error(c.Span, "TypeError: extend() takes exactly one argument (0 given)"), null);
                var more = Iterate(v, c);
                if (more is null) return (new PyNone(), new PyUnknown("extended with an unknown value"));
                if (items.Count + more.Count > EvaluationSession.MaxCollectionSize) return (TooLarge(c.Span, "list"), null);
                return (new PyNone(), Make(items.Concat(more)));
            }
            case "insert":
            {
                var index = args.Get(0, "index");
                var v = args.Get(1, "object");
                if (index is null || v is null || !PyOps.IsInteger(index)) return (Error(c.Span, "TypeError: insert expected 2 arguments (index, object)"), null);
                long i = PyOps.AsLong(index);
                if (i < 0) i = Math.Max(0, i + items.Count);
                i = Math.Min(i, items.Count);
                var list = items.ToList();
                list.Insert((int)i, v);
                return (new PyNone(), Make(list));
            }
            case "remove":
            {
                var v = args.Get(0, "value");
                var list = items.ToList();
                int idx = v is null ? -1 : list.FindIndex(x => PyOps.ValueEquals(x, v));
                if (idx < 0) return (Error(c.Span, "ValueError: list.remove(x): x not in list"), null);
                list.RemoveAt(idx);
                return (new PyNone(), Make(list));
            }
            case "pop":
            {
                if (items.Count == 0) return (Error(c.Span, "IndexError: pop from empty list"), null);
                var index = args.Get(0, "index");
                long i = index is null ? items.Count - 1 : PyOps.AsLong(index);
                if (i < 0) i += items.Count;
                if (i < 0 || i >= items.Count) return (Error(c.Span, "IndexError: pop index out of range"), null);
                var list = items.ToList();
                var v = list[(int)i];
                list.RemoveAt((int)i);
                return (v, Make(list));
            }
            case "clear":
                return (new PyNone(), Make(Array.Empty<PyValue>()));
            case "reverse":
                return (new PyNone(), Make(items.Reverse()));
            case "sort":
            {
                var sorted = SortValues(c, items, args.Get(-1, "key"), args.Get(-1, "reverse"));
                return sorted is PyList sl ? (new PyNone(), Make(sl.Items)) : (sorted, null);
            }
            case "copy":
                return (PyOps.List(items), null);
            case "index":
            case "count":
                return (SequenceSearch(c, items, name, args), null);
        }
        return (Error(c.Span, "AttributeError: 'list' object has no attribute '" + name + "'"), null);
    }

    private (PyValue, PyValue?) DictMethod(CallExpr c, PyDict d, string name, Args args)
    {
        switch (name)
        {
            case "get":
            {
                var key = args.Get(0, "key");
                if (key is null) return (Error(c.Span, "TypeError: get expected at least 1 argument, got 0"), null);
                return (PyOps.Lookup(d, key) ?? args.Get(1, "default") ?? new PyNone(), null);
            }
            case "keys": return (PyOps.List(d.Entries.Select(e => e.Key)), null);
            case "values": return (PyOps.List(d.Entries.Select(e => e.Value)), null);
            case "items": return (PyOps.List(d.Entries.Select(e => (PyValue)PyOps.Tuple(new[] { e.Key, e.Value }))), null);
            case "copy": return (new PyDict(d.Entries), null);
            case "update":
            {
                var updates = new List<PyDictEntry>();
                var other = args.Get(0, "__other");
                if (other is PyDict od) updates.AddRange(od.Entries);
                else if (other is not null)
                {
                    var pairs = Iterate(other, c);
                    if (pairs is null) return (new PyNone(), new PyUnknown("updated with an unknown value"));
                    foreach (var p in pairs)
                    {
                        if (p is PySequence { Items.Count: 2 } pair) updates.Add(new PyDictEntry(pair.Items[0], pair.Items[1]));
                        else return (Error(c.Span, "ValueError: dictionary update sequence element has wrong length"), null);
                    }
                }
                foreach (var kv in args.Keywords) updates.Add(new PyDictEntry(new PyStr(kv.Key), kv.Value));
                return (new PyNone(), DictUpdate(d, updates));
            }
            case "setdefault":
            {
                var key = args.Get(0, "key");
                if (key is null) return (Error(c.Span, "TypeError: setdefault expected at least 1 argument, got 0"), null);
                var existing = PyOps.Lookup(d, key);
                if (existing is not null) return (existing, null);
                var v = args.Get(1, "default") ?? new PyNone();
                return (v, DictUpdate(d, new[] { new PyDictEntry(key, v) }));
            }
            case "pop":
            {
                var key = args.Get(0, "key");
                if (key is null) return (Error(c.Span, "TypeError: pop expected at least 1 argument, got 0"), null);
                var existing = PyOps.Lookup(d, key);
                if (existing is null)
                {
                    var def = args.Get(1, "default");
                    return (def ?? Error(c.Span, "KeyError: " + PyOps.Repr(key)), null);
                }
                return (existing, DictRemove(c, d, key));
            }
            case "clear":
                return (new PyNone(), new PyDict(EquatableArray<PyDictEntry>.Empty) { Origin = d.Origin, DefinedAt = d.DefinedAt });
        }
        return (Error(c.Span, "AttributeError: 'dict' object has no attribute '" + name + "'"), null);
    }

    private (PyValue, PyValue?) SetMethod(CallExpr c, PySet set, string name, Args args)
    {
        PySet Make(IEnumerable<PyValue> xs) => new PySet(Dedupe(xs).ToEquatableArray()) { Origin = set.Origin, DefinedAt = set.DefinedAt };
        switch (name)
        {
            case "add":
            {
                var v = args.Get(0, "elem");
                return v is null ? (Error(c.Span, "TypeError: add() takes exactly one argument (0 given)"), null) : (new PyNone(), Make(set.Items.Concat(new[] { v })));
            }
            case "update":
            case "union":
            {
                var all = new List<PyValue>(set.Items);
                foreach (var a in args.Positional)
                {
                    var items = Iterate(a, c);
                    if (items is null) return (Unknown("not iterable"), null);
                    all.AddRange(items);
                }
                return name == "update" ? (new PyNone(), Make(all)) : (Make(all), null);
            }
            case "discard":
            case "remove":
            {
                var v = args.Get(0, "elem");
                if (v is null) return (Unknown("missing argument"), null);
                bool present = set.Items.Any(x => PyOps.ValueEquals(x, v));
                if (!present && name == "remove") return (Error(c.Span, "KeyError: " + PyOps.Repr(v)), null);
                return (new PyNone(), Make(set.Items.Where(x => !PyOps.ValueEquals(x, v))));
            }
            case "intersection":
            case "difference":
            {
                var other = args.Get(0, "other");
                var items = other is null ? null : Iterate(other, c);
                if (items is null) return (Unknown("not iterable"), null);
                bool keep = name == "intersection";
                return (Make(set.Items.Where(x => items.Any(y => PyOps.ValueEquals(x, y)) == keep)), null);
            }
            case "copy":
                return (Make(set.Items), null);
        }
        return (Error(c.Span, "AttributeError: 'set' object has no attribute '" + name + "'"), null);
    }

    // ------------------------------------------------------------------------------------------
    // Builtin functions and types
    // ------------------------------------------------------------------------------------------

    private PyValue Builtin(CallExpr c, string name, Args args)
    {
        switch (name)
        {
            case "print":
                return new PyNone();
            case "isinstance":
                return Lift(c, args.All(), vs => IsInstance(c, args.Rebuild(vs)), "bool", deep: false);
            case "open":
            case "getattr":
            case "hasattr":
            case "object":
            case "bytes":
                Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, name);
                return new PyUnknown("call to '" + name + "' is not evaluated") { Origin = Loc(c.Span) };
            case "map":
            case "filter":
            case "sorted":
            case "min":
            case "max":
            {
                // These call other functions (lambdas, str.strip...): lift over the data only.
                var fnArg = name is "map" or "filter" ? args.Get(0, "function") : null;
                var data = args.All().Where(v => !ReferenceEquals(v, fnArg)).ToList();
                return Lift(c, data, vs =>
                {
                    var rebuilt = new List<PyValue>();
                    int k = 0;
                    foreach (var v in args.All()) rebuilt.Add(ReferenceEquals(v, fnArg) ? v : vs[k++]);
                    return BuiltinCore(c, name, args.Rebuild(rebuilt));
                }, name is "map" or "filter" or "sorted" ? "list" : null, deep: true);
            }
        }
        bool deep = name is "str" or "repr" or "any" or "all" or "sum" or "int" or "float" or "dict.fromkeys" or "set" or "frozenset" or "dict";
        string? type = name switch
        {
            "len" => "int",
            "int" => "int",
            "float" => "float",
            "str" => "str",
            "repr" => "str",
            "bool" => "bool",
            "any" => "bool",
            "all" => "bool",
            "list" => "list",
            "tuple" => "tuple",
            "set" => "set",
            "frozenset" => "set",
            "dict" => "dict",
            "dict.fromkeys" => "dict",
            "reversed" => "list",
            "range" => "list",
            "enumerate" => "list",
            "zip" => "list",
            _ => null,
        };
        return Lift(c, args.All(), vs => BuiltinCore(c, name, args.Rebuild(vs)), type, deep);
    }

    private PyValue BuiltinCore(CallExpr c, string name, Args args)
    {
        var a0 = args.Positional.Count > 0 ? args.Positional[0] : null;
        switch (name)
        {
            case "len":
                return a0 switch
                {
                    PyStr s => new PyInt(s.Value.Length),
                    PyBytes bytes => new PyInt(bytes.Latin1.Length),
                    PySequence q => new PyInt(q.Items.Count),
                    PyDict d => new PyInt(d.Entries.Count),
                    null => Error(c.Span, "TypeError: len() takes exactly one argument (0 given)"),
                    _ => Error(c.Span, "TypeError: object of type '" + a0.TypeName + "' has no len()"),
                };
            case "list":
            case "tuple":
            case "set":
            case "frozenset":
            case "reversed":
            {
                if (a0 is null) return name == "list" ? PyOps.List(Array.Empty<PyValue>()) : name == "tuple" ? PyOps.Tuple(Array.Empty<PyValue>()) : new PySet(EquatableArray<PyValue>.Empty);
                var items = Iterate(a0, c);
                if (items is null) return Unknown("not iterable");
                return name switch
                {
                    "list" => PyOps.List(items),
                    "tuple" => PyOps.Tuple(items),
                    "reversed" => PyOps.List(items.Reverse()),
                    _ => new PySet(Dedupe(items).ToEquatableArray()),
                };
            }
            case "dict":
            {
                var updates = new List<(PyValue?, PyValue)>();
                if (a0 is PyDict d) updates.Add((null, d));
                else if (a0 is not null)
                {
                    var pairs = Iterate(a0, c);
                    if (pairs is null) return Unknown("not iterable");
                    foreach (var p in pairs)
                    {
                        if (p is PySequence { Items.Count: 2 } pair) updates.Add((pair.Items[0], pair.Items[1]));
                        else return Error(c.Span, "ValueError: dictionary update sequence element has wrong length");
                    }
                }
                foreach (var kv in args.Keywords) updates.Add((new PyStr(kv.Key), kv.Value));
                return BuildDict(c, updates);
            }
            case "dict.fromkeys":
            {
                if (a0 is null) return Error(c.Span, "TypeError: fromkeys expected at least 1 argument, got 0");
                var keys = Iterate(a0, c);
                if (keys is null) return Unknown("not iterable");
                var v = args.Positional.Count > 1 ? args.Positional[1] : new PyNone();
                return BuildDict(c, keys.Select(k => ((PyValue?)k, v)).ToList());
            }
            case "sorted":
            {
                if (a0 is null) return Error(c.Span, "TypeError: sorted expected 1 argument, got 0");
                var items = Iterate(a0, c);
                if (items is null) return Unknown("not iterable");
                return SortValues(c, items, args.Get(-1, "key"), args.Get(-1, "reverse"));
            }
            case "int":
                return ToInt(c, a0, args.Get(1, "base"));
            case "float":
                return ToFloat(c, a0);
            case "str":
                return a0 is null ? new PyStr(string.Empty) : new PyStr(PyOps.Str(a0));
            case "repr":
                return a0 is null ? Error(c.Span, "TypeError: repr() takes exactly one argument (0 given)") : new PyStr(PyOps.Repr(a0));
            case "bool":
                return a0 is null ? new PyBool(false) : PyOps.Truth(a0) is bool truth ? new PyBool(truth) : Unknown("truth unknown");
            case "any":
            case "all":
            {
                if (a0 is null) return Error(c.Span, "TypeError: " + name + "() takes exactly one argument (0 given)");
                var items = Iterate(a0, c);
                if (items is null) return Unknown("not iterable");
                bool result = name == "all";
                foreach (var item in items)
                {
                    var t = PyOps.Truth(item);
                    if (t is null) return Unknown("truth unknown");
                    if (name == "any" && t.Value) return new PyBool(true);
                    if (name == "all" && !t.Value) return new PyBool(false);
                }
                return new PyBool(result);
            }
            case "filter":
            {
                var fn = args.Get(0, "function");
                var data = args.Positional.Count > 1 ? args.Positional[1] : null;
                if (fn is null || data is null) return Error(c.Span, "TypeError: filter expected 2 arguments");
                var items = Iterate(data, c);
                if (items is null) return Unknown("not iterable");
                var kept = new List<PyValue>();
                foreach (var item in items)
                {
                    var test = fn is PyNone ? item : CallWith(c, fn, item);
                    var t = PyOps.Truth(test);
                    if (t is null) return test is PyUnknown ? test : Unknown("filter result unknown");
                    if (t.Value) kept.Add(item);
                }
                return PyOps.List(kept);
            }
            case "map":
            {
                var fn = args.Get(0, "function");
                if (fn is null || args.Positional.Count < 2) return Error(c.Span, "TypeError: map() must have at least two arguments.");
                var lists = new List<IReadOnlyList<PyValue>>();
                foreach (var it in args.Positional.Skip(1))
                {
                    var items = Iterate(it, c);
                    if (items is null) return Unknown("not iterable");
                    lists.Add(items);
                }
                int n = lists.Min(l => l.Count);
                var output = new List<PyValue>(n);
                for (int i = 0; i < n; i++)
                {
                    _session.CancellationToken.ThrowIfCancellationRequested();
                    output.Add(CallWith(c, fn, lists.Select(l => l[i]).ToArray()));
                }
                return PyOps.List(output);
            }
            case "min":
            case "max":
            {
                IReadOnlyList<PyValue>? items = args.Positional.Count == 1 ? Iterate(args.Positional[0], c) : args.Positional;
                if (items is null) return Unknown("not iterable");
                if (items.Count == 0) return args.Get(-1, "default") ?? Error(c.Span, "ValueError: " + name + "() arg is an empty sequence");
                var sorted = SortValues(c, items, args.Get(-1, "key"), null);
                if (sorted is not PyList sl) return sorted;
                return name == "min" ? sl.Items[0] : sl.Items[sl.Items.Count - 1];
            }
            case "sum":
            {
                if (a0 is null) return Error(c.Span, "TypeError: sum() takes at least 1 positional argument (0 given)");
                var items = Iterate(a0, c);
                if (items is null) return Unknown("not iterable");
                PyValue total = args.Get(1, "start") ?? new PyInt(0);
                foreach (var item in items)
                {
                    total = BinaryOp(c, "+", total, item);
                    if (total is PyUnknown) return total;
                }
                return total;
            }
            case "range":
            {
                var ints = args.Positional;
                if (ints.Count == 0 || ints.Count > 3 || ints.Any(v => !PyOps.IsInteger(v))) return Error(c.Span, "TypeError: range() arguments must be integers");
                long start = ints.Count == 1 ? 0 : PyOps.AsLong(ints[0]);
                long stop = ints.Count == 1 ? PyOps.AsLong(ints[0]) : PyOps.AsLong(ints[1]);
                long step = ints.Count == 3 ? PyOps.AsLong(ints[2]) : 1;
                if (step == 0) return Error(c.Span, "ValueError: range() arg 3 must not be zero");
                decimal count = step > 0 ? Math.Max(0, Math.Ceiling(((decimal)stop - start) / step)) : Math.Max(0, Math.Ceiling(((decimal)start - stop) / -step));
                if (count > EvaluationSession.MaxCollectionSize) return TooLarge(c.Span, "range");
                var list = new List<PyValue>((int)count);
                for (long i = 0, v = start; i < count; i++, v += step) list.Add(new PyInt(v));
                return PyOps.List(list);
            }
            case "enumerate":
            {
                if (a0 is null) return Error(c.Span, "TypeError: enumerate() missing required argument 'iterable'");
                var items = Iterate(a0, c);
                if (items is null) return Unknown("not iterable");
                long start = args.Get(1, "start") is PyValue s && PyOps.IsInteger(s) ? PyOps.AsLong(s) : 0;
                return PyOps.List(items.Select((x, i) => (PyValue)PyOps.Tuple(new PyValue[] { new PyInt(start + i), x })));
            }
            case "zip":
            {
                var lists = new List<IReadOnlyList<PyValue>>();
                foreach (var it in args.Positional)
                {
                    var items = Iterate(it, c);
                    if (items is null) return Unknown("not iterable");
                    lists.Add(items);
                }
                int n = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
                return PyOps.List(Enumerable.Range(0, n).Select(i => (PyValue)PyOps.Tuple(lists.Select(l => l[i]))));
            }
            case "abs":
                return a0 switch
                {
                    PyInt i when i.Value != long.MinValue => new PyInt(Math.Abs(i.Value)),
                    PyBool flag => new PyInt(flag.Value ? 1 : 0),
                    PyFloat f => new PyFloat(Math.Abs(f.Value)),
                    PyTimeDelta t when t.Microseconds != long.MinValue => new PyTimeDelta(Math.Abs(t.Microseconds)),
                    _ => Error(c.Span, "TypeError: bad operand type for abs()"),
                };
            case "round":
            {
                var digits = args.Get(1, "ndigits");
                if (PyOps.IsInteger(a0 ?? new PyNone())) return new PyInt(PyOps.AsLong(a0!));
                if (a0 is PyFloat f)
                {
                    if (digits is null || digits is PyNone)
                    {
                        double r = Math.Round(f.Value, MidpointRounding.ToEven);
                        return Math.Abs(r) < 9.2e18 ? new PyInt((long)r) : Overflow(c.Span, "round()");
                    }
                    return new PyFloat(Math.Round(f.Value, (int)Math.Max(0, Math.Min(15, PyOps.AsLong(digits))), MidpointRounding.ToEven));
                }
                return Error(c.Span, "TypeError: type " + (a0?.TypeName ?? "NoneType") + " doesn't define __round__ method");
            }
        }
        Report(DiagnosticDescriptors.CallNotEvaluated, c.Span, name);
        return new PyUnknown("call to '" + name + "' is not evaluated");
    }

    private PyValue IsInstance(CallExpr c, Args args)
    {
        var value = args.Get(0, "obj");
        var types = args.Get(1, "class_or_tuple");
        if (value is null || types is null) return Error(c.Span, "TypeError: isinstance expected 2 arguments");
        IEnumerable<PyValue> options = types is PyTuple t ? t.Items : new[] { types };
        foreach (var o in options)
        {
            if (o is not PyOpaque { Kind: "type" } type) return new PyUnknown("isinstance with a type that is not modelled");
            string name = type.Name == "frozenset" ? "set" : type.Name;
            if (value.TypeName == name || (name == "int" && value is PyBool) || name == "object") return new PyBool(true);
        }
        return new PyBool(false);
    }

    private PyValue SortValues(CallExpr c, IReadOnlyList<PyValue> items, PyValue? key, PyValue? reverse)
    {
        var keyed = new List<(PyValue Key, PyValue Item)>(items.Count);
        foreach (var item in items)
        {
            var k = key is null || key is PyNone ? item : CallWith(c, key, item);
            if (k is PyUnknown or PyDeferred) return Unknown("sort key unknown");
            keyed.Add((k, item));
        }
        for (int i = 1; i < keyed.Count; i++)
        {
            if (Order(keyed[0].Key, keyed[i].Key) is null) return Error(c.Span, "TypeError: '<' not supported between instances of '" + keyed[i].Key.TypeName + "' and '" + keyed[0].Key.TypeName + "'");
        }
        // A stable sort, as Python's.
        var sorted = keyed.Select((p, i) => (p.Key, p.Item, i)).ToList();
        sorted.Sort((x, y) =>
        {
            int cmp = Order(x.Key, y.Key) ?? 0;
            return cmp != 0 ? cmp : x.i.CompareTo(y.i);
        });
        bool rev = reverse is not null && PyOps.Truth(reverse) == true;
        if (rev)
        {
            sorted.Sort((x, y) =>
            {
                int cmp = Order(y.Key, x.Key) ?? 0;
                return cmp != 0 ? cmp : x.i.CompareTo(y.i);
            });
        }
        return PyOps.List(sorted.Select(p => p.Item));
    }

    private PyValue ToInt(CallExpr c, PyValue? value, PyValue? baseValue)
    {
        switch (value)
        {
            case null: return new PyInt(0);
            case PyBool b: return new PyInt(b.Value ? 1 : 0);
            case PyInt i: return i with { Origin = null, DefinedAt = null };
            case PyFloat f:
                if (double.IsNaN(f.Value) || double.IsInfinity(f.Value)) return Error(c.Span, "ValueError: cannot convert float " + PyOps.FloatRepr(f.Value) + " to integer");
                if (Math.Abs(f.Value) >= 9.2e18) return Overflow(c.Span, PyOps.FloatRepr(f.Value));
                return new PyInt((long)Math.Truncate(f.Value));
            case PyStr s:
            {
                int radix = baseValue is null ? 10 : (int)PyOps.AsLong(baseValue);
                string text = s.Value.Trim();
                bool negative = false;
                if (text.StartsWith("-", StringComparison.Ordinal) || text.StartsWith("+", StringComparison.Ordinal))
                {
                    negative = text[0] == '-';
                    text = text.Substring(1);
                }
                if (radix == 16 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) text = text.Substring(2);
                bool valid = text.Length > 0 && !text.StartsWith("_", StringComparison.Ordinal) && !text.EndsWith("_", StringComparison.Ordinal) && !text.Contains("__");
                text = text.Replace("_", string.Empty);
                ulong acc = 0;
                try
                {
                    foreach (char ch in text)
                    {
                        int digit = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'z' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 10 : 99;
                        if (digit >= radix)
                        {
                            valid = false;
                            break;
                        }
                        acc = checked(acc * (ulong)radix + (ulong)digit);
                    }
                }
                catch (OverflowException)
                {
                    return Overflow(c.Span, "int(" + PyOps.StrRepr(s.Value) + ")");
                }
                if (!valid || radix < 2 || radix > 36) return Error(c.Span, "ValueError: invalid literal for int() with base " + radix + ": " + PyOps.StrRepr(s.Value));
                if (acc > (ulong)long.MaxValue + (negative ? 1UL : 0UL)) return Overflow(c.Span, "int(" + PyOps.StrRepr(s.Value) + ")");
                return new PyInt(negative ? (long)(0 - acc) : (long)acc);
            }
        }
        return Error(c.Span, "TypeError: int() argument must be a string, a bytes-like object or a real number, not '" + value.TypeName + "'");
    }

    private PyValue ToFloat(CallExpr c, PyValue? value)
    {
        switch (value)
        {
            case null: return new PyFloat(0);
            case PyBool or PyInt: return new PyFloat(PyOps.AsDouble(value));
            case PyFloat f: return f with { Origin = null, DefinedAt = null };
            case PyStr s:
            {
                string text = s.Value.Trim().Replace("_", string.Empty);
                switch (text.ToLowerInvariant())
                {
                    case "inf":
                    case "+inf":
                    case "infinity": return new PyFloat(double.PositiveInfinity);
                    case "-inf":
                    case "-infinity": return new PyFloat(double.NegativeInfinity);
                    case "nan":
                    case "+nan":
                    case "-nan": return new PyFloat(double.NaN);
                }
                if (text.Length > 0 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return new PyFloat(d);
                return Error(c.Span, "ValueError: could not convert string to float: " + PyOps.StrRepr(s.Value));
            }
        }
        return Error(c.Span, "TypeError: float() argument must be a string or a real number, not '" + value.TypeName + "'");
    }

    private PyValue Compile(CallExpr c, Args args)
    {
        var pattern = args.Get(0, "pattern");
        var flags = args.Get(1, "flags");
        if (pattern is PyPattern existing) return existing;
        if (pattern is not PyStr p) return Error(c.Span, "TypeError: first argument must be string or compiled pattern");
        long f = flags is null ? 0 : PyOps.AsLong(flags);
        return new PyPattern(p.Value, (f & 2) != 0);
    }
}
