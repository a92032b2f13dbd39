namespace DjangoSettings.Generator.Checks;

/// <summary>
/// The parts of a URL as Python's <c>urllib.parse.urlsplit</c> returns them, for the origin checks:
/// the scheme is lower-cased, the netloc kept verbatim, a scheme needs <c>letter (letter|digit|+|-|.)* :</c>.
/// </summary>
internal readonly record struct UrlSplit(string Scheme, string Netloc, string Path, string Query, string Fragment, bool Valid)
{
    /// <summary>Splits like urlsplit (after its removal of tab, CR and LF and stripping of leading C0/space).</summary>
    public static UrlSplit Parse(string url)
    {
        var cleaned = new System.Text.StringBuilder(url.Length);
        foreach (char c in url) if (c != '\t' && c != '\r' && c != '\n') cleaned.Append(c);
        string s = cleaned.ToString().TrimStart(LeadingStrip);

        string scheme = string.Empty;
        int colon = s.IndexOf(':');
        if (colon > 0 && IsSchemeStart(s[0]) && AllSchemeChars(s, colon))
        {
            scheme = s.Substring(0, colon).ToLowerInvariant();
            s = s.Substring(colon + 1);
        }

        string netloc = string.Empty;
        if (s.StartsWith("//", System.StringComparison.Ordinal))
        {
            int end = s.Length;
            for (int i = 2; i < s.Length; i++)
            {
                if (s[i] == '/' || s[i] == '?' || s[i] == '#') { end = i; break; }
            }
            netloc = s.Substring(2, end - 2);
            s = s.Substring(end);
            bool open = netloc.IndexOf('[') >= 0, close = netloc.IndexOf(']') >= 0;
            if (open != close) return new UrlSplit(scheme, netloc, string.Empty, string.Empty, string.Empty, false);
        }

        string fragment = string.Empty, query = string.Empty;
        int hash = s.IndexOf('#');
        if (hash >= 0) { fragment = s.Substring(hash + 1); s = s.Substring(0, hash); }
        int q = s.IndexOf('?');
        if (q >= 0) { query = s.Substring(q + 1); s = s.Substring(0, q); }
        return new UrlSplit(scheme, netloc, s, query, fragment, true);
    }

    private static readonly char[] LeadingStrip = BuildLeadingStrip();

    private static char[] BuildLeadingStrip()
    {
        var chars = new char[33];
        for (int i = 0; i < 32; i++) chars[i] = (char)i;
        chars[32] = ' ';
        return chars;
    }

    private static bool IsSchemeStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool AllSchemeChars(string s, int end)
    {
        for (int i = 0; i < end; i++)
        {
            char c = s[i];
            if (!(IsSchemeStart(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
        }
        return true;
    }
}
