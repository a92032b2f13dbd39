using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Interpreter;

/// <summary>
/// The common part of Python's format mini-language (<c>{x:>8}</c>, <c>{n:02d}</c>, <c>{f:.2f}</c>),
/// <c>str.format</c> with automatic/numbered/named fields, and <c>%</c> formatting. Returns null
/// (with a reason) for what it does not model, so the caller can report it.
/// </summary>
internal static class PyFormat
{
    public static string? Format(PyValue value, string spec, out string? error)
    {
        error = null;
        if (spec.Length == 0) return PyOps.Str(value);
        int i = 0;
        char fill = ' ';
        char align = '\0';
        if (spec.Length >= 2 && "<>^=".IndexOf(spec[1]) >= 0)
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if ("<>^=".IndexOf(spec[0]) >= 0)
        {
            align = spec[0];
            i = 1;
        }
        char sign = '-';
        if (i < spec.Length && "+- ".IndexOf(spec[i]) >= 0) sign = spec[i++];
        if (i < spec.Length && spec[i] == '#') i++;
        if (i < spec.Length && spec[i] == '0')
        {
            if (align == '\0')
            {
                fill = '0';
                align = '=';
            }
            i++;
        }
        int width = 0;
        while (i < spec.Length && char.IsDigit(spec[i])) width = Math.Min(width * 10 + (spec[i++] - '0'), 100_000);
        char grouping = '\0';
        if (i < spec.Length && (spec[i] == ',' || spec[i] == '_')) grouping = spec[i++];
        int precision = -1;
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            precision = 0;
            while (i < spec.Length && char.IsDigit(spec[i])) precision = Math.Min(precision * 10 + (spec[i++] - '0'), 100);
        }
        char type = i < spec.Length ? spec[i++] : '\0';
        if (i != spec.Length)
        {
            error = "Invalid format specifier '" + spec + "'";
            return null;
        }

