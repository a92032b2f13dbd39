using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoSettings.Cli.Variables;

/// <summary>
/// Reads a <c>.env</c> file the way python-dotenv reads it (its grammar, unchanged from 0.21 to 1.x;
/// docs/cli.md lists the rules): blank lines and <c># comments</c>; <c>KEY=value</c> with an optional
/// <c>export </c> prefix and spaces around <c>=</c>; unquoted values lose a trailing <c> # comment</c>
/// and trailing spaces; <c>'single'</c> quotes decode only <c>\\</c> and <c>\'</c>; <c>"double"</c>
/// quotes decode <c>\\ \' \" \a \b \f \n \r \t \v</c>; quoted values may span lines; a key without
/// <c>=</c> sets nothing; a line that does not parse is skipped with a warning (python-dotenv warns and
/// goes on). <c>${NAME}</c> and <c>${NAME:-default}</c> expand from the values set before them.
/// tests/Generator.Tests/Cli/DotEnv holds what python-dotenv and django-environ return for the same
/// files, recorded by record.py there.
/// </summary>
internal static class DotEnvFile
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // The grammar, one token at a time; each is matched at the reader's position (\G).
    private static readonly Regex LeadingSpace = Token(@"\s*");
    private static readonly Regex Export = Token(@"(?:export[^\S\r\n]+)?");
    private static readonly Regex QuotedKey = Token(@"'([^']+)'");
    private static readonly Regex UnquotedKey = Token(@"([^=\#\s]+)");
    private static readonly Regex InlineSpace = Token(@"[^\S\r\n]*");
    private static readonly Regex EqualSign = Token(@"=[^\S\r\n]*");
    private static readonly Regex SingleQuoted = Token(@"'((?:\\'|[^'])*)'");
    private static readonly Regex DoubleQuoted = Token("\"((?:\\\\\"|[^\"])*)\"");
    private static readonly Regex Unquoted = Token(@"([^\r\n]*)");
    private static readonly Regex Comment = Token(@"(?:[^\S\r\n]*\#[^\r\n]*)?");
    private static readonly Regex EndOfLine = Token(@"[^\S\r\n]*(?:\r\n|\n|\r|\z)");
    private static readonly Regex RestOfLine = Token(@"[^\r\n]*(?:\r\n|\r|\n)?");
    private static readonly Regex UnquotedComment = new(@"\s+\#.*", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Variable = new(@"\$\{(?<name>[^}:]*)(?::-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant, Timeout);

    /// <summary>
    /// The bindings of <paramref name="text"/> in order, unexpanded (the caller expands each against
    /// the values set before it, see <see cref="Expand"/>), and one error entry per line that does not parse.
    /// </summary>
    public static IReadOnlyList<DotEnvEntry> Parse(string text)
    {
        var entries = new List<DotEnvEntry>();
        int position = 0;
        int line = 1;
        while (position < text.Length)
        {
            int start = position;
            int startLine = line;
            var entry = ParseBinding(text, ref position, ref line, out bool error);
            if (error)
            {
                entries.Add(new DotEnvEntry(null, null, LineOfContent(text, start, startLine), IsError: true));
            }
            else if (entry.Key is not null)
            {
                entries.Add(entry with { Line = LineOfContent(text, start, startLine) });
            }
        }
        return entries;
    }

    /// <summary>Expands <c>${NAME}</c> and <c>${NAME:-default}</c>; an unset name without default is empty, as in python-dotenv.</summary>
    public static string Expand(string value, Func<string, string?> lookup)
        => Variable.Replace(value, m =>
        {
            string? found = lookup(m.Groups["name"].Value);
            return found ?? (m.Groups["default"].Success ? m.Groups["default"].Value : string.Empty);
        });

    private static DotEnvEntry ParseBinding(string text, ref int position, ref int line, out bool error)
    {
        error = false;
        try
        {
            Read(LeadingSpace, text, ref position, ref line);
            if (position >= text.Length) return new DotEnvEntry(null, null, line, false);
            Read(Export, text, ref position, ref line);
            string? key = null;
            if (Peek(text, position) != '#')
            {
                key = Read(Peek(text, position) == '\'' ? QuotedKey : UnquotedKey, text, ref position, ref line).Groups[1].Value;
            }
            Read(InlineSpace, text, ref position, ref line);
            string? value = null;
            if (Peek(text, position) == '=')
            {
                Read(EqualSign, text, ref position, ref line);
                value = ReadValue(text, ref position, ref line);
            }
            Read(Comment, text, ref position, ref line);
            Read(EndOfLine, text, ref position, ref line);
            return new DotEnvEntry(key, value, line, false);
        }
        catch (FormatException)
        {
            // python-dotenv skips the rest of the line from where parsing stopped, and goes on.
            Read(RestOfLine, text, ref position, ref line);
            error = true;
            return new DotEnvEntry(null, null, line, true);
        }
    }

    private static string ReadValue(string text, ref int position, ref int line)
    {
        if (position >= text.Length || text[position] is '\n' or '\r') return string.Empty;
        switch (text[position])
        {
            case '\'':
                return DecodeEscapes(Read(SingleQuoted, text, ref position, ref line).Groups[1].Value, "\\'");
            case '"':
                return DecodeEscapes(Read(DoubleQuoted, text, ref position, ref line).Groups[1].Value, "\\'\"abfnrtv");
            default:
                string part = Read(Unquoted, text, ref position, ref line).Groups[1].Value;
                // Python's str.rstrip() strips any Unicode whitespace, as TrimEnd() does.
                return UnquotedComment.Replace(part, string.Empty, 1).TrimEnd();
        }
    }

    // Only the listed escapes are decoded; any other backslash stays as written.
    private static string DecodeEscapes(string value, string escapes)
    {
        if (value.IndexOf('\\') < 0) return value;
        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && i + 1 < value.Length && escapes.IndexOf(value[i + 1]) >= 0)
            {
                sb.Append(value[++i] switch
                {
                    'a' => '\a',
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\v',
                    char other => other,
                });
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

    private static Match Read(Regex token, string text, ref int position, ref int line)
    {
        var match = token.Match(text, position);
        if (!match.Success) throw new FormatException();
        line += CountNewlines(text, position, match.Length);
        position += match.Length;
        return match;
    }

    // \r\n, \n and \r each end a line.
    private static int CountNewlines(string text, int start, int length)
    {
        int count = 0;
        for (int i = start; i < start + length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= start + length || text[i + 1] != '\n'))) count++;
        }
        return count;
    }

    // The line a binding's text starts on (after the blank lines its match began with), for messages.
    private static int LineOfContent(string text, int start, int line)
    {
        int i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
            i++;
        }
        return line;
    }

    private static Regex Token(string pattern) => new(@"\G" + pattern, RegexOptions.CultureInvariant, Timeout);
}
