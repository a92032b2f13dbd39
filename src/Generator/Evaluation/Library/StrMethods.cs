using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>The <c>str</c> methods settings files use, one handler each, with Python's results and errors.</summary>
internal static class StrMethods
{
    private delegate PyValue StrMethod(Site site, string s, string name, Args args);

    private static readonly Dictionary<string, StrMethod> Table = new()
    {
        ["split"] = Split,
        ["rsplit"] = Split,
        ["strip"] = Strip,
        ["lstrip"] = Strip,
        ["rstrip"] = Strip,
        ["lower"] = static (_, s, _, _) => new PyStr(s.ToLowerInvariant()),
        ["upper"] = static (_, s, _, _) => new PyStr(s.ToUpperInvariant()),
        ["casefold"] = static (_, s, _, _) => new PyStr(s.ToLowerInvariant()),
        ["capitalize"] = static (_, s, _, _) => new PyStr(s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1).ToLowerInvariant()),
        ["title"] = Title,
        ["replace"] = Replace,
        ["startswith"] = StartsOrEndsWith,
        ["endswith"] = StartsOrEndsWith,
        ["join"] = Join,
        ["format"] = Format,
        ["splitlines"] = SplitLines,
        ["removeprefix"] = static (_, s, _, args) => args.Get(0, "prefix") is PyStr pre && s.StartsWith(pre.Value, StringComparison.Ordinal) ? new PyStr(s.Substring(pre.Value.Length)) : new PyStr(s),
        ["removesuffix"] = static (_, s, _, args) => args.Get(0, "suffix") is PyStr suf && suf.Value.Length > 0 && s.EndsWith(suf.Value, StringComparison.Ordinal) ? new PyStr(s.Substring(0, s.Length - suf.Value.Length)) : new PyStr(s),
        ["find"] = static (site, s, _, args) => args.Get(0, "sub") is PyStr f ? new PyInt(s.IndexOf(f.Value, StringComparison.Ordinal)) : site.Error("TypeError: must be str"),
        ["count"] = Count,
        ["isdigit"] = static (_, s, _, _) => new PyBool(s.Length > 0 && s.All(char.IsDigit)),
        ["isalpha"] = static (_, s, _, _) => new PyBool(s.Length > 0 && s.All(char.IsLetter)),
        ["isalnum"] = static (_, s, _, _) => new PyBool(s.Length > 0 && s.All(char.IsLetterOrDigit)),
        ["isspace"] = static (_, s, _, _) => new PyBool(s.Length > 0 && s.All(char.IsWhiteSpace)),
        ["islower"] = static (_, s, _, _) => new PyBool(s.Any(char.IsLetter) && !s.Any(char.IsUpper)),
        ["isupper"] = static (_, s, _, _) => new PyBool(s.Any(char.IsLetter) && !s.Any(char.IsLower)),
        ["encode"] = static (_, s, _, _) => new PyBytes(new string(Encoding.UTF8.GetBytes(s).Select(b => (char)b).ToArray())),
        ["zfill"] = ZFill,
    };

    /// <summary>The result type of a str method when it is certain (for deferred results); null otherwise.</summary>
    public static string? ResultType(string name)
    {
        switch (name)
        {
            case "split":
            case "rsplit":
            case "splitlines":
                return "list";
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
                return "str";
        }
        return null;
    }

    /// <summary>Calls <c>s.name(args)</c>; a method not in the table is reported as not evaluated.</summary>
    public static PyValue Call(Site site, string s, string name, Args args)
    {
        if (Table.TryGetValue(name, out var method)) return method(site, s, name, args);
        site.Report(DiagnosticDescriptors.CallNotEvaluated, "str." + name);
        return new PyUnknown("str." + name + " is not evaluated");
    }

    private static PyValue Split(Site site, string s, string name, Args args)
    {
        var sep = args.Get(0, "sep");
        var max = args.Get(1, "maxsplit");
        long maxsplit = max is null || max is PyNone ? -1 : PyOps.IsInteger(max) ? PyOps.AsLong(max) : -2;
        if (maxsplit == -2) return site.Error("TypeError: 'maxsplit' must be an integer");
        if (sep is null || sep is PyNone) return PyOps.List(SplitWhitespace(s, maxsplit, name == "rsplit").Select(x => (PyValue)new PyStr(x)));
        if (sep is not PyStr ss) return site.Error("TypeError: must be str or None, not " + sep.TypeName);
        if (ss.Value.Length == 0) return site.Error("ValueError: empty separator");
        return PyOps.List(SplitOn(s, ss.Value, maxsplit, name == "rsplit").Select(x => (PyValue)new PyStr(x)));
    }

    private static PyValue Strip(Site site, string s, string name, Args args)
    {
        var chars = args.Get(0, "chars");
        if (chars is not null && chars is not PyNone && chars is not PyStr) return site.Error("TypeError: " + name + " arg must be None or str");
        string? set = (chars as PyStr)?.Value;
        int start = 0, end = s.Length;
        bool Strip(char ch) => set is null ? char.IsWhiteSpace(ch) : set.IndexOf(ch) >= 0;
        if (name != "rstrip") while (start < end && Strip(s[start])) start++;
        if (name != "lstrip") while (end > start && Strip(s[end - 1])) end--;
        return new PyStr(s.Substring(start, end - start));
    }

    private static PyValue Title(Site site, string s, string name, Args args)
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

    private static PyValue Replace(Site site, string s, string name, Args args)
    {
        if (args.Get(0, "old") is not PyStr oldValue || args.Get(1, "new") is not PyStr newValue) return site.Error("TypeError: replace() arguments must be str");
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
            if (sb.Length > EvaluationSession.MaxStringLength) return site.TooLarge("string");
        }
        sb.Append(s, pos, s.Length - pos);
        return new PyStr(sb.ToString());
    }

    private static PyValue StartsOrEndsWith(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, "prefix");
        IEnumerable<PyValue> options = arg is PyTuple t ? t.Items : arg is null ? Array.Empty<PyValue>() : new[] { arg };
        bool any = false;
        foreach (var opt in options)
        {
            if (opt is not PyStr o) return site.Error("TypeError: " + name + " first arg must be str or a tuple of str, not " + opt.TypeName);
            if (name == "startswith" ? s.StartsWith(o.Value, StringComparison.Ordinal) : s.EndsWith(o.Value, StringComparison.Ordinal)) any = true;
        }
        return new PyBool(any);
    }

    private static PyValue Join(Site site, string s, string name, Args args)
    {
        var iterable = args.Get(0, "iterable");
        if (iterable is null) return site.Error("TypeError: join() takes exactly one argument (0 given)");
        var items = site.Iterate(iterable);
        if (items is null) return new PyUnknown("not iterable");
        var sb = new StringBuilder();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not PyStr item) return site.Error("TypeError: sequence item " + i + ": expected str instance, " + items[i].TypeName + " found");
            if (i > 0) sb.Append(s);
            sb.Append(item.Value);
            if (sb.Length > EvaluationSession.MaxStringLength) return site.TooLarge("string");
        }
        return new PyStr(sb.ToString());
    }

    private static PyValue Format(Site site, string s, string name, Args args)
    {
        var kw = args.Keywords.ToDictionary(k => k.Key, k => k.Value);
        var text = PyFormat.StrFormat(s, args.Positional, kw, out var error);
        return text is null ? site.Error("ValueError: " + error) : new PyStr(text);
    }

    private static PyValue SplitLines(Site site, string s, string name, Args args)
        => PyOps.List(s.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select((x, i) => (x, i)).Where(p => !(p.i > 0 && p.x.Length == 0 && p.i == s.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Length - 1)).Select(p => (PyValue)new PyStr(p.x)));

    private static PyValue Count(Site site, string s, string name, Args args)
    {
        if (args.Get(0, "sub") is not PyStr sub) return site.Error("TypeError: must be str");
        if (sub.Value.Length == 0) return new PyInt(s.Length + 1);
        int n = 0, pos = 0;
        while ((pos = s.IndexOf(sub.Value, pos, StringComparison.Ordinal)) >= 0)
        {
            n++;
            pos += sub.Value.Length;
        }
        return new PyInt(n);
    }

    private static PyValue ZFill(Site site, string s, string name, Args args)
    {
        long width = args.Get(0, "width") is PyValue w && PyOps.IsInteger(w) ? Math.Min(PyOps.AsLong(w), EvaluationSession.MaxStringLength) : 0;
        if (s.Length >= width) return new PyStr(s);
        int signLen = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
        return new PyStr(s.Substring(0, signLen) + new string('0', (int)width - s.Length) + s.Substring(signLen));
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
}
