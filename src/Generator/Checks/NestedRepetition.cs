using System.Collections.Generic;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Finds the classic catastrophic-backtracking shape in a Python pattern: a group repeated without
/// bound whose body is itself one unbounded repetition, give or take optional parts (<c>(a+)+</c>,
/// <c>(\w+\s?)*</c>, <c>([a-z0-9]+-?)+</c>, <c>(?:(x+))+</c>). Such a body can split a run of
/// characters between iterations in exponentially many ways, and Python's <c>re</c> (a backtracking
/// engine, what Django runs the pattern on) tries them all before it fails. A body with a mandatory
/// part (<c>([a-z0-9-]+\.)+</c>: every iteration ends with the one dot) cannot split a run that way
/// and is not reported. Not found, deliberately: overlapping alternatives (<c>(a|ab)*</c>) and bodies
/// of two mandatory repetitions (<c>(x+x+)+</c>); the check reports the common shape precisely
/// rather than every shape loosely.
/// </summary>
internal static class NestedRepetition
{
    /// <summary>The index of the outer group's <c>(</c> in the first such shape, or -1.</summary>
    public static int Find(string pattern)
    {
        var frames = new Stack<Frame>();
        var current = new Frame(-1);
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            Element? atom = null;
            int atomStart = i;
            switch (c)
            {
                case '\\':
                    i = SkipEscape(pattern, i);
                    atom = Element.Consuming;
                    break;
                case '[':
                    i = SkipClass(pattern, i);
                    atom = Element.Consuming;
                    break;
                case '(':
                    frames.Push(current);
                    current = new Frame(i);
                    i = SkipGroupPrefix(pattern, i, current);
                    continue;
                case ')':
                    if (frames.Count == 0) return -1; // unbalanced: the translator reports it
                    var group = current;
                    current = frames.Pop();
                    i++;
                    atom = group.AsElement();
                    atomStart = group.Start;
                    break;
                case '|':
                    current.NextAlternative();
                    i++;
                    continue;
                case '^':
                case '$':
                    i++;
                    continue; // zero-width
                default:
                    i++;
                    atom = Element.Consuming;
                    break;
            }

            var (min, unbounded, next) = Quantifier(pattern, i);
            i = next;
            var element = atom.Value;
            if (unbounded && element.IsGroup && element.SelfSplittable) return atomStart;
            current.Add(element.Quantified(min, unbounded));
        }
        return -1;
    }

    private static (int Min, bool Unbounded, int Next) Quantifier(string p, int i)
    {
        if (i >= p.Length) return (1, false, i);
        int min;
        bool unbounded;
        int next;
        switch (p[i])
        {
            case '*': (min, unbounded, next) = (0, true, i + 1); break;
            case '+': (min, unbounded, next) = (1, true, i + 1); break;
            case '?': (min, unbounded, next) = (0, false, i + 1); break;
            case '{':
                int close = p.IndexOf('}', i);
                if (close < 0) return (1, false, i);
                string body = p.Substring(i + 1, close - i - 1);
                int comma = body.IndexOf(',');
                string low = comma < 0 ? body : body.Substring(0, comma);
                string high = comma < 0 ? body : body.Substring(comma + 1);
                // Python reads anything else after '{' as a literal brace.
                if (!AllDigits(low) || !AllDigits(high) || (low.Length == 0 && comma < 0)) return (1, false, i);
                min = low.Length == 0 ? 0 : int.TryParse(low, out int m) ? m : int.MaxValue;
                unbounded = comma >= 0 && high.Length == 0;
                next = close + 1;
                break;
            default: return (1, false, i);
        }
        // A lazy (?) or possessive (+, Python 3.11) suffix changes the order, not the shape.
        if (next < p.Length && (p[next] == '?' || p[next] == '+')) next++;
        return (min, unbounded, next);
    }

    private static bool AllDigits(string s)
    {
        foreach (char ch in s) if (ch < '0' || ch > '9') return false;
        return true;
    }

    private static int SkipEscape(string p, int i) => i + 2 <= p.Length ? i + 2 : p.Length;

    private static int SkipClass(string p, int i)
    {
        int j = i + 1;
        if (j < p.Length && p[j] == '^') j++;
        if (j < p.Length && p[j] == ']') j++; // a ']' first is a literal
        while (j < p.Length && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
        return j < p.Length ? j + 1 : p.Length;
    }

    // "(?:", "(?P<name>", "(?i:" open a group that consumes; lookarounds and "(?#...)" do not.
    private static int SkipGroupPrefix(string p, int i, Frame frame)
    {
        if (i + 1 >= p.Length || p[i + 1] != '?') return i + 1;
        if (i + 2 >= p.Length) return p.Length;
        char kind = p[i + 2];
        if (kind == '=' || kind == '!') { frame.ZeroWidth = true; return i + 3; }
        if (kind == '<' && i + 3 < p.Length && (p[i + 3] == '=' || p[i + 3] == '!')) { frame.ZeroWidth = true; return i + 4; }
        if (kind == 'P' && i + 3 < p.Length && p[i + 3] == '<')
        {
            int gt = p.IndexOf('>', i);
            return gt < 0 ? p.Length : gt + 1;
        }
        if (kind == ':') return i + 3;
        // Flags "(?i)" / "(?i:...)": skip the letters; a bare flag group is zero-width.
        int j = i + 2;
        while (j < p.Length && (char.IsLetter(p[j]) || p[j] == '-')) j++;
        if (j < p.Length && p[j] == ')') frame.ZeroWidth = true;
        else if (j < p.Length && p[j] == ':') j++;
        return j;
    }

    /// <summary>What one element of a sequence contributes to the shape of its group.</summary>
    private readonly record struct Element(bool Mandatory, bool Repeats, bool IsGroup, bool SelfSplittable, bool ZeroWidth)
    {
        public static Element Consuming => new(true, false, false, false, false);

        public Element Quantified(int min, bool unbounded)
        {
            if (ZeroWidth) return this;
            if (unbounded) return this with { Mandatory = false, Repeats = true };
            return min == 0 ? this with { Mandatory = false } : this;
        }
    }

    /// <summary>A group being read: its alternatives, each a count of mandatory and repeating elements.</summary>
    private sealed class Frame
    {
        private readonly List<(int Mandatory, int Repeats)> _done = new();
        private int _mandatory;
        private int _repeats;

        public Frame(int start) => Start = start;

        public int Start { get; }

        public bool ZeroWidth { get; set; }

        public void Add(Element e)
        {
            if (e.ZeroWidth) return;
            if (e.Repeats) _repeats++;
            else if (e.Mandatory) _mandatory++;
        }

        public void NextAlternative()
        {
            _done.Add((_mandatory, _repeats));
            _mandatory = 0;
            _repeats = 0;
        }

        public Element AsElement()
        {
            if (ZeroWidth) return new Element(false, false, true, false, true);
            var all = new List<(int Mandatory, int Repeats)>(_done) { (_mandatory, _repeats) };
            bool splittable = false, repeats = false, mandatory = true;
            foreach (var (m, r) in all)
            {
                // One unbounded repetition and nothing else it must match: a run splits freely.
                if (m == 0 && r == 1) splittable = true;
                if (r > 0 && m == 0) repeats = true;
                if (m == 0) mandatory = false;
            }
            return new Element(mandatory, repeats, true, splittable, false);
        }
    }
}
