using System.Linq;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// The oracle's DRF views (shared/oracle/djangoapp/oracle_app/views.py) built from the runtime's
/// helpers: <c>/api/</c> (<c>@api_view(["GET"])</c>, AllowAny), <c>/api/me/</c> (APIView,
/// IsAuthenticated) and <c>/api/items/</c> (a GenericAPIView on REST_FRAMEWORK's defaults).
/// </summary>
public static class OracleViews
{
    /// <summary>The 25 items <c>/api/items/</c> lists.</summary>
    public static readonly TokenClaimsBuilder[] Items = Enumerable.Range(1, 25)
        .Select(i => new TokenClaimsBuilder().Set("id", i).Set("name", "item " + i)).ToArray();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapDrfApiView("/api/", "api_root", ["GET"],
            _ => ValueTask.FromResult(DrfResponse.Ok(new[] { "/api/token", "/api/token/refresh" })),
            new DrfViewPolicies { Permissions = [DrfClassNames.AllowAny] });

        app.MapDrfView("/api/me/", "MeView", v => v
            .PermissionClasses(DrfClassNames.IsAuthenticated)
            .Get(request =>
            {
                var user = request.User;
                long id = long.Parse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.FromResult(DrfResponse.Ok(new TokenClaimsBuilder().Set("id", id).Set("username", user.Identity!.Name)));
            }));

        app.MapDrfView("/api/items/", ItemsView("ItemsView").Docstring(ItemsDocstring).Build());
        // The DRF fixtures' extra view (Fixtures/drf/drf_oracle_urls.py): ItemsView with throttle_scope = "burst"
        // (a subclass: Python does not inherit the docstring).
        app.MapDrfView("/api/scoped/", ItemsView("ScopedItemsView").ThrottleScope("burst").Build());
    }

    // The oracle's ItemsView docstring (its OPTIONS description).
    private const string ItemsDocstring = """
        /api/items/: a DRF view that takes everything from REST_FRAMEWORK's defaults
            (authentication, permissions, throttles, renderers, parsers, pagination).
            GET lists 25 items (paginated when DEFAULT_PAGINATION_CLASS is set); POST echoes
            the parsed body.
        """;

    private static DrfViewBuilder ItemsView(string className) => new DrfViewBuilder(className)
        .Get(request => ValueTask.FromResult(request.PaginateQueryset(Items) is { } page ? page.ToResponse() : DrfResponse.Ok(Items)))
        .Post(async request => DrfResponse.Created(new TokenClaimsBuilder().Set("received", await request.ReadDataAsync())));
}
