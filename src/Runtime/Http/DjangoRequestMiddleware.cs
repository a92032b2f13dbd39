using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DjangoSettings.Http;

/// <summary>
/// The first step of the composed pipeline: the request as Django's WSGI handler builds it, before
/// any middleware. The method is upper-cased (<c>get</c> is <c>GET</c>), and the path becomes
/// Django's <c>path_info</c> (<see cref="DjangoPathInfo"/>): <c>/api%2Fme/</c> is <c>/api/me/</c> and
/// <c>/api/./</c> stays <c>/api/./</c> (so it matches no route, a 404 as in Django). Ordinary
/// requests pass untouched, without allocating.
/// </summary>
public sealed class DjangoRequestMiddleware
{
    private readonly RequestDelegate _next;

    /// <summary>Created once by the pipeline.</summary>
    public DjangoRequestMiddleware(RequestDelegate next) => _next = next ?? throw new ArgumentNullException(nameof(next));

    /// <summary>Normalises method and path, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
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

        string? raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && DjangoPathInfo.MayDiffer(raw) && DjangoPathInfo.FromRawTarget(raw) is { } decoded)
        {
            // The raw target includes the script prefix (PathBase); Django's path_info does not.
            string pathBase = request.PathBase.Value ?? "";
            if (decoded.StartsWith(pathBase, StringComparison.Ordinal))
            {
                string pathInfo = decoded.Substring(pathBase.Length);
                if (pathInfo.Length == 0) pathInfo = "/";
                if (!string.Equals(pathInfo, request.Path.Value, StringComparison.Ordinal)) request.Path = new PathString(pathInfo);
            }
        }
        return _next(context);
    }
}
