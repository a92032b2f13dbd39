using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoSettings.Shared;

/// <summary>
/// Translates a Python <c>re</c> pattern (CPython 3.11 syntax, <c>str</c> pattern) into a .NET
/// pattern with the same meaning under <c>re.match</c>: anchored at the start only, never at the
/// end. Never throws: anything it cannot translate, or that Python itself would reject, comes back
/// as an error with the offending position, so the generator can report it at build time and the
/// runtime can refuse it at startup.
/// </summary>
/// <remarks>
/// Rewritten: <c>(?P&lt;n&gt;…)</c> → <c>(?&lt;n&gt;…)</c>, <c>(?P=n)</c> → <c>\k&lt;n&gt;</c>,
/// <c>\Z</c> → <c>\z</c>, <c>{,n}</c> → <c>{0,n}</c>, octal and <c>\U</c> escapes → <c>\uXXXX</c>,
/// leading global flags → <see cref="RegexOptions"/>, a literal <c>[</c> inside a class is escaped
/// (in .NET <c>-[…]</c> would be class subtraction). <c>$</c> needs no change: without Multiline both
/// engines match at the end or before a final <c>\n</c>.
/// Refused: possessive quantifiers (<c>a*+</c>, Python 3.11 only), <c>\N{…}</c>, the ASCII and
/// LOCALE flags, .NET-only or unknown escapes (Python raises on them), <c>(?&lt;name&gt;</c>,
/// global flags not at the start, unbalanced parentheses or brackets.
/// Engine: every pattern the linear-time engine can run gets <c>RegexOptions.NonBacktracking</c>
/// (see <see cref="PythonRegexTranslation.LinearTime"/>); the rest keep the backtracking engine
/// with the match timeout, and say why in <see cref="PythonRegexTranslation.BacktrackingReason"/>.
/// Known difference, both engines alike: <c>\B</c> matches in an empty string in .NET (and in
/// CPython 3.14), not in CPython 3.11; an Origin or a path is never empty when matched.
/// </remarks>
internal static class PythonRegex
{
    /// <summary>Default match timeout for every translated regex (a hostile Origin cannot pin a core).</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// <c>RegexOptions.NonBacktracking</c> (.NET 7+): the engine whose matching time is linear in
    /// the input. Spelled as its value because this file also compiles for netstandard2.0.
    /// </summary>
    public const RegexOptions NonBacktracking = (RegexOptions)1024;

    // .NET refuses NonBacktracking above an estimated 10,000 automaton states
    // (REGEX_NONBACKTRACKING_MAX_AUTOMATA_SIZE); we stay at half that, so an estimate that is a
    // little off can never turn into a NotSupportedException at startup.
    private const long MaxLinearNfaSize = 5000;

    /// <summary>Python's <c>re</c> flag values, for patterns that were <c>re.compile(p, flags)</c>.</summary>
    [Flags]
    public enum PyFlags
    {
        /// <summary>No flag.</summary>
        None = 0,
        /// <summary>re.LOCALE (refused).</summary>
        Locale = 4,
        /// <summary>re.IGNORECASE.</summary>
        IgnoreCase = 2,
        /// <summary>re.MULTILINE.</summary>
        Multiline = 8,
        /// <summary>re.DOTALL.</summary>
        DotAll = 16,
        /// <summary>re.UNICODE (the default for str patterns; no effect).</summary>
        Unicode = 32,
        /// <summary>re.VERBOSE.</summary>
        Verbose = 64,
        /// <summary>re.ASCII (refused).</summary>
        Ascii = 256,
    }

