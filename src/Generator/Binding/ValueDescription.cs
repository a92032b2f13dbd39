using System.Globalization;
using System.Text;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Binding;

/// <summary>Python-style text for values in messages: <c>repr()</c>, shortened, and "type (repr)" descriptions.</summary>
internal static class ValueDescription
{
    private const int MaxLength = 60;

    /// <summary>"bool (True)", "str ('x-token')", "list", as used after "found".</summary>
    public static string Describe(PyValue value) => value switch
    {
        PyDeferred d => "a value read at startup (" + Shorten(d.Description) + ")",
        PyUnknown u => "a value that cannot be evaluated (" + u.Reason + ")",
        PySequence or PyDict => value.TypeName + " " + Repr(value),
        _ => value.TypeName + " (" + Repr(value) + ")",
    };

    /// <summary>Python's <c>repr()</c> of a value, shortened to about 60 characters.</summary>
    public static string Repr(PyValue value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return Shorten(sb.ToString());
    }

    /// <summary>Python's repr of a str: single quotes unless the text has one and no double quote.</summary>
    public static string ReprString(string s) => PyOps.StrRepr(s);

    private static string Shorten(string s) => s.Length <= MaxLength ? s : s.Substring(0, MaxLength - 3) + "...";

    private static void Append(StringBuilder sb, PyValue value)
    {
        if (sb.Length > MaxLength * 2) { sb.Append("..."); return; }
        switch (value)
        {
            case PyNone: sb.Append("None"); break;
            case PyBool b: sb.Append(b.Value ? "True" : "False"); break;
            case PyInt i: sb.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case PyFloat f: sb.Append(f.Value.ToString("R", CultureInfo.InvariantCulture)); break;
            case PyStr s: sb.Append(ReprString(s.Value)); break;
            case PyBytes b: sb.Append('b').Append(ReprString(b.Latin1)); break;
            case PyTimeDelta t: sb.Append(TimeDeltaText(t.Microseconds)); break;
            case PyPattern p: sb.Append("re.compile(").Append(ReprString(p.Pattern)).Append(p.IgnoreCase ? ", re.IGNORECASE)" : ")"); break;
            case PyList l: AppendItems(sb, "[", l, "]"); break;
            case PyTuple t: AppendItems(sb, "(", t, t.Items.Count == 1 ? ",)" : ")"); break;
            case PySet s: AppendItems(sb, "{", s, "}"); break;
            case PyDict d:
                sb.Append('{');
                for (int i = 0; i < d.Entries.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, d.Entries[i].Key);
                    sb.Append(": ");
                    Append(sb, d.Entries[i].Value);
                }
                sb.Append('}');
                break;
            case PyDeferred d: sb.Append(d.Description); break;
            case PyUnknown: sb.Append("<unknown>"); break;
            case PyOpaque o: sb.Append('<').Append(o.Kind).Append(' ').Append(o.Name).Append('>'); break;
            default: sb.Append('<').Append(value.TypeName).Append('>'); break;
        }
    }

    private static void AppendItems(StringBuilder sb, string open, PySequence seq, string close)
    {
        sb.Append(open);
        for (int i = 0; i < seq.Items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Append(sb, seq.Items[i]);
        }
        sb.Append(close);
    }

    /// <summary>Python's <c>str(timedelta)</c>: <c>1 day, 2:03:04</c>, <c>0:05:00</c>.</summary>
    public static string TimeDeltaText(long microseconds)
    {
        long totalSeconds = microseconds / 1_000_000;
        long micros = microseconds % 1_000_000;
        if (micros < 0) { micros += 1_000_000; totalSeconds -= 1; }
        long days = totalSeconds / 86400;
        long rem = totalSeconds % 86400;
        if (rem < 0) { rem += 86400; days -= 1; }
        var sb = new StringBuilder();
        if (days != 0) sb.Append(days.ToString(CultureInfo.InvariantCulture)).Append(days == 1 || days == -1 ? " day, " : " days, ");
        sb.Append((rem / 3600).ToString(CultureInfo.InvariantCulture)).Append(':')
          .Append((rem / 60 % 60).ToString("00", CultureInfo.InvariantCulture)).Append(':')
          .Append((rem % 60).ToString("00", CultureInfo.InvariantCulture));
        if (micros != 0) sb.Append('.').Append(micros.ToString("000000", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
