using System;
using System.Globalization;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary><c>int(x, base)</c> and <c>float(x)</c> as Python converts (underscores, signs, whitespace, inf/nan).</summary>
internal static class Conversions
{
    public static PyValue ToInt(Site site, PyValue? value, PyValue? baseValue)
    {
        switch (value)
        {
            case null: return new PyInt(0);
            case PyBool b: return new PyInt(b.Value ? 1 : 0);
            case PyInt i: return i with { Origin = null, DefinedAt = null };
            case PyFloat f:
                if (double.IsNaN(f.Value) || double.IsInfinity(f.Value)) return site.Error("ValueError: cannot convert float " + PyOps.FloatRepr(f.Value) + " to integer");
                if (Math.Abs(f.Value) >= 9.2e18) return site.Overflow(PyOps.FloatRepr(f.Value));
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
                    return site.Overflow("int(" + PyOps.StrRepr(s.Value) + ")");
                }
                if (!valid || radix < 2 || radix > 36) return site.Error("ValueError: invalid literal for int() with base " + radix + ": " + PyOps.StrRepr(s.Value));
                if (acc > (ulong)long.MaxValue + (negative ? 1UL : 0UL)) return site.Overflow("int(" + PyOps.StrRepr(s.Value) + ")");
                return new PyInt(negative ? (long)(0 - acc) : (long)acc);
            }
        }
        return site.Error("TypeError: int() argument must be a string, a bytes-like object or a real number, not '" + value.TypeName + "'");
    }

    public static PyValue ToFloat(Site site, PyValue? value)
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
                return site.Error("ValueError: could not convert string to float: " + PyOps.StrRepr(s.Value));
            }
        }
        return site.Error("TypeError: float() argument must be a string or a real number, not '" + value.TypeName + "'");
    }
}
