using System.Collections.Generic;
using System.Threading;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Syntax;

/// <summary>
/// Turns Python source into tokens, the way CPython's tokenizer does: INDENT/DEDENT from leading
/// whitespace, NEWLINE only outside brackets, backslash continuation, comments dropped, and every
/// string form scanned (f-strings with their replacement fields located, so the parser can parse
/// the embedded expressions with exact spans). One pass, linear in the input.
/// </summary>
internal sealed class Lexer
{
    /// <summary>How deep f-string format specs may nest fields inside fields.</summary>
    private const int MaxFStringNesting = 16;

    private readonly SettingsSource _source;
    private readonly string _text;
    private readonly int _end;
    private readonly bool _expressionMode;
    private readonly List<SettingsDiagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Token> _tokens = new();
    private readonly List<int> _indents = new() { 0 };
    private readonly List<int> _brackets = new();
    private int _pos;

    private Lexer(SettingsSource source, int start, int end, bool expressionMode, List<SettingsDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        _source = source;
        _text = source.Text;
        _pos = start;
        _end = end;
        _expressionMode = expressionMode;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Tokenizes the whole file.</summary>
    public static List<Token> Tokenize(SettingsSource source, List<SettingsDiagnostic> diagnostics, CancellationToken cancellationToken = default)
        => new Lexer(source, 0, source.Text.Length, false, diagnostics, cancellationToken).Run();

    /// <summary>
    /// Tokenizes one expression embedded in the file (an f-string field): as if inside brackets, so
    /// line breaks are insignificant and no NEWLINE/INDENT tokens appear.
    /// </summary>
    public static List<Token> TokenizeExpression(SettingsSource source, SourceSpan span, List<SettingsDiagnostic> diagnostics, CancellationToken cancellationToken = default)
        => new Lexer(source, span.Start, span.End, true, diagnostics, cancellationToken).Run();

    private List<Token> Run()
    {
        bool atLineStart = !_expressionMode;
        int counter = 0;
        while (true)
        {
            if ((++counter & 0xFFF) == 0) _cancellationToken.ThrowIfCancellationRequested();
            if (atLineStart && _brackets.Count == 0)
            {
                atLineStart = false;
                if (!HandleIndentation())
                {
                    atLineStart = true;
                    if (_pos >= _end) break;
                    continue;
                }
            }
            if (_pos >= _end) break;
            char c = _text[_pos];
            switch (c)
            {
                case ' ':
                case '\t':
                case '\f':
                    _pos++;
                    continue;
                case '#':
                    SkipToLineEnd();
                    continue;
                case '\r':
                case '\n':
                {
                    int start = _pos;
                    _pos += c == '\r' && _pos + 1 < _end && _text[_pos + 1] == '\n' ? 2 : 1;
                    if (_expressionMode) continue;
                    if (_brackets.Count > 0)
                    {
                        if (NextLineLooksLikeNewStatement()) RecoverFromUnclosedBrackets();
                        else continue;
                    }
                    Add(TokenKind.Newline, start, _pos);
                    atLineStart = true;
                    continue;
                }
                case '\\':
                {
                    int next = _pos + 1;
                    if (next < _end && (_text[next] == '\n' || _text[next] == '\r'))
                    {
                        _pos = next + (_text[next] == '\r' && next + 1 < _end && _text[next + 1] == '\n' ? 2 : 1);
                        continue;
                    }
                    if (next >= _end)
                    {
                        // A backslash at the very end of the file joins with nothing.
                        Report(DiagnosticDescriptors.InvalidSyntax, _pos, 1, "unexpected end of file after line continuation character");
                        Add(TokenKind.Error, _pos, ++_pos);
                        continue;
                    }
                    Report(DiagnosticDescriptors.InvalidSyntax, _pos, 1, "unexpected character after line continuation character");
                    Add(TokenKind.Error, _pos, ++_pos);
                    continue;
                }
                case '\'':
                case '"':
                    ScanString(_pos, _pos);
                    continue;
            }

            if (IsIdentifierStart(c))
            {
                ScanIdentifierOrPrefixedString();
                continue;
            }
            if (IsDigit(c) || (c == '.' && _pos + 1 < _end && IsDigit(_text[_pos + 1])))
            {
                ScanNumber();
                continue;
            }
            if (!ScanOperator())
            {
                int width = char.IsHighSurrogate(c) && _pos + 1 < _end && char.IsLowSurrogate(_text[_pos + 1]) ? 2 : 1;
                Report(DiagnosticDescriptors.InvalidCharacter, _pos, width, Describe(c));
                Add(TokenKind.Error, _pos, _pos + width);
                _pos += width;
            }
        }

        if (_brackets.Count > 0 && !_expressionMode)
        {
            RecoverFromUnclosedBrackets();
        }
        if (!_expressionMode)
        {
            if (_tokens.Count > 0 && _tokens[_tokens.Count - 1].Kind != TokenKind.Newline)
            {
                Add(TokenKind.Newline, _end, _end);
            }
            while (_indents.Count > 1)
            {
                _indents.RemoveAt(_indents.Count - 1);
                Add(TokenKind.Dedent, _end, _end);
            }
        }
        Add(TokenKind.EndOfFile, _end, _end);
        return _tokens;
    }

    /// <summary>
    /// Measures the indentation of a logical line. Returns false for blank and comment-only lines
    /// (which Python ignores entirely), after skipping them.
    /// </summary>
    private bool HandleIndentation()
    {
        int column = 0;
        int p = _pos;
        while (p < _end)
        {
            char c = _text[p];
            if (c == ' ') column++;
            else if (c == '\t') column = (column / 8 + 1) * 8;
            else if (c == '\f') column = 0;
            else break;
            p++;
        }
        _pos = p;
        if (p >= _end) return false;
        char first = _text[p];
        if (first == '#')
        {
            SkipToLineEnd();
            SkipNewline();
            return false;
        }
        if (first == '\n' || first == '\r')
        {
            SkipNewline();
            return false;
        }
        if (first == '\\' && p + 1 < _end && (_text[p + 1] == '\n' || _text[p + 1] == '\r'))
        {
            // A continuation right at the start of a line: the indentation still counts.
        }

        int current = _indents[_indents.Count - 1];
        if (column > current)
        {
            _indents.Add(column);
            Add(TokenKind.Indent, p, p);
        }
        else if (column < current)
        {
            while (_indents.Count > 1 && _indents[_indents.Count - 1] > column)
            {
                _indents.RemoveAt(_indents.Count - 1);
                Add(TokenKind.Dedent, p, p);
            }
            if (_indents[_indents.Count - 1] != column)
            {
                Report(DiagnosticDescriptors.InvalidIndentation, p, 0, "unindent does not match any outer indentation level");
                // Recover by treating the line as if it were at the nearest outer level.
            }
        }
        return true;
    }

    private void SkipToLineEnd()
    {
        while (_pos < _end && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
    }

    private void SkipNewline()
    {
        if (_pos < _end && _text[_pos] == '\r') _pos++;
        if (_pos < _end && _text[_pos] == '\n') _pos++;
    }

    /// <summary>
    /// Inside brackets a line break is insignificant, so one missing closing bracket would swallow
    /// the rest of the file. Python itself then reports "'(' was never closed". We go further and
    /// resynchronise when the next line starts in column 0 with something that can only begin a
    /// statement (<c>NAME = </c>, <c>def</c>, <c>class</c>, <c>import</c>, <c>from</c>), so one bad
    /// line loses nothing else.
    /// </summary>
    private bool NextLineLooksLikeNewStatement()
    {
        int p = _pos;
        if (p >= _end || !IsIdentifierStart(_text[p])) return false;
        int start = p;
        while (p < _end && IsIdentifierPart(_text[p])) p++;
        string word = _text.Substring(start, p - start);
        if ((word == "def" || word == "class" || word == "import" || word == "from") && p < _end && _text[p] == ' ') return true;
        int spaces = 0;
        while (p < _end && _text[p] == ' ') { p++; spaces++; }
        return spaces > 0 && p + 1 < _end && _text[p] == '=' && _text[p + 1] != '=';
    }

    private void RecoverFromUnclosedBrackets()
    {
        int open = _brackets[0];
        Report(DiagnosticDescriptors.UnclosedBracket, open, 1, _text[open].ToString());
        _brackets.Clear();
    }

    private void ScanIdentifierOrPrefixedString()
    {
        int start = _pos;
        while (_pos < _end && IsIdentifierPart(_text[_pos])) _pos++;
        if (_pos < _end && (_text[_pos] == '\'' || _text[_pos] == '"') && _pos - start <= 2 && ParsePrefix(start, _pos) is not null)
        {
            ScanString(start, _pos);
            return;
        }
        Add(TokenKind.Name, start, _pos);
    }

    private StringPrefix? ParsePrefix(int start, int end)
    {
        var prefix = StringPrefix.None;
        for (int i = start; i < end; i++)
        {
            StringPrefix flag;
            switch (char.ToLowerInvariant(_text[i]))
            {
                case 'r': flag = StringPrefix.Raw; break;
                case 'b': flag = StringPrefix.Bytes; break;
                case 'f': flag = StringPrefix.Format; break;
                case 'u': flag = StringPrefix.Unicode; break;
                default: return null;
            }
            if ((prefix & flag) != 0) return null;
            prefix |= flag;
        }
        // Valid combinations: r, b, f, u, rb/br, rf/fr. Not bf, not u with anything.
        if ((prefix & StringPrefix.Unicode) != 0 && prefix != StringPrefix.Unicode) return null;
        if ((prefix & StringPrefix.Bytes) != 0 && (prefix & StringPrefix.Format) != 0) return null;
        return prefix;
    }

    private void ScanString(int tokenStart, int quoteStart)
    {
        var prefix = ParsePrefix(tokenStart, quoteStart) ?? StringPrefix.None;
        char quote = _text[quoteStart];
        bool triple = quoteStart + 2 < _end && _text[quoteStart + 1] == quote && _text[quoteStart + 2] == quote;
        int quoteLength = triple ? 3 : 1;
        _pos = quoteStart + quoteLength;
        int contentStart = _pos;
        var parts = new List<FStringPart>();
        bool terminated;
        int contentEnd;
        if ((prefix & StringPrefix.Format) != 0)
        {
            terminated = ScanFContent(quote, triple, parts, inSpec: false, nesting: 0);
            contentEnd = _pos;
        }
        else
        {
            terminated = ScanPlainContent(quote, triple);
            contentEnd = _pos;
            parts.Add(FStringPart.Literal(SourceSpan.FromBounds(contentStart, contentEnd)));
        }
        if (terminated)
        {
            _pos += quoteLength;
        }
        else
        {
            Report(DiagnosticDescriptors.UnterminatedString, tokenStart, quoteStart + quoteLength - tokenStart, new string(quote, quoteLength));
        }
        var info = new StringLiteralInfo(prefix, quoteLength, SourceSpan.FromBounds(contentStart, contentEnd), terminated, parts);
        _tokens.Add(new Token(TokenKind.String, SourceSpan.FromBounds(tokenStart, _pos), _text.Substring(tokenStart, _pos - tokenStart), info));
    }

    private bool IsClosingQuote(char quote, bool triple)
    {
        if (_text[_pos] != quote) return false;
        return !triple || (_pos + 2 < _end && _text[_pos + 1] == quote && _text[_pos + 2] == quote);
    }

    private bool ScanPlainContent(char quote, bool triple)
    {
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == '\\')
            {
                _pos += _pos + 2 < _end && _text[_pos + 1] == '\r' && _text[_pos + 2] == '\n' ? 3 : 2;
                if (_pos > _end) _pos = _end;
                continue;
            }
            if (IsClosingQuote(quote, triple)) return true;
            if (!triple && (c == '\n' || c == '\r')) return false;
            _pos++;
        }
        return false;
    }

