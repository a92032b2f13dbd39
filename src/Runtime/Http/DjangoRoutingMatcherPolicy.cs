using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace DjangoSettings.Http;

/// <summary>
/// Makes ASP.NET Core's endpoint matching as strict as Django's URL resolver
/// (<see cref="DjangoRouteRules"/>): <c>/API/</c> does not reach <c>api/</c>, <c>/api/items</c> does
/// not reach <c>api/items/</c> (CommonMiddleware's APPEND_SLASH answers it instead), and
/// <c>/h13/exact/</c> does not reach <c>h13/exact</c>. Registered by <c>AddDjangoHttp</c>; it only
/// removes candidates the default matcher found, so route priorities and constraints are ASP.NET
/// Core's own. It applies only when <c>UseDjangoMiddleware()</c> composed the pipeline.
/// </summary>
public sealed class DjangoRoutingMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // HttpMethodMatcherPolicy's synthetic 405 endpoint has a "/" pattern of its own; it stands for
    // the endpoints the path matched, so it is left alone (the view boundary checks it).
    internal const string Http405DisplayName = "405 HTTP Method Not Supported";

    /// <summary>Whether <paramref name="endpoint"/> is routing's synthetic 405 (a path matched, its methods did not).</summary>
    internal static bool IsMethodNotAllowed(Endpoint? endpoint) => endpoint is not null && endpoint.DisplayName == Http405DisplayName;

    private readonly DjangoPipelineState? _state;

    /// <summary>A policy that always applies (tests and hand-wired apps that add it themselves).</summary>
    public DjangoRoutingMatcherPolicy()
    {
    }

    /// <summary>Registered by <c>AddDjangoHttp</c>: applies once <c>UseDjangoMiddleware()</c> composed the pipeline.</summary>
    internal DjangoRoutingMatcherPolicy(DjangoPipelineState state) => _state = state;

    /// <summary>After the built-in policies.</summary>
    public override int Order => 1000;

    /// <inheritdoc />
    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Asked when the matcher is built, at the first request, after the pipeline was composed.
        if (_state is { Composed: false }) return false;
        for (int i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i] is RouteEndpoint { RoutePattern.RawText: not null }) return true;
        }
        return false;
    }

    /// <inheritdoc />
    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        var path = httpContext.Request.Path.Value.AsSpan();
        for (int i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            if (candidates[i].Endpoint is RouteEndpoint route && route.DisplayName != Http405DisplayName && !DjangoRouteRules.Accepts(route.RoutePattern, path))
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }
}
