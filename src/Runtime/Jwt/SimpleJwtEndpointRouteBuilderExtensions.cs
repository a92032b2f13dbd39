using System;
using DjangoSettings.Drf;
using DjangoSettings.Jwt;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps simplejwt's token views.</summary>
public static class SimpleJwtEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>/</c> (TokenObtainPairView), <c>refresh/</c>,
    /// <c>verify/</c>, <c>blacklist/</c>, and when <see cref="SimpleJwtOptions.EnableSlidingEndpoints"/>
    /// <c>sliding/</c> and <c>sliding/refresh/</c>. Every method reaches the view so that DRF's
    /// 405/OPTIONS answers come out; paths without the trailing slash get Django's APPEND_SLASH 301.
    /// The endpoints allow anonymous access and ignore the Authorization header, like simplejwt's views.
    /// </summary>
    /// <returns>The route group (an <see cref="IEndpointRouteBuilder"/>), for conventions such as CORS or rate limiting.</returns>
    public static RouteGroupBuilder MapSimpleJwt(this IEndpointRouteBuilder endpoints, string prefix = "/api/token")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var options = endpoints.ServiceProvider.GetRequiredService<SimpleJwtOptions>();
        // The views' services are resolved here, once, not on every call.
        var views = new SimpleJwtViews(endpoints.ServiceProvider);
        var group = endpoints.MapGroup(prefix.TrimEnd('/'));
        Map(group, views, "/", views.ObtainPair(), "token_obtain_pair");
        Map(group, views, "/refresh/", views.Refresh(), "token_refresh");
        Map(group, views, "/verify/", views.Verify(), "token_verify");
        Map(group, views, "/blacklist/", views.Blacklist(), "token_blacklist");
        if (options.EnableSlidingEndpoints)
        {
            Map(group, views, "/sliding/", views.ObtainSliding(), "token_obtain_sliding");
            Map(group, views, "/sliding/refresh/", views.RefreshSliding(), "token_refresh_sliding");
        }
        return group;
    }

    private static void Map(RouteGroupBuilder group, SimpleJwtViews views, string pattern, SimpleJwtView view, string name)
    {
        // simplejwt's views have authentication_classes = (): a DRF view that authenticates nothing.
        var drfView = views.AsDrfView(view);
        var dispatcher = new DrfViewDispatcher(drfView, SimpleJwtViews.FallbackSettings);
        group.Map(pattern, context => SimpleJwtViews.DispatchAsync(context, dispatcher))
            .WithMetadata(SimpleJwtTokenEndpointMetadata.Instance, DrfAuthenticationMetadata.None)
            .WithMetadata(new DrfViewMetadata(drfView), DjangoSettings.Http.SetsContentLengthAttribute.Instance)
            .AllowAnonymous()
            .WithDisplayName(name)
            .WithName(name);
    }
}