    /// <summary>Scans f-string content (or a format spec when <paramref name="inSpec"/>), collecting parts.</summary>
    private bool ScanFContent(char quote, bool triple, List<FStringPart> parts, bool inSpec, int nesting)
    {
        int literalStart = _pos;
        void Flush(int end)
        {
            if (end > literalStart) parts.Add(FStringPart.Literal(SourceSpan.FromBounds(literalStart, end)));
        }

        while (_pos < _end)
        {
            char c = _text[_pos];
            if (IsClosingQuote(quote, triple))
            {
                Flush(_pos);
                return !inSpec;
            }
            if (inSpec && c == '}')
            {
                Flush(_pos);
                return true;
            }
            if (!triple && (c == '\n' || c == '\r'))
            {
                Flush(_pos);
                return false;
            }
            if (c == '\\')
            {
                int next = _pos + 1;
                // A backslash never hides a brace: f"\{x}" still has a field.
                if (next < _end && (_text[next] == '{' || _text[next] == '}')) _pos = next;
                else _pos += next + 1 < _end && _text[next] == '\r' && _text[next + 1] == '\n' ? 3 : 2;
                if (_pos > _end) _pos = _end;
                continue;
            }
            if (c == '{')
            {
                if (!inSpec && _pos + 1 < _end && _text[_pos + 1] == '{')
                {
                    _pos += 2;
                    continue;
                }
                Flush(_pos);
                if (!ScanField(quote, triple, parts, nesting)) return false;
                literalStart = _pos;
                continue;
            }
            if (c == '}')
            {
                if (!inSpec && _pos + 1 < _end && _text[_pos + 1] == '}')
                {
                    _pos += 2;
                    continue;
                }
                Report(DiagnosticDescriptors.InvalidSyntax, _pos, 1, "f-string: single '}' is not allowed");
                _pos++;
                continue;
            }
            _pos++;
        }
        Flush(_pos);
        return false;
    }

