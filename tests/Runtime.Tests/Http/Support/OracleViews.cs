using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DjangoSettings.Http;
using DjangoSettings.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DjangoSettings.Runtime.Tests.Http.Support;

/// <summary>
/// The views of the recording project (Fixtures/http/django: the oracle's URLs plus /h13/...) as
/// ASP.NET Core endpoints, written the way a port writes them: real routes (so APPEND_SLASH goes
/// through routing), the runtime's simplejwt views for /api/token/..., Django's request helpers for
/// body, form, query and host, and the DRF view shell for the oracle's DRF views.
/// </summary>
public static class OracleViews
{
    /// <summary>Maps every view.</summary>
    public static void Map(IEndpointRouteBuilder e)
    {
        e.MapSimpleJwt("/api/token");
        // /api/, /api/me/, /api/items/: the DRF view shell, as the DRF tests map them.
        Drf.OracleViews.Map(e);
        foreach (string name in new[] { "public", "other" })
        {
            e.Map("/" + name + "/", ctx => Plain(ctx, ("view", name), ("method", ctx.Request.Method), ("path", DjangoUrl.Path(ctx.Request))));
        }
        e.Map("/h13/body/", async ctx =>
        {
            byte[] body = await DjangoRequestData.ReadBodyAsync(ctx);
            await Plain(ctx, ("view", "body"), ("length", body.Length));
        });
        e.Map("/h13/form/", async ctx =>
        {
            var form = await DjangoRequestData.ReadFormAsync(ctx);
            await Plain(ctx, ("view", "form"), ("fields", form.Count));
        });
        e.Map("/h13/query/", ctx => Plain(ctx, ("view", "query"), ("fields", DjangoRequestData.GetQuery(ctx).Count)));
        e.Map("/h13/host/", ctx =>
        {
            var host = ctx.RequestServices.GetRequiredService<DjangoRequestHost>();
            return Plain(ctx, ("view", "host"), ("host", host.GetHost(ctx.Request)), ("url", host.BuildAbsoluteUri(ctx.Request)), ("secure", host.IsSecure(ctx.Request)));
        });
        e.Map("/h13/xframe-exempt/", ctx => Plain(ctx, ("view", "xframe-exempt"))).ExemptFromXFrameOptions();
        e.Map("/h13/xframe-preset/", ctx =>
        {
            ctx.Response.Headers.XFrameOptions = "ALLOW-FROM https://x.example";
            return Plain(ctx, ("view", "xframe-preset"));
        });
        e.Map("/h13/xframe-sameorigin/", ctx =>
        {
            ctx.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return Plain(ctx, ("view", "xframe-sameorigin"));
        });
        e.Map("/h13/no-append/", ctx => Plain(ctx, ("view", "no-append"))).WithoutAppendSlash();
        e.Map("/h13/items/{pk:int}/", ctx => Plain(ctx, ("view", "item"), ("pk", int.Parse((string)ctx.Request.RouteValues["pk"]!, CultureInfo.InvariantCulture))));
        e.Map("/h13/users/{name}/", ctx => Plain(ctx, ("view", "user"), ("name", (string)ctx.Request.RouteValues["name"]!)));
        e.Map("/h13/exact", ctx => Plain(ctx, ("view", "exact")));
    }

    // JsonResponse: json.dumps with ", " and ": ", ASCII only.
    private static Task Plain(HttpContext ctx, params (string Key, object Value)[] fields)
    {
        var sb = new StringBuilder("{");
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            PythonJsonWriter.WriteString(sb, fields[i].Key);
            sb.Append(": ");
            sb.Append(fields[i].Value switch
            {
                string s => PythonJsonWriter.Serialize(s),
                bool b => b ? "true" : "false",
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            });
        }
        sb.Append('}');
        return Write(ctx, 200, "application/json", sb.ToString());
    }

    // No Content-Length: CommonMiddleware measures it, as Django's does.
    private static Task Write(HttpContext ctx, int status, string contentType, string body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        return ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body)).AsTask();
    }
}