    /// <summary>Translates <paramref name="pattern"/>; see <see cref="PythonRegexTranslation"/>.</summary>
    public static PythonRegexTranslation Translate(string pattern, PyFlags flags = PyFlags.None)
    {
        if (pattern is null) return PythonRegexTranslation.Fail("pattern is null", 0);
        try
        {
            return new Translator(pattern, flags).Run();
        }
        catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is OverflowException || ex is IndexOutOfRangeException)
        {
            // Defensive: a translator bug must surface as an error result, never as a generator crash.
            return PythonRegexTranslation.Fail("cannot translate: " + ex.Message, 0);
        }
    }

    /// <summary>
    /// Translates and compiles a start-anchored regex (<c>\A(?:…)</c>) with CultureInvariant and a
    /// match timeout, on the linear-time engine when the translation allows it. Returns null and
    /// sets <paramref name="error"/> when it cannot.
    /// </summary>
    public static Regex? CompileForMatch(string pattern, out string? error, TimeSpan? matchTimeout = null, PyFlags flags = PyFlags.None, bool compiled = false)
    {
        var t = Translate(pattern, flags);
        if (!t.Success)
        {
            error = t.Error + " at position " + t.ErrorPosition.ToString(CultureInfo.InvariantCulture);
            return null;
        }
        var timeout = matchTimeout ?? DefaultMatchTimeout;
        try
        {
            var options = t.Options | (compiled && !t.LinearTime ? RegexOptions.Compiled : RegexOptions.None);
            error = null;
            return new Regex(t.AnchoredPattern!, options, timeout);
        }
        catch (Exception ex) when (t.LinearTime && (ex is ArgumentOutOfRangeException || ex is NotSupportedException))
        {
            // A host without the linear-time engine (the generator inside a .NET Framework
            // compiler), or an automaton estimate of ours that .NET disagrees with: the same
            // pattern on the backtracking engine, still bounded by the match timeout.
            return CompileBacktracking(t, compiled, timeout, out error);
        }
        catch (ArgumentException ex)
        {
            error = "the translated pattern is not valid in .NET: " + ex.Message;
            return null;
        }
    }

    private static Regex? CompileBacktracking(PythonRegexTranslation t, bool compiled, TimeSpan timeout, out string? error)
    {
        try
        {
            error = null;
            return new Regex(t.AnchoredPattern!, (t.Options & ~NonBacktracking) | (compiled ? RegexOptions.Compiled : RegexOptions.None), timeout);
        }
        catch (ArgumentException ex)
        {
            error = "the translated pattern is not valid in .NET: " + ex.Message;
            return null;
        }
    }

    /// <summary>
    /// An upper bound of the automaton size .NET estimates before it agrees to run a pattern
    /// with NonBacktracking (<c>SymbolicRegexNode.EstimateNfaSize</c>: 5 × (1 + the number of
    /// character and set leaves) once the pattern has an anchor, which <c>\A</c> guarantees; a
    /// bounded loop multiplies its body by its maximum, an unbounded one by its minimum + 1, an
    /// alternation and a sequence add up). Counted while translating, one frame per group.
    /// </summary>
    private sealed class NfaSize
    {
        public const long Unbounded = -1;
        private const long Cap = 1_000_000_000;

        private readonly System.Collections.Generic.List<Frame> _frames = new() { new Frame() };

        private sealed class Frame
        {
            public long Total;
            public long LastAtom;
        }

        private Frame Top => _frames[_frames.Count - 1];

        public long Estimate => Times(5, _frames[0].Total + 1);

        public void Atom(long leaves, bool replacesLast = false)
        {
            var top = Top;
            if (replacesLast) top.Total -= top.LastAtom;
            top.Total = Math.Min(Cap, top.Total + leaves);
            top.LastAtom = leaves;
        }

        public void Anchor() => Top.LastAtom = 0;

        public void Open() => _frames.Add(new Frame());

        public void Close()
        {
            if (_frames.Count == 1) return;
            long group = Top.Total;
            _frames.RemoveAt(_frames.Count - 1);
            Atom(group);
        }

        public void Repeat(long low, long high)
        {
            long factor = high != Unbounded ? high : low == 0 ? 1 : low + 1;
            var top = Top;
            long repeated = Times(top.LastAtom, factor);
            top.Total = Math.Min(Cap, Math.Max(0, top.Total - top.LastAtom + repeated));
            top.LastAtom = repeated;
        }

        private static long Times(long a, long b) => a == 0 || b == 0 ? 0 : a > Cap / b ? Cap : a * b;
    }

    private sealed class Translator
    {
        private readonly string _p;
        private readonly StringBuilder _o;
        private PyFlags _flags;
        private int _i;
        private int _depth;
        private bool _sawNonFlag;
        // What the previous element was, for possessive / multiple-repeat detection.
        private Prev _prev = Prev.Nothing;
        // The first construct only the backtracking engine runs, and where it is in the Python pattern.
        private string? _backtrackingReason;
        private int _backtrackingPosition = -1;
        private readonly NfaSize _size = new();

        private enum Prev { Nothing, Atom, Quantifier, LazyQuantifier }

        public Translator(string pattern, PyFlags flags)
        {
            _p = pattern;
            _o = new StringBuilder(pattern.Length + 8);
            _flags = flags;
        }

        private bool Verbose => (_flags & PyFlags.Verbose) != 0;

        private void NeedsBacktracking(string construct, int position)
        {
            if (_backtrackingReason is not null) return;
            _backtrackingReason = construct;
            _backtrackingPosition = position;
        }

        public PythonRegexTranslation Run()
        {
            if ((_flags & PyFlags.Ascii) != 0) return PythonRegexTranslation.Fail("the re.ASCII flag has no .NET equivalent", 0);
            if ((_flags & PyFlags.Locale) != 0) return PythonRegexTranslation.Fail("the re.LOCALE flag is not supported for str patterns", 0);
            while (_i < _p.Length)
            {
                var error = Step();
                if (error is not null) return error;
            }
            if (_depth > 0) return PythonRegexTranslation.Fail("missing ), unterminated subpattern", _p.Length);
            var options = RegexOptions.CultureInvariant;
            if ((_flags & PyFlags.IgnoreCase) != 0) options |= RegexOptions.IgnoreCase;
            if ((_flags & PyFlags.Multiline) != 0) options |= RegexOptions.Multiline;
            if ((_flags & PyFlags.DotAll) != 0) options |= RegexOptions.Singleline;
            if ((_flags & PyFlags.Verbose) != 0) options |= RegexOptions.IgnorePatternWhitespace;
            if (_backtrackingReason is null && _size.Estimate > MaxLinearNfaSize)
            {
                _backtrackingReason = "counted repetitions too large for the linear-time engine (about " + _size.Estimate.ToString(CultureInfo.InvariantCulture) + " automaton states; its limit is 10,000)";
                _backtrackingPosition = 0;
            }
            if (_backtrackingReason is null) options |= NonBacktracking;
            string body = _o.ToString();
            // In verbose mode a trailing "# comment" would swallow the closing parenthesis.
            string anchored = @"\A(?:" + body + (Verbose ? "\n)" : ")");
            return new PythonRegexTranslation(true, body, anchored, options, null, -1, _backtrackingReason, _backtrackingPosition);
        }

        private PythonRegexTranslation? Step()
        {
            char c = _p[_i];
            if (Verbose && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'))
            {
                _o.Append(c);
                _i++;
                return null;
            }
            if (Verbose && c == '#')
            {
                // Comment to end of line: dropped (its contents must not count as syntax).
                while (_i < _p.Length && _p[_i] != '\n') _i++;
                return null;
            }
            switch (c)
            {
                case '\\':
                    _sawNonFlag = true;
                    return Escape(inClass: false);
                case '[':
                    _sawNonFlag = true;
                    return CharClass();
                case '(':
                    return Group();
                case ')':
                    _sawNonFlag = true;
                    if (_depth == 0) return PythonRegexTranslation.Fail("unbalanced parenthesis", _i);
                    _depth--;
                    _o.Append(')');
                    _i++;
                    _prev = Prev.Atom;
                    _size.Close();
                    return null;
                case '*':
                case '+':
                case '?':
                    _sawNonFlag = true;
                    return SimpleQuantifier(c);
                case '{':
                    _sawNonFlag = true;
                    return Brace();
                case '|':
                    _sawNonFlag = true;
                    _o.Append('|');
                    _i++;
                    _prev = Prev.Nothing;
                    return null;
                case '^':
                case '$':
                    _sawNonFlag = true;
                    _o.Append(c);
                    _i++;
                    _prev = Prev.Nothing;
                    _size.Anchor();
                    return null;
                default:
                    _sawNonFlag = true;
                    AppendLiteral(c);
                    _i++;
                    _prev = Prev.Atom;
                    _size.Atom(1);
                    return null;
            }
        }

        private void AppendLiteral(char c)
        {
            // '}' and ']' are literal in both engines; '#' and whitespace are escaped so that a .NET
            // IgnorePatternWhitespace never sees them as syntax (we only reach here outside verbose).
            if (c == '#' || c == ' ') _o.Append('\\');
            _o.Append(c);
        }

        private PythonRegexTranslation? SimpleQuantifier(char c)
        {
            int at = _i;
            if (c == '?' && _prev == Prev.Quantifier)
            {
                _o.Append('?');
                _i++;
                _prev = Prev.LazyQuantifier;
                return null;
            }
            if (c == '+' && _prev == Prev.Quantifier)
                return PythonRegexTranslation.Fail("possessive quantifiers (Python 3.11) have no .NET equivalent; use an atomic group (?>...)", at);
            if (_prev == Prev.Quantifier || _prev == Prev.LazyQuantifier)
                return PythonRegexTranslation.Fail("multiple repeat", at);
            if (_prev == Prev.Nothing)
                return PythonRegexTranslation.Fail("nothing to repeat", at);
            _o.Append(c);
            _i++;
            _prev = Prev.Quantifier;
            _size.Repeat(c == '+' ? 1 : 0, c == '?' ? 1 : NfaSize.Unbounded);
            return null;
        }

        // Python: "{" digits? ("," digits?)? "}" is a repeat; anything else is a literal "{".
        private PythonRegexTranslation? Brace()
        {
            int at = _i;
            int k = _i + 1;
            int loStart = k;
            while (k < _p.Length && _p[k] >= '0' && _p[k] <= '9') k++;
            string lo = _p.Substring(loStart, k - loStart);
            string? hi = null;
            bool comma = false;
            if (k < _p.Length && _p[k] == ',')
            {
                comma = true;
                k++;
                int hiStart = k;
                while (k < _p.Length && _p[k] >= '0' && _p[k] <= '9') k++;
                hi = _p.Substring(hiStart, k - hiStart);
            }
            if (k >= _p.Length || _p[k] != '}' || (lo.Length == 0 && !comma))
            {
                _o.Append(@"\{");
                _i++;
                _prev = Prev.Atom;
                _size.Atom(1);
                return null;
            }
            if (_prev == Prev.Quantifier || _prev == Prev.LazyQuantifier) return PythonRegexTranslation.Fail("multiple repeat", at);
            if (_prev == Prev.Nothing) return PythonRegexTranslation.Fail("nothing to repeat", at);
            string loText = lo.Length == 0 ? "0" : lo;
            if (loText.Length > 9 || (hi is { Length: > 9 })) return PythonRegexTranslation.Fail("the repetition number is too large", at);
            if (hi is { Length: > 0 } && long.Parse(hi, CultureInfo.InvariantCulture) < long.Parse(loText, CultureInfo.InvariantCulture))
                return PythonRegexTranslation.Fail("min repeat greater than max repeat", at);
            _o.Append('{').Append(loText);
            if (comma) _o.Append(',').Append(hi);
            _o.Append('}');
            _i = k + 1;
            _prev = Prev.Quantifier;
            long low = long.Parse(loText, CultureInfo.InvariantCulture);
            _size.Repeat(low, !comma ? low : hi is { Length: > 0 } ? long.Parse(hi, CultureInfo.InvariantCulture) : NfaSize.Unbounded);
            return null;
        }

        private PythonRegexTranslation? Group()
        {
            int at = _i;
            if (_i + 1 >= _p.Length || _p[_i + 1] != '?')
            {
                _sawNonFlag = true;
                _depth++;
                _o.Append('(');
                _i++;
                _prev = Prev.Nothing;
                _size.Open();
                return null;
            }
            int k = _i + 2;
            if (k >= _p.Length) return PythonRegexTranslation.Fail("unexpected end of pattern", k);
            char c = _p[k];
            switch (c)
            {
                case 'P':
                    _sawNonFlag = true;
                    return NamedPythonGroup(at);
                case ':':
                case '=':
                case '!':
                case '>':
                    _sawNonFlag = true;
                    _depth++;
                    _o.Append("(?").Append(c);
                    _i = k + 1;
                    _prev = Prev.Nothing;
                    _size.Open();
                    if (c == '>') NeedsBacktracking("an atomic group (?>...)", at);
                    else if (c != ':') NeedsBacktracking("a lookahead (?" + c + "...)", at);
                    return null;
                case '<':
                    _sawNonFlag = true;
                    if (k + 1 < _p.Length && (_p[k + 1] == '=' || _p[k + 1] == '!'))
                    {
                        _depth++;
                        _o.Append("(?<").Append(_p[k + 1]);
                        _i = k + 2;
                        _prev = Prev.Nothing;
                        _size.Open();
                        NeedsBacktracking("a lookbehind (?<" + _p[k + 1] + "...)", at);
                        return null;
                    }
                    return PythonRegexTranslation.Fail("(?<name>...) is not Python syntax; Python 3.11 needs (?P<name>...)", at);
                case '#':
                {
                    int end = _p.IndexOf(')', k);
                    if (end < 0) return PythonRegexTranslation.Fail("missing ), unterminated comment", at);
                    _i = end + 1;
                    return null;
                }
                case '(':
                {
                    _sawNonFlag = true;
                    // Conditional (?(id/name)yes|no): same spelling in .NET.
                    int end = _p.IndexOf(')', k);
                    if (end < 0) return PythonRegexTranslation.Fail("missing ), unterminated name", at);
                    string name = _p.Substring(k + 1, end - k - 1);
                    if (!IsGroupName(name) && !IsDigits(name)) return PythonRegexTranslation.Fail("bad character in group name " + name, k + 1);
                    _depth++;
                    _o.Append("(?(").Append(name).Append(')');
                    _i = end + 1;
                    _prev = Prev.Nothing;
                    _size.Open();
                    NeedsBacktracking("a conditional (?(" + name + ")...)", at);
                    return null;
                }
                default:
                    return Flags(at, k);
            }
        }

        private PythonRegexTranslation? NamedPythonGroup(int at)
        {
            int k = _i + 3;
            if (k >= _p.Length) return PythonRegexTranslation.Fail("unexpected end of pattern", k);
            if (_p[k] == '<')
            {
                int end = _p.IndexOf('>', k);
                if (end < 0) return PythonRegexTranslation.Fail("missing >, unterminated name", k);
                string name = _p.Substring(k + 1, end - k - 1);
                if (!IsGroupName(name)) return PythonRegexTranslation.Fail("bad character in group name '" + name + "'", k + 1);
                _depth++;
                _o.Append("(?<").Append(name).Append('>');
                _i = end + 1;
                _prev = Prev.Nothing;
                _size.Open();
                return null;
            }
            if (_p[k] == '=')
            {
                int end = _p.IndexOf(')', k);
                if (end < 0) return PythonRegexTranslation.Fail("missing ), unterminated name", k);
                string name = _p.Substring(k + 1, end - k - 1);
                if (!IsGroupName(name)) return PythonRegexTranslation.Fail("bad character in group name '" + name + "'", k + 1);
                _o.Append(@"\k<").Append(name).Append('>');
                _i = end + 1;
                _prev = Prev.Atom;
                _size.Atom(1);
                NeedsBacktracking("a backreference (?P=" + name + ")", at);
                return null;
            }
            return PythonRegexTranslation.Fail("unknown extension ?P" + _p[k], at);
        }

        // (?aiLmsux) global flags, or (?aiLmsux-imsx:...) scoped flags.
        private PythonRegexTranslation? Flags(int at, int k)
        {
            PyFlags on = PyFlags.None, off = PyFlags.None;
            bool minus = false;
            for (; k < _p.Length; k++)
            {
                char c = _p[k];
                PyFlags f;
                switch (c)
                {
                    case 'a': f = PyFlags.Ascii; break;
                    case 'i': f = PyFlags.IgnoreCase; break;
                    case 'L': f = PyFlags.Locale; break;
                    case 'm': f = PyFlags.Multiline; break;
                    case 's': f = PyFlags.DotAll; break;
                    case 'u': f = PyFlags.Unicode; break;
                    case 'x': f = PyFlags.Verbose; break;
                    case '-':
                        if (minus) return PythonRegexTranslation.Fail("bad inline flags", k);
                        minus = true;
                        continue;
                    case ')':
                        if (minus) return PythonRegexTranslation.Fail("missing :", k);
                        if (_sawNonFlag) return PythonRegexTranslation.Fail("global flags not at the start of the expression", at);
                        if ((on & PyFlags.Ascii) != 0) return PythonRegexTranslation.Fail("the (?a) ASCII flag has no .NET equivalent", at);
                        if ((on & PyFlags.Locale) != 0) return PythonRegexTranslation.Fail("bad inline flags: cannot use 'L' flag with a str pattern", at);
                        _flags |= on;
                        _i = k + 1;
                        return null;
                    case ':':
                        return ScopedFlags(at, k, on, off);
                    default:
                        return PythonRegexTranslation.Fail("unknown extension ?" + c, at);
                }
                if (minus)
                {
                    if ((f & (PyFlags.IgnoreCase | PyFlags.Multiline | PyFlags.DotAll | PyFlags.Verbose)) == 0)
                        return PythonRegexTranslation.Fail("bad inline flags: cannot turn off flag " + c, k);
                    off |= f;
                }
                else
                {
                    on |= f;
                }
            }
            return PythonRegexTranslation.Fail("missing -, : or )", k);
        }

        private PythonRegexTranslation? ScopedFlags(int at, int k, PyFlags on, PyFlags off)
        {
            _sawNonFlag = true;
            if ((on & (PyFlags.Ascii | PyFlags.Locale)) != 0) return PythonRegexTranslation.Fail("the ASCII and LOCALE inline flags have no .NET equivalent", at);
            if (((on | off) & PyFlags.Verbose) != 0) return PythonRegexTranslation.Fail("a scoped (?x:...) verbose group is not supported; use a global (?x) flag", at);
            if ((on & off) != 0) return PythonRegexTranslation.Fail("bad inline flags: flag turned on and off", at);
            _o.Append("(?").Append(NetFlags(on));
            if (off != PyFlags.None) _o.Append('-').Append(NetFlags(off));
            _o.Append(':');
            _depth++;
            _i = k + 1;
            _prev = Prev.Nothing;
            _size.Open();
            return null;
        }

        private static string NetFlags(PyFlags f)
        {
            var sb = new StringBuilder(4);
            if ((f & PyFlags.IgnoreCase) != 0) sb.Append('i');
            if ((f & PyFlags.Multiline) != 0) sb.Append('m');
            if ((f & PyFlags.DotAll) != 0) sb.Append('s');
            return sb.ToString();
        }

        private PythonRegexTranslation? CharClass()
        {
            int at = _i;
            _o.Append('[');
            _i++;
            if (_i < _p.Length && _p[_i] == '^')
            {
                _o.Append('^');
                _i++;
            }
            bool first = true;
            while (true)
            {
                if (_i >= _p.Length) return PythonRegexTranslation.Fail("unterminated character set", at);
                char c = _p[_i];
                if (c == ']' && !first)
                {
                    _o.Append(']');
                    _i++;
                    _prev = Prev.Atom;
                    _size.Atom(1);
                    return null;
                }
                first = false;
                if (c == '\\')
                {
                    var e = Escape(inClass: true);
                    if (e is not null) return e;
                    continue;
                }
                if (c == '[' || c == ']' || c == '#' || c == ' ') _o.Append('\\');
                _o.Append(c);
                _i++;
            }
        }

        private PythonRegexTranslation? Escape(bool inClass)
        {
            int at = _i;
            if (_i + 1 >= _p.Length) return PythonRegexTranslation.Fail("bad escape (end of pattern)", at);
            char c = _p[_i + 1];
            _i += 2;
            if (!inClass) _prev = Prev.Atom;
            // Every escape outside a class is one character or one set, except the anchors and
            // the \U escapes of a surrogate pair, which correct this below.
            if (!inClass && c != 'b' && c != 'A' && c != 'B' && c != 'Z') _size.Atom(1);
            switch (c)
            {
                case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
                case 'a': case 'f': case 'n': case 'r': case 't': case 'v':
                    _o.Append('\\').Append(c);
                    return null;
                case 'b':
                    _o.Append(@"\b");
                    if (!inClass)
                    {
                        _prev = Prev.Nothing;
                        _size.Anchor();
                    }
                    return null;
                case 'A': case 'B': case 'Z':
                    if (inClass) return PythonRegexTranslation.Fail("bad escape \\" + c + " in a character set", at);
                    _o.Append(c == 'Z' ? @"\z" : "\\" + c);
                    _prev = Prev.Nothing;
                    _size.Anchor();
                    return null;
                case 'x':
                    return HexEscape(at, 2);
                case 'u':
                    return HexEscape(at, 4);
                case 'U':
                    return HexEscape(at, 8, inClass);
                case 'N':
                    return PythonRegexTranslation.Fail("\\N{...} named characters are not supported", at);
                case '0':
                {
                    int value = 0, n = 0;
                    while (n < 2 && _i < _p.Length && _p[_i] >= '0' && _p[_i] <= '7')
                    {
                        value = value * 8 + (_p[_i] - '0');
                        _i++;
                        n++;
                    }
                    AppendCodeUnit(value);
                    return null;
                }
            }
            if (c >= '1' && c <= '9')
            {
                // Three octal digits (first <= 3) are an octal escape; otherwise 1-2 digits are a
                // group reference (which Python forbids inside a class).
                if (_i + 1 < _p.Length && IsOctal(c) && IsOctal(_p[_i]) && IsOctal(_p[_i + 1]))
                {
                    int value = (c - '0') * 64 + (_p[_i] - '0') * 8 + (_p[_i + 1] - '0');
                    if (value > 0xFF) return PythonRegexTranslation.Fail("octal escape value outside of range 0-0o377", at);
                    _i += 2;
                    AppendCodeUnit(value);
                    return null;
                }
                if (inClass) return PythonRegexTranslation.Fail("bad escape \\" + c + " in a character set", at);
                string digits = c.ToString();
                if (_i < _p.Length && _p[_i] >= '0' && _p[_i] <= '9')
                {
                    digits += _p[_i];
                    _i++;
                }
                _o.Append(@"\k<").Append(digits).Append('>');
                NeedsBacktracking("a backreference \\" + digits, at);
                return null;
            }
            if (c < 0x80 && char.IsLetterOrDigit(c))
                return PythonRegexTranslation.Fail("bad escape \\" + c + " (not a Python escape)", at);
            // Any other escaped character is that literal character.
            if (c < 0x80) _o.Append('\\').Append(c);
            else AppendCodeUnit(c);
            return null;
        }

        private PythonRegexTranslation? HexEscape(int at, int digits, bool inClass = false)
        {
            if (_i + digits > _p.Length) return PythonRegexTranslation.Fail("incomplete escape \\" + _p[at + 1], at);
            for (int k = 0; k < digits; k++)
            {
                if (!PythonUrlSplit.IsHex(_p[_i + k])) return PythonRegexTranslation.Fail("incomplete escape \\" + _p[at + 1], at);
            }
            long value = long.Parse(_p.Substring(_i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            _i += digits;
            if (value > 0x10FFFF) return PythonRegexTranslation.Fail("bad escape \\U: code point out of range", at);
            if (value <= 0xFFFF)
            {
                AppendCodeUnit((int)value);
                return null;
            }
            if (inClass) return PythonRegexTranslation.Fail("a code point above U+FFFF inside a character set has no .NET equivalent", at);
            string pair = char.ConvertFromUtf32((int)value);
            _o.Append("(?:");
            AppendCodeUnit(pair[0]);
            AppendCodeUnit(pair[1]);
            _size.Atom(2, replacesLast: true);
            _o.Append(')');
            return null;
        }

        private void AppendCodeUnit(int value) => _o.Append(@"\u").Append(value.ToString("X4", CultureInfo.InvariantCulture));

        private static bool IsOctal(char c) => c >= '0' && c <= '7';

        private static bool IsDigits(string s)
        {
            if (s.Length == 0) return false;
            foreach (char c in s)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }

        // Python identifiers; .NET group names must additionally be word characters, which Python
        // identifiers are (letters, digits, underscore, and combining marks).
        private static bool IsGroupName(string s)
        {
            if (s.Length == 0) return false;
            if (!(char.IsLetter(s[0]) || s[0] == '_')) return false;
            foreach (char c in s)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
            }
            return true;
        }
    }
}

/// <summary>The outcome of <see cref="PythonRegex.Translate"/>.</summary>
internal sealed class PythonRegexTranslation
{
    internal PythonRegexTranslation(bool success, string? pattern, string? anchoredPattern, RegexOptions options, string? error, int errorPosition,
        string? backtrackingReason = null, int backtrackingPosition = -1)
    {
        BacktrackingReason = backtrackingReason;
        BacktrackingPosition = backtrackingPosition;
        Success = success;
        Pattern = pattern;
        AnchoredPattern = anchoredPattern;
        Options = options;
        Error = error;
        ErrorPosition = errorPosition;
    }

    internal static PythonRegexTranslation Fail(string error, int position) =>
        new PythonRegexTranslation(false, null, null, RegexOptions.None, error, position);

    /// <summary>True when the pattern was translated.</summary>
    public bool Success { get; }

    /// <summary>The .NET pattern, not anchored (for display and snapshots).</summary>
    public string? Pattern { get; }

    /// <summary>The .NET pattern anchored like <c>re.match</c>: <c>\A(?:…)</c>.</summary>
    public string? AnchoredPattern { get; }

    /// <summary>
    /// CultureInvariant plus the translated global flags, and <see cref="PythonRegex.NonBacktracking"/>
    /// when <see cref="LinearTime"/>.
    /// </summary>
    public RegexOptions Options { get; }

    /// <summary>
    /// Whether the pattern runs on .NET's linear-time engine (<c>RegexOptions.NonBacktracking</c>),
    /// so no input can make one match slow. For <c>re.match</c>'s question (is there a match at the
    /// start?) that engine answers what the backtracking one answers: they differ only in which
    /// match they report and its captures, and only for constructs it refuses (lookarounds,
    /// backreferences, atomic groups, conditionals), which keep the backtracking engine.
    /// </summary>
    public bool LinearTime => Success && BacktrackingReason is null;

    /// <summary>The first construct that needs the backtracking engine (for the build warning), or null.</summary>
    public string? BacktrackingReason { get; }

    /// <summary>Zero-based offset of that construct in the Python pattern, or -1.</summary>
    public int BacktrackingPosition { get; }

    /// <summary>Why the pattern cannot be translated (Python's own wording where it has one).</summary>
    public string? Error { get; }

    /// <summary>Zero-based offset in the Python pattern of the construct that failed, or -1.</summary>
    public int ErrorPosition { get; }
}
