using System;
using System.Text.RegularExpressions;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// ALLOWED_HOSTS as Django's <c>validate_host</c> reads it (spec/django-http.md §3.5): entries that
/// can never match a request (a port, a scheme, <c>*.example.com</c>, characters the host syntax
/// check refuses), and an explicitly empty list with DEBUG off while CommonMiddleware checks every request.
/// Django accepts all of these silently and answers 400.
/// </summary>
internal static class HostChecks
{
    // The domain part of get_host()'s syntax check: what a request's domain can look like.
    private static readonly Regex Domain = new(@"^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9\.:]+\])$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Run(CheckContext ctx)
    {
        var hosts = ctx["ALLOWED_HOSTS"];
        if (!ctx.IsUsable(hosts)) return;
        foreach (var (entry, location) in CheckContext.Strings(hosts))
        {
            if (Why(entry) is { } why) ctx.Report(DiagnosticDescriptors.AllowedHostNeverMatches, location, hosts, ValueDescription.ReprString(entry), why);
        }
        CheckEmpty(ctx, hosts);
    }

    /// <summary>Why <paramref name="entry"/> never matches, or null when it can.</summary>
    internal static string? Why(string entry)
    {
        if (entry == "*") return null;
        if (entry.Length == 0) return "an empty entry matches nothing";
        int scheme = entry.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            string rest = entry.Substring(scheme + 3);
            int end = rest.IndexOfAny(new[] { '/', ':' });
            return "it is a URL, and Django compares host names: write " + ValueDescription.ReprString(end >= 0 ? rest.Substring(0, end) : rest);
        }
        if (entry.StartsWith("*.", StringComparison.Ordinal))
        {
            return "Django has no wildcards but '*' on its own: write " + ValueDescription.ReprString(entry.Substring(1)) + " for the domain and its subdomains";
        }
        string domain = (entry.StartsWith(".", StringComparison.Ordinal) ? entry.Substring(1) : entry).ToLowerInvariant();
        if (!domain.StartsWith("[", StringComparison.Ordinal) && domain.IndexOf(':') >= 0 || domain.StartsWith("[", StringComparison.Ordinal) && domain.IndexOf("]:", StringComparison.Ordinal) >= 0)
        {
            int colon = domain.StartsWith("[", StringComparison.Ordinal) ? entry.IndexOf("]:", StringComparison.Ordinal) + 1 : entry.LastIndexOf(':');
            return "Django compares the request's host without its port: write " + ValueDescription.ReprString(entry.Substring(0, colon));
        }
        if (domain.Length > 1 && domain.EndsWith(".", StringComparison.Ordinal))
        {
            return "Django removes one trailing dot from the request's host before comparing: write " + ValueDescription.ReprString(entry.Substring(0, entry.Length - 1));
        }
        if (domain.Length == 0 || !Domain.IsMatch(domain))
        {
            return "a request's host can only hold letters, digits, '.', '-' (or a bracketed IPv6 address); anything else fails Django's host check (RFC 1034/1035) before ALLOWED_HOSTS is read";
        }
        return null;
    }

    private static void CheckEmpty(CheckContext ctx, BoundSetting hosts)
    {
        // Only an explicit empty list: a fragment that leaves ALLOWED_HOSTS to another settings
        // module says nothing about its hosts (the runtime still warns at startup when it stays empty).
        if (!hosts.IsSet || hosts.Value is not PySequence { Items.Count: 0 }) return;
        var debug = ctx["DEBUG"];
        if (!ctx.IsUsable(debug) || CheckContext.Truthy(debug.Value)) return;
        var effective = EffectiveList.Middleware(ctx);
        if (effective is null || !effective.Contains(DjangoStartProject.CommonMiddleware)) return;
        ctx.Report(DiagnosticDescriptors.AllowedHostsEmpty, hosts.ValueLocation, hosts);
    }
}
