using System.Text;
using DjangoSettings.Drf;
using DjangoSettings.Http;
using DjangoSettings.Jwt;

namespace DjangoStyle;

/// <summary>
/// The seed Django backend's views, ported: <c>/api/</c> (DRF <c>@api_view(["GET"])</c>, AllowAny),
/// <c>/api/me/</c> (DRF APIView, IsAuthenticated), and the plain Django views <c>/public/</c> and
/// <c>/other/</c>. DRF's view shell answers every method as DRF does (Allow, HEAD, OPTIONS, 405);
/// unknown URLs, APPEND_SLASH redirects and the security headers come from the pipeline
/// <c>UseDjangoMiddleware()</c> composes from MIDDLEWARE, so no route here handles them.
/// </summary>
internal static class SampleRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapDrfApiView("/api/", "api_root", ["GET"],
            _ => ValueTask.FromResult(DrfResponse.Ok(new[] { "/api/token", "/api/token/refresh" })),
            new DrfViewPolicies { Permissions = [DrfClassNames.AllowAny] });

        app.MapDrfView("/api/me/", "MeView", v => v
            .PermissionClasses(DrfClassNames.IsAuthenticated)
            .Get(request =>
            {
                // request.user as DRF's JWTAuthentication set it.
                var user = request.User;
                long id = long.Parse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.FromResult(DrfResponse.Ok(new TokenClaimsBuilder().Set("id", id).Set("username", user.Identity!.Name)));
            }));

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
