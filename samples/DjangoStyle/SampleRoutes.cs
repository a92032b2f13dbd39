using System.Text;
using DjangoSettings.Drf;
using DjangoSettings.Http;
using DjangoSettings.Jwt;

namespace DjangoStyle;

/// <summary>
/// The seed Django backend's views, ported: <c>/api/</c> (DRF <c>@api_view(["GET"])</c>, AllowAny),
/// <c>/api/me/</c> (DRF APIView, IsAuthenticated), <c>/api/items/</c> (a GenericAPIView on
/// REST_FRAMEWORK's defaults), and the plain Django views <c>/public/</c> and
/// <c>/other/</c>. DRF's view shell answers every method as DRF does (Allow, HEAD, OPTIONS, 405);
/// unknown URLs, APPEND_SLASH redirects and the security headers come from the pipeline
/// <c>UseDjangoMiddleware()</c> composes from MIDDLEWARE, so no route here handles them.
/// </summary>
internal static class SampleRoutes
{
    /// <summary>The 25 items <c>/api/items/</c> lists, <c>{"id": n, "name": "item n"}</c>.</summary>
    private static readonly TokenClaimsBuilder[] Items = Enumerable.Range(1, 25)
        .Select(i => new TokenClaimsBuilder().Set("id", i).Set("name", "item " + i)).ToArray();

    // The view's docstring, as Python keeps it: DRF's OPTIONS answer describes the view with it.
    private const string ItemsDocstring = """
        /api/items/: a DRF view that takes everything from REST_FRAMEWORK's defaults
            (authentication, permissions, throttles, renderers, parsers, pagination).
            GET lists 25 items (paginated when DEFAULT_PAGINATION_CLASS is set); POST echoes
            the parsed body.
        """;

    public static void Map(WebApplication app)
    {
        app.MapDrfApiView("/api/", "api_root", ["GET"],
            _ => ValueTask.FromResult(DrfResponse.Ok(new[] { "/api/token", "/api/token/refresh" })),
            new DrfViewPolicies { Permissions = [DrfClassNames.AllowAny] });

        app.MapDrfView("/api/me/", "MeView", v => v
            .PermissionClasses(DrfClassNames.IsAuthenticated)
            .Get(request =>
            {
                // request.user as DRF's JWTAuthentication loaded it: the key typed as the user model
                // types it (an integer key is a JSON number; a UUID or text key a string, as DRF
                // renders str(uuid)).
                var user = request.HttpContext.GetSimpleJwt()?.User;
                object? id = user is null
                    ? request.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                    : user.Pk.Type is DjangoSettings.Users.DjangoUserKeyType.Integer or DjangoSettings.Users.DjangoUserKeyType.BigInteger
                        ? long.Parse(user.Pk.ToString(), System.Globalization.CultureInfo.InvariantCulture)
                        : user.Pk.ToString();
                return ValueTask.FromResult(DrfResponse.Ok(new TokenClaimsBuilder().Set("id", id).Set("username", user?.Username ?? request.User.Identity!.Name)));
            }));

        // The oracle's /api/items/ (a GenericAPIView on REST_FRAMEWORK's defaults: authentication,
        // permissions, throttles, renderers, parsers, pagination): GET lists 25 items, paginated when
        // DEFAULT_PAGINATION_CLASS is set; POST echoes the parsed body with 201.
        app.MapDrfView("/api/items/", new DrfViewBuilder("ItemsView")
            .Docstring(ItemsDocstring)
            .Get(request => ValueTask.FromResult(request.PaginateQueryset(Items) is { } page ? page.ToResponse() : DrfResponse.Ok(Items)))
            .Post(async request => DrfResponse.Created(new TokenClaimsBuilder().Set("received", await request.ReadDataAsync())))
            .Build());

        foreach (var name in new[] { "public", "other" })
        {
            // Plain Django views (csrf_exempt) answer any method; JsonResponse uses ", " and ": ".
            app.Map("/" + name + "/", (HttpContext context) =>
            {
                var sb = new StringBuilder("{\"view\": ");
                PythonJsonWriter.WriteString(sb, name);
                sb.Append(", \"method\": ");
                PythonJsonWriter.WriteString(sb, context.Request.Method);
                sb.Append(", \"path\": ");
                PythonJsonWriter.WriteString(sb, DjangoUrl.Path(context.Request));
                sb.Append('}');
                context.Response.ContentType = "application/json";
                // No Content-Length: CommonMiddleware measures the body, as in Django.
                return context.Response.WriteAsync(sb.ToString());
            });
        }
    }
}
