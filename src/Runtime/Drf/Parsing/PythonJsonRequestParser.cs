using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DjangoSettings.Jwt;

namespace DjangoSettings.Drf;

/// <summary>
/// Parses a request body the way DRF's JSONParser (Python's <c>json.load</c> with the C scanner and
/// <c>parse_constant</c> refusing NaN/Infinity) does, including its error messages and positions,
/// so a malformed body gets the same <c>JSON parse error - …</c> 400 as from Django.
/// Values: null, bool, string, long/double, <c>List&lt;object?&gt;</c>, <see cref="TokenPayload"/> (objects; duplicate keys: last wins).
/// </summary>
internal sealed class PythonJsonRequestParser
{
    private readonly string _s;
    private int _depth;

    private PythonJsonRequestParser(string s) => _s = s;

    /// <summary>Parses; on failure returns false with the message DRF puts after "JSON parse error - ".</summary>
    public static bool TryParse(string text, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (text.Length > 0 && text[0] == '\ufeff')
        {
            error = Format("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0);
            return false;
        }
        var parser = new PythonJsonRequestParser(text);
        try
        {
            int idx = parser.SkipWhitespace(0);
            value = parser.ScanOnce(idx, out int end);
            end = parser.SkipWhitespace(end);
            if (end != text.Length) throw new ParseFailure("Extra data", end);
            return true;
        }
        catch (StopIteration stop)
        {
            error = Format("Expecting value", text, stop.Index);
            return false;
        }
        catch (ParseFailure failure)
        {
            error = failure.Raw ? failure.Message : Format(failure.Message, text, failure.Index);
            return false;
        }
    }

    private static string Format(string message, string s, int pos)
    {
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < pos && i < s.Length; i++)
        {
            if (s[i] == '\n')
            {
                line++;
                lastNewline = i;
            }
        }
        // Python counts code points; a surrogate pair is one.
        int cpPos = CodePoints(s, 0, pos);
        int col = lastNewline < 0 ? cpPos + 1 : cpPos - CodePoints(s, 0, lastNewline);
        return string.Create(CultureInfo.InvariantCulture, $"{message}: line {line} column {col} (char {cpPos})");
    }

