namespace DjangoSettings.Shared;

/// <summary>
/// CPython 3.11's <c>ipaddress.IPv6Address</c> string validation, which <c>urlsplit</c> applies to
/// a bracketed host. <see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/>
/// accepts other spellings (and rejects some Python accepts), so it cannot stand in.
/// </summary>
internal static class PythonIpAddress
{
    /// <summary>True when Python's <c>IPv6Address(text)</c> would not raise.</summary>
    public static bool IsIPv6(string text)
    {
        int percent = text.IndexOf('%');
        string address = text;
        if (percent >= 0)
        {
            string scope = text.Substring(percent + 1);
            if (scope.Length == 0 || scope.IndexOf('%') >= 0) return false;
            address = text.Substring(0, percent);
        }
        if (address.Length == 0) return false;

        var parts = new System.Collections.Generic.List<string>(address.Split(':'));
        if (parts.Count < 3) return false;
        if (parts[parts.Count - 1].IndexOf('.') >= 0)
        {
            if (!IsIPv4(parts[parts.Count - 1])) return false;
            parts.RemoveAt(parts.Count - 1);
            parts.Add("0");
            parts.Add("0");
        }
        if (parts.Count > 9) return false;

        int skip = -1;
        for (int i = 1; i < parts.Count - 1; i++)
        {
            if (parts[i].Length == 0)
            {
                if (skip >= 0) return false;
                skip = i;
            }
        }
        int hi, lo;
        if (skip >= 0)
        {
            hi = skip;
            lo = parts.Count - skip - 1;
            if (parts[0].Length == 0)
            {
                hi--;
                if (hi != 0) return false;
            }
            if (parts[parts.Count - 1].Length == 0)
            {
                lo--;
                if (lo != 0) return false;
            }
            if (8 - (hi + lo) < 1) return false;
        }
        else
        {
            if (parts.Count != 8) return false;
            if (parts[0].Length == 0 || parts[parts.Count - 1].Length == 0) return false;
            hi = parts.Count;
            lo = 0;
        }
        for (int i = 0; i < hi; i++)
        {
            if (!IsHextet(parts[i])) return false;
        }
        for (int i = parts.Count - lo; i < parts.Count; i++)
        {
            if (!IsHextet(parts[i])) return false;
        }
        return true;
    }

    /// <summary>True when Python's <c>IPv4Address(text)</c> would not raise (no leading zeros).</summary>
    public static bool IsIPv4(string text)
    {
        if (text.Length == 0) return false;
        string[] octets = text.Split('.');
        if (octets.Length != 4) return false;
        foreach (string o in octets)
        {
            if (o.Length == 0 || o.Length > 3) return false;
            foreach (char c in o)
            {
                if (c < '0' || c > '9') return false;
            }
            if (o.Length > 1 && o[0] == '0') return false;
            if (int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) > 255) return false;
        }
        return true;
    }

    private static bool IsHextet(string h)
    {
        if (h.Length == 0 || h.Length > 4) return false;
        foreach (char c in h)
        {
            if (!PythonUrlSplit.IsHex(c)) return false;
        }
        return true;
    }
}
