using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// The <c>str</c> methods, one handler each, with CPython's results and exceptions (checked case by
/// case against CPython by StrMethodDifferentialTests). Case mapping and character classes are
/// exact for ASCII text; on other text they are reported as not evaluated (DJS0019) rather than
/// computed with .NET's Unicode tables, which differ from CPython's. Index results and
/// <c>start</c>/<c>end</c> arguments on text with characters outside the BMP are not evaluated
/// either (Python counts code points, .NET strings UTF-16 units).
/// </summary>
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
        ["lower"] = static (site, s, name, _) => Ascii(site, s, name, t => PythonText.Map(t, PythonText.AsciiLower)),
        ["upper"] = static (site, s, name, _) => Ascii(site, s, name, t => PythonText.Map(t, PythonText.AsciiUpper)),
        ["casefold"] = static (site, s, name, _) => Ascii(site, s, name, t => PythonText.Map(t, PythonText.AsciiLower)),
        ["swapcase"] = static (site, s, name, _) => Ascii(site, s, name, t => PythonText.Map(t, c => PythonText.IsAsciiUpper(c) ? PythonText.AsciiLower(c) : PythonText.AsciiUpper(c))),
        ["capitalize"] = static (site, s, name, _) => Ascii(site, s, name, t => t.Length == 0 ? t : PythonText.AsciiUpper(t[0]) + PythonText.Map(t.Substring(1), PythonText.AsciiLower)),
        ["title"] = static (site, s, name, _) => Ascii(site, s, name, Title),
        ["replace"] = Replace,
        ["startswith"] = StartsOrEndsWith,
        ["endswith"] = StartsOrEndsWith,
        ["join"] = Join,
        ["format"] = Format,
        ["splitlines"] = SplitLines,
        ["removeprefix"] = RemovePrefixOrSuffix,
        ["removesuffix"] = RemovePrefixOrSuffix,
        ["find"] = Find,
        ["rfind"] = Find,
        ["index"] = Find,
        ["rindex"] = Find,
        ["count"] = Count,
        ["isdigit"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Length > 0 && t.All(PythonText.IsAsciiDigit)),
        ["isdecimal"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Length > 0 && t.All(PythonText.IsAsciiDigit)),
        ["isnumeric"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Length > 0 && t.All(PythonText.IsAsciiDigit)),
        ["isalpha"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Length > 0 && t.All(PythonText.IsAsciiLetter)),
        ["isalnum"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Length > 0 && t.All(c => PythonText.IsAsciiLetter(c) || PythonText.IsAsciiDigit(c))),
        ["islower"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Any(PythonText.IsAsciiLower) && !t.Any(PythonText.IsAsciiUpper)),
        ["isupper"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Any(PythonText.IsAsciiUpper) && !t.Any(PythonText.IsAsciiLower)),
        ["istitle"] = static (site, s, name, _) => AsciiClass(site, s, name, IsTitle),
        ["isidentifier"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.Length > 0 && (PythonText.IsAsciiLetter(t[0]) || t[0] == '_') && t.All(c => PythonText.IsAsciiLetter(c) || PythonText.IsAsciiDigit(c) || c == '_')),
        ["isprintable"] = static (site, s, name, _) => AsciiClass(site, s, name, t => t.All(c => c >= 0x20 && c < 0x7f)),
        ["isspace"] = static (_, s, _, _) => new PyBool(s.Length > 0 && s.All(PythonText.IsSpace)),
        ["isascii"] = static (_, s, _, _) => new PyBool(PythonText.IsAscii(s)),
        ["encode"] = Encode,
        ["zfill"] = ZFill,
        ["center"] = Justify,
        ["ljust"] = Justify,
        ["rjust"] = Justify,
        ["partition"] = Partition,
        ["rpartition"] = Partition,
        ["expandtabs"] = ExpandTabs,
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
            case "partition":
            case "rpartition":
                return "tuple";
            case "find":
            case "rfind":
            case "index":
            case "rindex":
            case "count":
                return "int";
            case "strip":
            case "lstrip":
            case "rstrip":
            case "lower":
            case "upper":
            case "replace":
            case "title":
            case "capitalize":
            case "casefold":
            case "swapcase":
            case "format":
            case "join":
            case "removeprefix":
            case "removesuffix":
            case "zfill":
            case "center":
            case "ljust":
            case "rjust":
            case "expandtabs":
                return "str";
        }
        return name.StartsWith("is", StringComparison.Ordinal) && Table.ContainsKey(name) ? "bool" : null;
    }

    /// <summary>Calls <c>s.name(args)</c>; a method not in the table is reported as not evaluated.</summary>
    public static PyValue Call(Site site, string s, string name, Args args)
    {
        if (Table.TryGetValue(name, out var method)) return method(site, s, name, args);
        // A method CPython has that is not modelled here is a limit; any other name is Python's AttributeError.
        if (PythonNames.HasAttribute("str", name) == true) return site.CallNotEvaluated("str." + name, "str." + name + " is not evaluated");
        return site.Error("AttributeError: 'str' object has no attribute '" + name + "'");
    }

    // What cannot be computed exactly is not computed: a value the evaluator is unsure of is never given.
    private static PyValue NotEvaluated(Site site, string name, string why)
        => site.CallNotEvaluated("str." + name + " (" + why + ")", "str." + name + " is not evaluated for " + why);

    private static PyValue Ascii(Site site, string s, string name, Func<string, string> map)
        => PythonText.IsAscii(s) ? new PyStr(map(s)) : NotEvaluated(site, name, "text outside ASCII");

    private static PyValue AsciiClass(Site site, string s, string name, Func<string, bool> test)
        => PythonText.IsAscii(s) ? new PyBool(test(s)) : NotEvaluated(site, name, "text outside ASCII");

    private static string TypeName(PyValue v) => v.TypeName;

    /// <summary>An optional integer argument (absent: <paramref name="fallback"/>); an error for other types.</summary>
    private static bool Integer(Site site, PyValue? value, long fallback, out long result, out PyValue? error)
    {
        error = null;
        result = fallback;
        if (value is null) return true;
        if (PyOps.IsInteger(value))
        {
            result = PyOps.AsLong(value);
            return true;
        }
        error = site.Error("TypeError: '" + TypeName(value) + "' object cannot be interpreted as an integer");
        return false;
    }

    /// <summary>
    /// CPython's ADJUST_INDICES for <c>start</c>/<c>end</c> arguments (None or int; negative from the
    /// end; clamped). False with <paramref name="error"/> set when an argument is not an index.
    /// </summary>
    private static bool Indices(Site site, string s, Args args, int position, out int start, out int end, out bool given, out PyValue? error)
    {
        start = 0;
        end = s.Length;
        error = null;
        var startArg = args.Positional.Count > position ? args.Positional[position] : null;
        var endArg = args.Positional.Count > position + 1 ? args.Positional[position + 1] : null;
        given = startArg is not (null or PyNone) || endArg is not (null or PyNone);
        long len = s.Length;
        long st = 0, en = len;
        foreach (var (arg, isStart) in new[] { (startArg, true), (endArg, false) })
        {
            if (arg is null or PyNone) continue;
            if (!PyOps.IsInteger(arg))
            {
                error = site.Error("TypeError: slice indices must be integers or None or have an __index__ method");
                return false;
            }
            if (isStart) st = PyOps.AsLong(arg);
            else en = PyOps.AsLong(arg);
        }
        if (en > len) en = len;
        else if (en < 0)
        {
            en += len;
            if (en < 0) en = 0;
        }
        if (st < 0)
        {
            st += len;
            if (st < 0) st = 0;
        }
        start = (int)Math.Min(st, int.MaxValue);
        end = (int)en;
        return true;
    }

    private static PyValue Split(Site site, string s, string name, Args args)
    {
        var sep = args.Get(0, "sep");
        if (!Integer(site, args.Get(1, "maxsplit"), -1, out long maxsplit, out var error)) return error!;
        bool fromRight = name == "rsplit";
        if (sep is null or PyNone) return PyOps.List(SplitWhitespace(s, maxsplit, fromRight).Select(x => (PyValue)new PyStr(x)));
        if (sep is not PyStr ss) return site.Error("TypeError: must be str or None, not " + sep.TypeName);
        if (ss.Value.Length == 0) return site.Error("ValueError: empty separator");
        return PyOps.List(SplitOn(s, ss.Value, maxsplit, fromRight).Select(x => (PyValue)new PyStr(x)));
    }

    private static PyValue Strip(Site site, string s, string name, Args args)
    {
        var chars = args.Get(0, "chars");
        if (chars is not (null or PyNone or PyStr)) return site.Error("TypeError: " + name + " arg must be None or str");
        string? set = (chars as PyStr)?.Value;
        int start = 0, end = s.Length;
        bool Strip(char ch) => set is null ? PythonText.IsSpace(ch) : set.IndexOf(ch) >= 0;
        if (name != "rstrip") while (start < end && Strip(s[start])) start++;
        if (name != "lstrip") while (end > start && Strip(s[end - 1])) end--;
        return new PyStr(s.Substring(start, end - start));
    }

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        foreach (char ch in s)
        {
            sb.Append(previousCased ? PythonText.AsciiLower(ch) : PythonText.AsciiUpper(ch));
            previousCased = PythonText.IsAsciiLetter(ch);
        }
        return sb.ToString();
    }

    private static bool IsTitle(string s)
    {
        bool cased = false, previousCased = false;
        foreach (char ch in s)
        {
            if (PythonText.IsAsciiUpper(ch))
            {
                if (previousCased) return false;
                previousCased = cased = true;
            }
            else if (PythonText.IsAsciiLower(ch))
            {
                if (!previousCased) return false;
                previousCased = cased = true;
            }
            else
            {
                previousCased = false;
            }
        }
        return cased;
    }

    private static PyValue Replace(Site site, string s, string name, Args args)
    {
        var oldArg = args.Get(0, "old");
        var newArg = args.Get(1, "new");
        if (oldArg is null || newArg is null) return site.Error("TypeError: replace expected at least 2 arguments");
        if (oldArg is not PyStr oldValue) return site.Error("TypeError: replace() argument 1 must be str, not " + oldArg.TypeName);
        if (newArg is not PyStr newValue) return site.Error("TypeError: replace() argument 2 must be str, not " + newArg.TypeName);
        if (!Integer(site, args.Get(2, "count"), -1, out long count, out var error)) return error!;
        var sb = new StringBuilder();
        if (oldValue.Value.Length == 0)
        {
            // Python inserts `new` before every character and at the end: 'abc'.replace('', '-') is '-a-b-c-'.
            long done = 0;
            for (int i = 0; i <= s.Length; i++)
            {
                if (count < 0 || done < count)
                {
                    sb.Append(newValue.Value);
                    done++;
                }
                if (i == s.Length) break;
                sb.Append(s[i]);
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(s[++i]);
                if (sb.Length > EvaluationSession.MaxStringLength) return site.TooLarge("string");
            }
            return new PyStr(sb.ToString());
        }
        int pos = 0;
        long replaced = 0;
        while (count < 0 || replaced < count)
        {
            int idx = s.IndexOf(oldValue.Value, pos, StringComparison.Ordinal);
            if (idx < 0) break;
            sb.Append(s, pos, idx - pos).Append(newValue.Value);
            pos = idx + oldValue.Value.Length;
            replaced++;
            if (sb.Length > EvaluationSession.MaxStringLength) return site.TooLarge("string");
        }
        sb.Append(s, pos, s.Length - pos);
        return new PyStr(sb.ToString());
    }

    private static PyValue StartsOrEndsWith(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, "prefix");
        if (arg is null) return site.Error("TypeError: " + name + "() takes at least 1 argument (0 given)");
        IReadOnlyList<PyValue> options;
        if (arg is PyTuple t)
        {
            options = t.Items;
            foreach (var o in options)
            {
                if (o is not PyStr) return site.Error("TypeError: tuple for " + name + " must only contain str, not " + o.TypeName);
            }
        }
        else if (arg is PyStr) options = new[] { arg };
        else return site.Error("TypeError: " + name + " first arg must be str or a tuple of str, not " + arg.TypeName);
        if (!Indices(site, s, args, 1, out int start, out int end, out bool given, out var error)) return error!;
        if (given && PythonText.HasSurrogates(s)) return NotEvaluated(site, name, "indices in text outside the BMP");
        foreach (var o in options)
        {
            string sub = ((PyStr)o).Value;
            int last = end - sub.Length;
            if (last < start) continue;
            if (sub.Length == 0) return new PyBool(true);
            int at = name == "startswith" ? start : last;
            if (string.CompareOrdinal(s, at, sub, 0, sub.Length) == 0) return new PyBool(true);
        }
        return new PyBool(false);
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
    {
        var keep = args.Get(0, "keepends");
        if (keep is not (null or PyBool or PyInt)) return site.Error("TypeError: '" + keep.TypeName + "' object cannot be interpreted as an integer");
        bool keepEnds = keep is not null && PyOps.Truth(keep) == true;
        var lines = new List<PyValue>();
        int i = 0;
        while (i < s.Length)
        {
            int j = i;
            while (j < s.Length && !PythonText.IsLineBreak(s[j])) j++;
            int eol = j;
            if (j < s.Length)
            {
                j += s[j] == '\r' && j + 1 < s.Length && s[j + 1] == '\n' ? 2 : 1;
                if (keepEnds) eol = j;
            }
            lines.Add(new PyStr(s.Substring(i, eol - i)));
            i = j;
        }
        return PyOps.List(lines);
    }

    private static PyValue RemovePrefixOrSuffix(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, name == "removeprefix" ? "prefix" : "suffix");
        if (arg is null) return site.Error("TypeError: " + name + "() takes exactly one argument (0 given)");
        if (arg is not PyStr affix) return site.Error("TypeError: " + name + "() argument must be str, not " + arg.TypeName);
        if (name == "removeprefix") return new PyStr(s.StartsWith(affix.Value, StringComparison.Ordinal) ? s.Substring(affix.Value.Length) : s);
        return new PyStr(affix.Value.Length > 0 && s.EndsWith(affix.Value, StringComparison.Ordinal) ? s.Substring(0, s.Length - affix.Value.Length) : s);
    }

    private static PyValue Find(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, "sub");
        if (arg is null) return site.Error("TypeError: " + name + "() takes at least 1 argument (0 given)");
        if (arg is not PyStr subValue) return site.Error("TypeError: must be str, not " + arg.TypeName);
        if (!Indices(site, s, args, 1, out int start, out int end, out _, out var error)) return error!;
        if (PythonText.HasSurrogates(s)) return NotEvaluated(site, name, "indices in text outside the BMP");
        string sub = subValue.Value;
        int found = -1;
        if (end - start >= sub.Length)
        {
            bool reverse = name[0] == 'r';
            if (sub.Length == 0) found = reverse ? end : start;
            else found = reverse ? s.LastIndexOf(sub, end - 1, end - start, StringComparison.Ordinal) : s.IndexOf(sub, start, end - start, StringComparison.Ordinal);
        }
        if (found < 0 && name.EndsWith("index", StringComparison.Ordinal)) return site.Error("ValueError: substring not found");
        return new PyInt(found);
    }

    private static PyValue Count(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, "sub");
        if (arg is null) return site.Error("TypeError: count() takes at least 1 argument (0 given)");
        if (arg is not PyStr subValue) return site.Error("TypeError: must be str, not " + arg.TypeName);
        if (!Indices(site, s, args, 1, out int start, out int end, out bool given, out var error)) return error!;
        string sub = subValue.Value;
        if (PythonText.HasSurrogates(s) && (given || sub.Length == 0)) return NotEvaluated(site, name, "indices in text outside the BMP");
        if (end - start < sub.Length) return new PyInt(0);
        if (sub.Length == 0) return new PyInt(end - start + 1);
        int n = 0, pos = start;
        while (pos <= end - sub.Length && (pos = s.IndexOf(sub, pos, end - pos, StringComparison.Ordinal)) >= 0)
        {
            n++;
            pos += sub.Length;
        }
        return new PyInt(n);
    }

    private static PyValue Encode(Site site, string s, string name, Args args)
    {
        var encoding = args.Get(0, "encoding");
        if (encoding is not (null or PyStr)) return site.Error("TypeError: encode() argument 'encoding' must be str, not " + encoding.TypeName);
        string codec = (encoding as PyStr)?.Value.ToLowerInvariant().Replace('_', '-') ?? "utf-8";
        if (codec is not ("utf-8" or "utf8")) return NotEvaluated(site, name, "the " + codec + " codec");
        return new PyBytes(new string(Encoding.UTF8.GetBytes(s).Select(b => (char)b).ToArray()));
    }

    private static PyValue ZFill(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, "width");
        if (arg is null) return site.Error("TypeError: zfill() takes exactly one argument (0 given)");
        if (!Integer(site, arg, 0, out long width, out var error)) return error!;
        width = Math.Min(width, EvaluationSession.MaxStringLength);
        int length = PythonText.Length(s);
        if (length >= width) return new PyStr(s);
        int signLen = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
        return new PyStr(s.Substring(0, signLen) + new string('0', (int)width - length) + s.Substring(signLen));
    }

    private static PyValue Justify(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, "width");
        if (arg is null) return site.Error("TypeError: " + name + "() takes at least 1 argument (0 given)");
        if (!Integer(site, arg, 0, out long width, out var error)) return error!;
        var fillArg = args.Get(1, "fillchar");
        string fill = " ";
        if (fillArg is not null)
        {
            if (fillArg is not PyStr f) return site.Error("TypeError: The fill character must be a unicode character, not " + fillArg.TypeName);
            if (PythonText.Length(f.Value) != 1) return site.Error("TypeError: The fill character must be exactly one character long");
            fill = f.Value;
        }
        width = Math.Min(width, EvaluationSession.MaxStringLength);
        long margin = width - PythonText.Length(s);
        if (margin <= 0) return new PyStr(s);
        long left = name switch
        {
            "ljust" => 0,
            "rjust" => margin,
            _ => margin / 2 + (margin & width & 1),
        };
        var sb = new StringBuilder();
        for (long i = 0; i < left; i++) sb.Append(fill);
        sb.Append(s);
        for (long i = 0; i < margin - left; i++) sb.Append(fill);
        return new PyStr(sb.ToString());
    }

    private static PyValue Partition(Site site, string s, string name, Args args)
    {
        var arg = args.Get(0, "sep");
        if (arg is null) return site.Error("TypeError: " + name + "() takes exactly one argument (0 given)");
        if (arg is not PyStr sepValue) return site.Error("TypeError: must be str, not " + arg.TypeName);
        string sep = sepValue.Value;
        if (sep.Length == 0) return site.Error("ValueError: empty separator");
        bool reverse = name == "rpartition";
        int at = reverse ? s.LastIndexOf(sep, StringComparison.Ordinal) : s.IndexOf(sep, StringComparison.Ordinal);
        PyValue Part(string text) => new PyStr(text);
        if (at < 0) return reverse ? PyOps.Tuple(new[] { Part(string.Empty), Part(string.Empty), Part(s) }) : PyOps.Tuple(new[] { Part(s), Part(string.Empty), Part(string.Empty) });
        return PyOps.Tuple(new[] { Part(s.Substring(0, at)), Part(sep), Part(s.Substring(at + sep.Length)) });
    }

    private static PyValue ExpandTabs(Site site, string s, string name, Args args)
    {
        if (!Integer(site, args.Get(0, "tabsize"), 8, out long tabSize, out var error)) return error!;
        var sb = new StringBuilder(s.Length);
        long column = 0;
        foreach (char ch in s)
        {
            if (ch == '\t')
            {
                if (tabSize > 0)
                {
                    long spaces = tabSize - column % tabSize;
                    if (sb.Length + spaces > EvaluationSession.MaxStringLength) return site.TooLarge("string");
                    sb.Append(' ', (int)spaces);
                    column += spaces;
                }
                continue;
            }
            sb.Append(ch);
            if (ch is '\n' or '\r') column = 0;
            else if (!char.IsLowSurrogate(ch)) column++;
        }
        return new PyStr(sb.ToString());
    }

    private static IEnumerable<string> SplitWhitespace(string s, long maxsplit, bool fromRight)
    {
        var parts = new List<string>();
        if (!fromRight)
        {
            int i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && PythonText.IsSpace(s[i])) i++;
                if (i >= s.Length) break;
                if (maxsplit >= 0 && parts.Count == maxsplit)
                {
                    // The rest keeps its trailing whitespace, as CPython's split does.
                    parts.Add(s.Substring(i));
                    return parts;
                }
                int start = i;
                while (i < s.Length && !PythonText.IsSpace(s[i])) i++;
                parts.Add(s.Substring(start, i - start));
            }
            return parts;
        }
        int j = s.Length;
        while (j > 0)
        {
            while (j > 0 && PythonText.IsSpace(s[j - 1])) j--;
            if (j <= 0) break;
            if (maxsplit >= 0 && parts.Count == maxsplit)
            {
                parts.Add(s.Substring(0, j));
                break;
            }
            int stop = j;
            while (j > 0 && !PythonText.IsSpace(s[j - 1])) j--;
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