    private static int CodePoints(string s, int from, int to)
    {
        int n = 0;
        for (int i = from; i < to && i < s.Length; i++)
        {
            if (!(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]))) n++;
        }
        return n;
    }

    private static bool IsWs(char c) => c is ' ' or '\t' or '\n' or '\r';

    private int SkipWhitespace(int i)
    {
        while (i < _s.Length && IsWs(_s[i])) i++;
        return i;
    }

    private object? ScanOnce(int idx, out int next)
    {
        if (idx < 0 || idx >= _s.Length) throw new StopIteration(idx);
        if (++_depth > 512) throw new ParseFailure("maximum recursion depth exceeded while decoding a JSON document", 0, raw: true);
        try
        {
            char c = _s[idx];
            switch (c)
            {
                case '"':
                    return ScanString(idx + 1, out next);
                case '{':
                    return ParseObject(idx + 1, out next);
                case '[':
                    return ParseArray(idx + 1, out next);
                case 'n' when Matches(idx, "null"):
                    next = idx + 4;
                    return null;
                case 't' when Matches(idx, "true"):
                    next = idx + 4;
                    return true;
                case 'f' when Matches(idx, "false"):
                    next = idx + 5;
                    return false;
                case 'N' when Matches(idx, "NaN"):
                    throw new ParseFailure("Out of range float values are not JSON compliant: 'NaN'", 0, raw: true);
                case 'I' when Matches(idx, "Infinity"):
                    throw new ParseFailure("Out of range float values are not JSON compliant: 'Infinity'", 0, raw: true);
                case '-' when Matches(idx, "-Infinity"):
                    throw new ParseFailure("Out of range float values are not JSON compliant: '-Infinity'", 0, raw: true);
            }
            return MatchNumber(idx, out next);
        }
        finally
        {
            _depth--;
        }
    }

    private bool Matches(int idx, string word) => string.CompareOrdinal(_s, idx, word, 0, word.Length) == 0 && idx + word.Length <= _s.Length;

    private object MatchNumber(int start, out int next)
    {
        int idx = start;
        int end = _s.Length - 1;
        if (idx <= end && _s[idx] == '-')
        {
            idx++;
            if (idx > end) throw new StopIteration(start);
        }
        if (idx <= end && _s[idx] is >= '1' and <= '9')
        {
            idx++;
            while (idx <= end && char.IsAsciiDigit(_s[idx])) idx++;
        }
        else if (idx <= end && _s[idx] == '0')
        {
            idx++;
        }
        else
        {
            throw new StopIteration(start);
        }
        bool isFloat = false;
        if (idx < end && _s[idx] == '.' && char.IsAsciiDigit(_s[idx + 1]))
        {
            isFloat = true;
            idx += 2;
            while (idx <= end && char.IsAsciiDigit(_s[idx])) idx++;
        }
        if (idx < end && _s[idx] is 'e' or 'E')
        {
            int eStart = idx;
            idx++;
            if (idx < end && _s[idx] is '-' or '+') idx++;
            int digitsStart = idx;
            while (idx <= end && char.IsAsciiDigit(_s[idx])) idx++;
            if (idx > digitsStart) isFloat = true;
            else idx = eStart;
        }
        next = idx;
        string text = _s.Substring(start, idx - start);
        if (!isFloat && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private TokenPayload ParseObject(int idx, out int next)
    {
        var items = new List<KeyValuePair<string, object?>>();
        int end = _s.Length - 1;
        idx = SkipWhitespace(idx);
        if (idx > end || _s[idx] != '}')
        {
            while (true)
            {
                if (idx > end || _s[idx] != '"') throw new ParseFailure("Expecting property name enclosed in double quotes", idx);
                string key = ScanString(idx + 1, out idx);
                idx = SkipWhitespace(idx);
                if (idx > end || _s[idx] != ':') throw new ParseFailure("Expecting ':' delimiter", idx);
                idx = SkipWhitespace(idx + 1);
                object? value = ScanOnce(idx, out idx);
                items.Add(new(key, value));
                idx = SkipWhitespace(idx);
                if (idx <= end && _s[idx] == '}') break;
                if (idx > end || _s[idx] != ',') throw new ParseFailure("Expecting ',' delimiter", idx);
                idx = SkipWhitespace(idx + 1);
            }
        }
        next = idx + 1;
        return new TokenPayload(items);
    }

    private List<object?> ParseArray(int idx, out int next)
    {
        var items = new List<object?>();
        int end = _s.Length - 1;
        idx = SkipWhitespace(idx);
        if (idx > end || _s[idx] != ']')
        {
            while (true)
            {
                items.Add(ScanOnce(idx, out idx));
                idx = SkipWhitespace(idx);
                if (idx <= end && _s[idx] == ']') break;
                if (idx > end || _s[idx] != ',') throw new ParseFailure("Expecting ',' delimiter", idx);
                idx = SkipWhitespace(idx + 1);
            }
        }
        next = idx + 1;
        return items;
    }

    private string ScanString(int end, out int next)
    {
        int begin = end - 1;
        var sb = new StringBuilder();
        int len = _s.Length;
        while (true)
        {
            int i = end;
            char c = '\0';
            for (; i < len; i++)
            {
                c = _s[i];
                if (c is '"' or '\\') break;
                if (c <= 0x1f) throw new ParseFailure("Invalid control character at", i);
            }
            if (i >= len) throw new ParseFailure("Unterminated string starting at", begin);
            sb.Append(_s, end, i - end);
            i++;
            if (c == '"')
            {
                next = i;
                return sb.ToString();
            }
            if (i == len) throw new ParseFailure("Unterminated string starting at", begin);
            c = _s[i];
            if (c != 'u')
            {
                end = i + 1;
                switch (c)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    default: throw new ParseFailure("Invalid \\escape", end - 2);
                }
                continue;
            }
            i++;
            end = i + 4;
            if (end >= len) throw new ParseFailure("Invalid \\uXXXX escape", i - 1);
            int unit = Hex4(i, end);
            if (char.IsHighSurrogate((char)unit) && end + 1 < len && _s[end] == '\\' && _s[end + 1] == 'u')
            {
                int j = end + 2;
                if (j + 4 >= len) throw new ParseFailure("Invalid \\uXXXX escape", j - 1);
                int low = Hex4(j, j + 4);
                if (char.IsLowSurrogate((char)low))
                {
                    sb.Append((char)unit).Append((char)low);
                    end = j + 4;
                    continue;
                }
            }
            sb.Append((char)unit);
        }
    }

    private int Hex4(int from, int to)
    {
        int v = 0;
        for (int k = from; k < to; k++)
        {
            int d = HexDigit(_s[k]);
            if (d < 0) throw new ParseFailure("Invalid \\uXXXX escape", to - 5);
            v = (v << 4) | d;
        }
        return v;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private sealed class StopIteration(int index) : Exception
    {
        public int Index { get; } = index;
    }

    private sealed class ParseFailure(string message, int index, bool raw = false) : Exception(message)
    {
        public int Index { get; } = index;

        public bool Raw { get; } = raw;
    }
}
