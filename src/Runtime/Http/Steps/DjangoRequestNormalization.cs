using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DjangoSettings.Http;

/// <summary>
/// The request as Django's WSGI handler builds it, before any middleware: the method upper-cased
/// (<c>get</c> is <c>GET</c>), and the path made Django's <c>path_info</c> (<see cref="DjangoPathInfo"/>):
/// <c>/api%2Fme/</c> is <c>/api/me/</c> and <c>/api/./</c> stays <c>/api/./</c> (so it matches no
/// route, a 404 as in Django). Ordinary requests pass untouched, without allocating.
/// </summary>
internal static class DjangoRequestNormalization
{
    public static void Apply(HttpContext context)
    {
        var request = context.Request;
        string method = request.Method;
        foreach (char c in method)
        {
            if (c is >= 'a' and <= 'z')
            {
                request.Method = method.ToUpperInvariant();
                break;
            }
        }

        // The non-generic indexer: no generic virtual dispatch on every request.
        string? raw = (context.Features[typeof(IHttpRequestFeature)] as IHttpRequestFeature)?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !DjangoPathInfo.MayDiffer(raw) || DjangoPathInfo.FromRawTarget(raw) is not { } decoded) return;
        // The raw target includes the script prefix (PathBase); Django's path_info does not.
        string pathBase = request.PathBase.Value ?? "";
        if (!decoded.StartsWith(pathBase, StringComparison.Ordinal)) return;
        string pathInfo = decoded.Substring(pathBase.Length);
        if (pathInfo.Length == 0) pathInfo = "/";
        if (!string.Equals(pathInfo, request.Path.Value, StringComparison.Ordinal)) request.Path = new PathString(pathInfo);
    }
}
