using System;
using System.Collections.Generic;
using DjangoSettings.Drf;
using Microsoft.AspNetCore.Routing;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps DRF views.</summary>
public static class DrfEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <paramref name="view"/> at <paramref name="pattern"/> for <em>every</em> method, as Django
    /// routes a URL to a view whatever the method: DRF's machinery answers OPTIONS, HEAD and 405 with
    /// its <c>Allow</c> header. Authentication, permissions and throttles run inside the view in
    /// DRF's order (after content negotiation), from REST_FRAMEWORK or the view's own classes;
    /// <c>.AllowAnonymous()</c> makes the permission AllowAny and
    /// <c>.WithMetadata(new DrfThrottleScopeMetadata("scope"))</c> sets the throttle scope.
    /// </summary>
    /// <returns>The endpoint's convention builder (name it, add CORS or other metadata).</returns>
    public static IEndpointConventionBuilder MapDrfView(this IEndpointRouteBuilder endpoints, string pattern, DrfView view)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(view);
        var dispatcher = new DrfViewDispatcher(view);
        return endpoints.Map(pattern, dispatcher.InvokeAsync)
            .WithMetadata(new DrfViewMetadata(view), DjangoSettings.Http.SetsContentLengthAttribute.Instance)
            .WithDisplayName("DRF view " + view.Name);
    }

    /// <summary>
    /// Maps a class-based DRF view built in place: <c>MapDrfView("/api/items/", "ItemsView", v =&gt;
    /// v.Get(...).Post(...))</c>. The class name gives the OPTIONS name (<c>Items</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapDrfView(this IEndpointRouteBuilder endpoints, string pattern, string pythonClassName, Action<DrfViewBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DrfViewBuilder(pythonClassName);
        configure(builder);
        return endpoints.MapDrfView(pattern, builder.Build());
    }

    /// <summary>
    /// Maps an <c>@api_view(methods)</c> function view: only <paramref name="methods"/> and OPTIONS
    /// are allowed (HEAD is a 405 unless listed).
    /// </summary>
    public static IEndpointConventionBuilder MapDrfApiView(this IEndpointRouteBuilder endpoints, string pattern, string functionName, IEnumerable<string> methods, DrfHandler handler, DrfViewPolicies? policies = null) =>
        endpoints.MapDrfView(pattern, DrfView.Function(functionName, methods, handler, policies));
}