        string body;
        bool numeric = PyOps.IsNumber(value);
        if (value is PyStr s)
        {
            if (type is not ('\0' or 's'))
            {
                error = "Unknown format code '" + type + "' for object of type 'str'";
                return null;
            }
            body = precision >= 0 && precision < s.Value.Length ? s.Value.Substring(0, precision) : s.Value;
            if (align == '\0') align = '<';
        }
        else if (numeric)
        {
            if (align == '\0') align = '>';
            bool isInt = PyOps.IsInteger(value) && type is '\0' or 'd' or 'n' or 'x' or 'X' or 'o' or 'b' or 'c';
            double d = PyOps.AsDouble(value);
            bool negative = isInt ? PyOps.AsLong(value) < 0 : (d < 0 || (d == 0 && 1 / d < 0));
            string digits;
            if (isInt)
            {
                if (precision >= 0)
                {
                    error = "Precision not allowed in integer format specifier";
                    return null;
                }
                long n = PyOps.AsLong(value);
                ulong magnitude = n < 0 ? (ulong)(-(n + 1)) + 1 : (ulong)n;
                digits = type switch
                {
                    'x' => magnitude.ToString("x", CultureInfo.InvariantCulture),
                    'X' => magnitude.ToString("X", CultureInfo.InvariantCulture),
                    'o' => Convert.ToString((long)magnitude, 8),
                    'b' => Convert.ToString((long)magnitude, 2),
                    'c' => char.ConvertFromUtf32((int)Math.Min(magnitude, 0x10FFFF)),
                    _ => magnitude.ToString(CultureInfo.InvariantCulture),
                };
            }
            else
            {
                double m = Math.Abs(d);
                switch (type)
                {
                    case 'f':
                    case 'F':
                        digits = m.ToString("F" + (precision < 0 ? 6 : precision).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                        break;
                    case '%':
                        digits = (m * 100).ToString("F" + (precision < 0 ? 6 : precision).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
                        break;
                    case 'e':
                    case 'E':
                    {
                        string t = m.ToString((type == 'e' ? "e" : "E") + (precision < 0 ? 6 : precision).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                        // .NET writes three exponent digits; Python at least two.
                        int e = t.IndexOfAny(new[] { 'e', 'E' });
                        string exp = t.Substring(e + 2).TrimStart('0');
                        digits = t.Substring(0, e + 2) + exp.PadLeft(2, '0');
                        break;
                    }
                    case '\0':
                    case 'g':
                    case 'G':
                        digits = precision < 0 ? PyOps.FloatRepr(m) : m.ToString("G" + Math.Max(precision, 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                        break;
                    default:
                        error = "Unknown format code '" + type + "' for object of type 'float'";
                        return null;
                }
            }
            if (grouping != '\0')
            {
                int dot = digits.IndexOf('.');
                string intPart = dot < 0 ? digits : digits.Substring(0, dot);
                string rest = dot < 0 ? string.Empty : digits.Substring(dot);
                var sb = new StringBuilder();
                for (int k = 0; k < intPart.Length; k++)
                {
                    if (k > 0 && (intPart.Length - k) % 3 == 0) sb.Append(grouping);
                    sb.Append(intPart[k]);
                }
                digits = sb + rest;
            }
            string signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : string.Empty;
            if (align == '=')
            {
                int pad = width - signText.Length - digits.Length;
                return signText + (pad > 0 ? new string(fill, pad) : string.Empty) + digits;
            }
            body = signText + digits;
        }
        else
        {
            if (type != '\0' || precision >= 0)
            {
                error = "unsupported format string passed to " + value.TypeName + ".__format__";
                return null;
            }
            body = PyOps.Str(value);
            if (align == '\0') align = '<';
        }
        return Pad(body, width, fill, align);
    }

    private static string Pad(string body, int width, char fill, char align)
    {
        int pad = width - body.Length;
        if (pad <= 0) return body;
        return align switch
        {
            '>' or '=' => new string(fill, pad) + body,
            '^' => new string(fill, pad / 2) + body + new string(fill, pad - pad / 2),
            _ => body + new string(fill, pad),
        };
    }

    /// <summary><c>str.format(*args, **kwargs)</c> with simple fields.</summary>
    public static string? StrFormat(string format, IReadOnlyList<PyValue> args, IReadOnlyDictionary<string, PyValue> kwargs, out string? error)
    {
        error = null;
        var sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c == '}') { error = "Single '}' encountered in format string"; return null; }
            if (c != '{') { sb.Append(c); continue; }
            int close = format.IndexOf('}', i + 1);
            if (close < 0) { error = "Single '{' encountered in format string"; return null; }
            string field = format.Substring(i + 1, close - i - 1);
            if (field.IndexOf('{') >= 0) { error = "nested replacement fields are not evaluated"; return null; }
            string spec = string.Empty;
            char conversion = '\0';
            int colon = field.IndexOf(':');
            if (colon >= 0) { spec = field.Substring(colon + 1); field = field.Substring(0, colon); }
            int bang = field.IndexOf('!');
            if (bang >= 0) { conversion = bang + 1 < field.Length ? field[bang + 1] : '\0'; field = field.Substring(0, bang); }
            PyValue value;
            if (field.Length == 0)
            {
                if (auto >= args.Count) { error = "Replacement index " + auto + " out of range for positional args tuple"; return null; }
                value = args[auto++];
            }
            else if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                if (index >= args.Count) { error = "Replacement index " + index + " out of range for positional args tuple"; return null; }
                value = args[index];
            }
            else if (kwargs.TryGetValue(field, out var named))
            {
                value = named;
            }
            else
            {
                error = field.IndexOfAny(new[] { '.', '[' }) >= 0 ? "attribute and index lookups in format fields are not evaluated" : "KeyError: '" + field + "'";
                return null;
            }
            if (conversion == 'r' || conversion == 'a') value = new PyStr(PyOps.Repr(value));
            else if (conversion == 's') value = new PyStr(PyOps.Str(value));
            var text = Format(value, spec, out error);
            if (text is null) return null;
            sb.Append(text);
            i = close;
        }
        return sb.ToString();
    }

    /// <summary><c>"..." % args</c> for the <c>%s %r %d %i %f %%</c> conversions with flags and width.</summary>
    public static string? Percent(string format, PyValue args, out string? error)
    {
        error = null;
        var values = args is PyTuple t ? (IReadOnlyList<PyValue>)t.Items : new[] { args };
        var mapping = args as PyDict;
        int next = 0;
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%') { sb.Append(c); continue; }
            i++;
            if (i >= format.Length) { error = "incomplete format"; return null; }
            PyValue? value = null;
            if (format[i] == '(')
            {
                int close = format.IndexOf(')', i);
                if (close < 0 || mapping is null) { error = "format requires a mapping"; return null; }
                var key = format.Substring(i + 1, close - i - 1);
                value = PyOps.Lookup(mapping, new PyStr(key));
                if (value is null) { error = "KeyError: '" + key + "'"; return null; }
                i = close + 1;
            }
            var flags = new StringBuilder();
            while (i < format.Length && "-+ 0#".IndexOf(format[i]) >= 0) flags.Append(format[i++]);
            var rest = new StringBuilder();
            while (i < format.Length && (char.IsDigit(format[i]) || format[i] == '.')) rest.Append(format[i++]);
            if (i >= format.Length) { error = "incomplete format"; return null; }
            char conv = format[i];
            if (conv == '%') { sb.Append('%'); continue; }
            if (value is null)
            {
                if (next >= values.Count) { error = "not enough arguments for format string"; return null; }
                value = values[next++];
            }
            string f = flags.ToString();
            string align = f.IndexOf('-') >= 0 ? "<" : string.Empty;
            string zero = f.IndexOf('0') >= 0 && align.Length == 0 ? "0" : string.Empty;
            string plus = f.IndexOf('+') >= 0 ? "+" : f.IndexOf(' ') >= 0 ? " " : string.Empty;
            string? text;
            switch (conv)
            {
                case 's': text = Format(new PyStr(PyOps.Str(value)), align + rest, out error); break;
                case 'r': text = Format(new PyStr(PyOps.Repr(value)), align + rest, out error); break;
                case 'd':
                case 'i':
                case 'u':
                    if (!PyOps.IsNumber(value)) { error = "%d format: a real number is required, not " + value.TypeName; return null; }
                    text = Format(new PyInt(PyOps.IsInteger(value) ? PyOps.AsLong(value) : (long)Math.Truncate(PyOps.AsDouble(value))), align + plus + zero + rest.ToString().Split('.')[0] + "d", out error);
                    break;
                case 'f':
                case 'F':
                case 'e':
                case 'g':
                    if (!PyOps.IsNumber(value)) { error = "must be real number, not " + value.TypeName; return null; }
                    text = Format(new PyFloat(PyOps.AsDouble(value)), align + plus + zero + (rest.ToString().IndexOf('.') >= 0 ? rest.ToString() : rest + ".6") + conv, out error);
                    break;
                default:
                    error = "unsupported format character '" + conv + "'";
                    return null;
            }
            if (text is null) return null;
            sb.Append(text);
        }
        if (mapping is null && next < values.Count) { error = "not all arguments converted during string formatting"; return null; }
        return sb.ToString();
    }
}
