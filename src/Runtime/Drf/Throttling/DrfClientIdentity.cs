using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using DjangoSettings.Shared;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>get_ident</c>: who an anonymous client is for throttling. With NUM_PROXIES unset, the
/// whole <c>X-Forwarded-For</c> header with every whitespace removed (spoofable, as in DRF), else the
/// remote address; with NUM_PROXIES = n &gt; 0, the n-th address from the end of the header; with 0,
/// the remote address.
/// </summary>
public static class DrfClientIdentity
{
    /// <summary>The identity of <paramref name="context"/>'s client.</summary>
    public static string GetIdent(HttpContext context, int? numProxies)
    {
        System.ArgumentNullException.ThrowIfNull(context);
        string? xff = context.Request.Headers.TryGetValue("X-Forwarded-For", out var forwarded) && forwarded.Count > 0 ? forwarded.ToString() : null;
        string remote = RemoteAddr(context.Connection.RemoteIpAddress);
        if (numProxies is { } n)
        {
            if (n == 0 || xff is null) return remote;
            var addresses = xff.Split(',');
            int index = addresses.Length - System.Math.Min(n, addresses.Length);
            return PythonStrip(addresses[index]);
        }
        return string.IsNullOrEmpty(xff) ? remote : RemoveWhitespace(xff);
    }

    // REMOTE_ADDR as a WSGI server reports it: an IPv4 client of a dual-stack socket is plain IPv4.
    private static string RemoteAddr(IPAddress? address)
    {
        if (address is null) return "";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.ToString();
    }

    private static string RemoveWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (!PythonInt.IsPythonSpace(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static string PythonStrip(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && PythonInt.IsPythonSpace(s[start])) start++;
        while (end > start && PythonInt.IsPythonSpace(s[end - 1])) end--;
        return s.Substring(start, end - start);
    }
}