    /// <summary>Scans one replacement field starting at '{'. Returns false when the string ended inside it.</summary>
    private bool ScanField(char quote, bool triple, List<FStringPart> parts, int nesting)
    {
        int fieldStart = _pos;
        _pos++;
        int exprStart = _pos;
        int exprEnd = -1;
        int depth = 0;
        char conversion = '\0';
        bool debug = false;
        List<FStringPart>? spec = null;
        if (nesting >= MaxFStringNesting)
        {
            Report(DiagnosticDescriptors.NestingTooDeep, fieldStart, 1, MaxFStringNesting);
        }
        while (true)
        {
            if (_pos >= _end || IsClosingQuote(quote, triple) || (!triple && (_text[_pos] == '\n' || _text[_pos] == '\r')))
            {
                Report(DiagnosticDescriptors.InvalidSyntax, fieldStart, 1, "f-string: expecting '}'");
                parts.Add(FStringPart.Field(SourceSpan.FromBounds(fieldStart, _pos), SourceSpan.FromBounds(exprStart, exprEnd < 0 ? _pos : exprEnd), conversion, debug, spec));
                // Let the caller see the quote or line end and stop there.
                return _pos < _end && IsClosingQuote(quote, triple);
            }
            char c = _text[_pos];
            if (exprEnd < 0)
            {
                if (c == '\'' || c == '"')
                {
                    SkipNestedString(c);
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') { depth++; _pos++; continue; }
                if ((c == ')' || c == ']') && depth > 0) { depth--; _pos++; continue; }
                if (c == '}' && depth > 0) { depth--; _pos++; continue; }
                if (depth == 0)
                {
                    if (c == '}')
                    {
                        exprEnd = _pos;
                        _pos++;
                        break;
                    }
                    if (c == '!' && _pos + 1 < _end && _text[_pos + 1] != '=')
                    {
                        exprEnd = _pos;
                        conversion = _pos + 1 < _end ? _text[_pos + 1] : '\0';
                        _pos += 2;
                        continue;
                    }
                    if (c == ':')
                    {
                        exprEnd = _pos;
                        _pos++;
                        spec = new List<FStringPart>();
                        if (nesting + 1 >= MaxFStringNesting)
                        {
                            // Too deep: skip to the closing brace without structure.
                            while (_pos < _end && _text[_pos] != '}' && !IsClosingQuote(quote, triple)) _pos++;
                        }
                        else if (!ScanFContent(quote, triple, spec, inSpec: true, nesting + 1))
                        {
                            continue;
                        }
                        continue;
                    }
                    if (c == '=' && _pos + 1 < _end && _text[_pos + 1] != '=' && _pos > exprStart && "=!<>".IndexOf(_text[_pos - 1]) < 0)
                    {
                        int q = _pos + 1;
                        while (q < _end && _text[q] == ' ') q++;
                        if (q < _end && (_text[q] == '}' || _text[q] == '!' || _text[q] == ':'))
                        {
                            debug = true;
                            exprEnd = _pos;
                            _pos = q;
                            continue;
                        }
                    }
                }
                _pos++;
                continue;
            }

            // After the expression: a conversion or spec was read; expect ':' or '}'.
            if (c == '}')
            {
                _pos++;
                break;
            }
            if (c == ':' && spec is null)
            {
                _pos++;
                spec = new List<FStringPart>();
                ScanFContent(quote, triple, spec, inSpec: true, nesting + 1);
                continue;
            }
            if (c == '!' && conversion == '\0' && debug)
            {
                conversion = _pos + 1 < _end ? _text[_pos + 1] : '\0';
                _pos += 2;
                continue;
            }
            Report(DiagnosticDescriptors.InvalidSyntax, _pos, 1, "f-string: expecting '}'");
            _pos++;
        }
        parts.Add(FStringPart.Field(SourceSpan.FromBounds(fieldStart, _pos), SourceSpan.FromBounds(exprStart, exprEnd), conversion, debug, spec));
        return true;
    }

    /// <summary>Skips a string literal nested in an f-string field (its own quotes, backslashes honoured).</summary>
    private void SkipNestedString(char quote)
    {
        bool triple = _pos + 2 < _end && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == '\\') { _pos += 2; continue; }
            if (IsClosingQuote(quote, triple)) { _pos += triple ? 3 : 1; return; }
            if (!triple && (c == '\n' || c == '\r')) return;
            _pos++;
        }
        if (_pos > _end) _pos = _end;
    }

    private void ScanNumber()
    {
        int start = _pos;
        string? error = null;
        char c = _text[_pos];
        if (c == '0' && _pos + 1 < _end && "xXoObB".IndexOf(_text[_pos + 1]) >= 0)
        {
            char kind = char.ToLowerInvariant(_text[_pos + 1]);
            _pos += 2;
            int digits = 0;
            bool lastUnderscore = false;
            while (_pos < _end)
            {
                char d = _text[_pos];
                if (d == '_')
                {
                    if (lastUnderscore) error ??= "invalid underscore placement";
                    lastUnderscore = true;
                    _pos++;
                    continue;
                }
                bool ok = kind switch
                {
                    'x' => IsDigit(d) || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F'),
                    'o' => d >= '0' && d <= '7',
                    _ => d == '0' || d == '1',
                };
                if (!ok)
                {
                    if (IsDigit(d) || IsIdentifierPart(d)) { error ??= "invalid digit '" + d + "'"; _pos++; continue; }
                    break;
                }
                lastUnderscore = false;
                digits++;
                _pos++;
            }
            if (digits == 0) error ??= "missing digits after the prefix";
            if (lastUnderscore) error ??= "invalid underscore placement";
        }
        else
        {
            bool sawDot = false, sawExp = false;
            ScanDigits(ref error);
            if (_pos < _end && _text[_pos] == '.')
            {
                // "1." is a float; "1.." or "1.real" are not our concern beyond the dot.
                sawDot = true;
                _pos++;
                if (_pos < _end && IsDigit(_text[_pos])) ScanDigits(ref error);
            }
            if (_pos < _end && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                int save = _pos;
                _pos++;
                if (_pos < _end && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
                if (_pos < _end && IsDigit(_text[_pos]))
                {
                    sawExp = true;
                    ScanDigits(ref error);
                }
                else
                {
                    _pos = save;
                    error ??= "invalid exponent";
                    _pos++;
                }
            }
            if (_pos < _end && (_text[_pos] == 'j' || _text[_pos] == 'J')) _pos++;
            if (!sawDot && !sawExp)
            {
                string text = _text.Substring(start, _pos - start).Replace("_", string.Empty);
                if (text.Length > 1 && text[0] == '0' && text.TrimStart('0').Length > 0 && text[text.Length - 1] != 'j' && text[text.Length - 1] != 'J')
                {
                    error ??= "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
                }
            }
        }
        if (_pos < _end && IsIdentifierPart(_text[_pos]))
        {
            error ??= "invalid decimal literal";
            while (_pos < _end && IsIdentifierPart(_text[_pos])) _pos++;
        }
        if (error is not null)
        {
            Report(DiagnosticDescriptors.InvalidNumber, start, _pos - start, _text.Substring(start, _pos - start), error);
        }
        Add(TokenKind.Number, start, _pos);
    }

    private void ScanDigits(ref string? error)
    {
        bool lastUnderscore = true;
        bool any = false;
        while (_pos < _end)
        {
            char d = _text[_pos];
            if (IsDigit(d)) { lastUnderscore = false; any = true; _pos++; continue; }
            if (d == '_')
            {
                if (lastUnderscore) error ??= "invalid underscore placement";
                lastUnderscore = true;
                _pos++;
                continue;
            }
            break;
        }
        if (any && lastUnderscore) error ??= "invalid underscore placement";
    }

    private bool ScanOperator()
    {
        int start = _pos;
        char c = _text[_pos];
        char n1 = _pos + 1 < _end ? _text[_pos + 1] : '\0';
        char n2 = _pos + 2 < _end ? _text[_pos + 2] : '\0';
        TokenKind kind;
        int length = 1;
        switch (c)
        {
            case '(': kind = TokenKind.LParen; _brackets.Add(_pos); break;
            case '[': kind = TokenKind.LBracket; _brackets.Add(_pos); break;
            case '{': kind = TokenKind.LBrace; _brackets.Add(_pos); break;
            case ')': kind = TokenKind.RParen; PopBracket(); break;
            case ']': kind = TokenKind.RBracket; PopBracket(); break;
            case '}': kind = TokenKind.RBrace; PopBracket(); break;
            case ',': kind = TokenKind.Comma; break;
            case ';': kind = TokenKind.Semicolon; break;
            case '~': kind = TokenKind.Tilde; break;
            case ':': (kind, length) = n1 == '=' ? (TokenKind.ColonEqual, 2) : (TokenKind.Colon, 1); break;
            case '.': (kind, length) = n1 == '.' && n2 == '.' ? (TokenKind.Ellipsis, 3) : (TokenKind.Dot, 1); break;
            case '@': (kind, length) = n1 == '=' ? (TokenKind.AtEqual, 2) : (TokenKind.At, 1); break;
            case '+': (kind, length) = n1 == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1); break;
            case '-':
                (kind, length) = n1 == '=' ? (TokenKind.MinusEqual, 2) : n1 == '>' ? (TokenKind.Arrow, 2) : (TokenKind.Minus, 1);
                break;
            case '*':
                (kind, length) = n1 == '*' ? (n2 == '=' ? (TokenKind.DoubleStarEqual, 3) : (TokenKind.DoubleStar, 2)) : n1 == '=' ? (TokenKind.StarEqual, 2) : (TokenKind.Star, 1);
                break;
            case '/':
                (kind, length) = n1 == '/' ? (n2 == '=' ? (TokenKind.DoubleSlashEqual, 3) : (TokenKind.DoubleSlash, 2)) : n1 == '=' ? (TokenKind.SlashEqual, 2) : (TokenKind.Slash, 1);
                break;
            case '%': (kind, length) = n1 == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1); break;
            case '|': (kind, length) = n1 == '=' ? (TokenKind.VBarEqual, 2) : (TokenKind.VBar, 1); break;
            case '&': (kind, length) = n1 == '=' ? (TokenKind.AmpEqual, 2) : (TokenKind.Amp, 1); break;
            case '^': (kind, length) = n1 == '=' ? (TokenKind.CaretEqual, 2) : (TokenKind.Caret, 1); break;
            case '=': (kind, length) = n1 == '=' ? (TokenKind.EqEqual, 2) : (TokenKind.Equal, 1); break;
            case '!': (kind, length) = n1 == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Exclamation, 1); break;
            case '<':
                (kind, length) = n1 == '<' ? (n2 == '=' ? (TokenKind.LeftShiftEqual, 3) : (TokenKind.LeftShift, 2)) : n1 == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1);
                break;
            case '>':
                (kind, length) = n1 == '>' ? (n2 == '=' ? (TokenKind.RightShiftEqual, 3) : (TokenKind.RightShift, 2)) : n1 == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1);
                break;
            default: return false;
        }
        _pos += length;
        Add(kind, start, _pos);
        return true;
    }

    private void PopBracket()
    {
        if (_brackets.Count > 0) _brackets.RemoveAt(_brackets.Count - 1);
    }

    private void Add(TokenKind kind, int start, int end)
        => _tokens.Add(new Token(kind, SourceSpan.FromBounds(start, end), kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndOfFile ? string.Empty : _text.Substring(start, end - start)));

    private void Report(DjsDescriptor descriptor, int start, int length, params object?[] args)
        => _diagnostics.Add(SettingsDiagnostic.Create(descriptor, _source.GetLocation(new SourceSpan(start, length)), args));

    private static string Describe(char c)
        => c < 32 || c > 126 ? "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : "'" + c + "'";

    internal static bool IsDigit(char c) => c >= '0' && c <= '9';

    internal static bool IsIdentifierStart(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && (char.IsLetter(c) || char.IsSurrogate(c)));

    internal static bool IsIdentifierPart(char c)
        => IsIdentifierStart(c) || IsDigit(c) || (c > 127 && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation));
}
