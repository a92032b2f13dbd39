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
/// body, form, query and host. DRF views are reduced to what these fixtures exercise (JSON renderer
/// only, as the recordings were made with ORACLE_RENDERERS=json).
/// </summary>
public static class OracleViews
{
    private const string ApiRootMetadata = "{\"name\":\"Api Root\",\"description\":\"\",\"renders\":[\"application/json\"],\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]}";

    /// <summary>Maps every view.</summary>
    public static void Map(IEndpointRouteBuilder e)
    {
        e.MapSimpleJwt("/api/token");
        e.Map("/api/", ApiRoot).AllowAnonymous();
        e.Map("/api/me/", Me).AllowAnonymous();
        e.Map("/api/items/", Items).AllowAnonymous();
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

    // @api_view(["GET"]) + AllowAny: DRF reads the query (negotiation), then dispatches by method.
    private static Task ApiRoot(HttpContext ctx)
    {
        DjangoRequestData.EnsureQueryWithinLimits(ctx);
        const string allow = "GET, OPTIONS";
        return ctx.Request.Method switch
        {
            "GET" => Drf(ctx, 200, "[\"/api/token\",\"/api/token/refresh\"]", allow),
            "OPTIONS" => Drf(ctx, 200, ApiRootMetadata, allow),
            var m => Drf(ctx, 405, "{\"detail\":\"Method \\\"" + m + "\\\" not allowed.\"}", allow),
        };
    }

    // APIView + IsAuthenticated: without credentials every method is a 401.
    private static Task Me(HttpContext ctx)
    {
        DjangoRequestData.EnsureQueryWithinLimits(ctx);
        ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"api\"";
        return Drf(ctx, 401, "{\"detail\":\"Authentication credentials were not provided.\"}", "GET, HEAD, OPTIONS");
    }

    // GenericAPIView: GET lists 25 items, POST echoes request.data (DRF's parsers: no size limit).
    private static async Task Items(HttpContext ctx)
    {
        DjangoRequestData.EnsureQueryWithinLimits(ctx);
        const string allow = "GET, POST, HEAD, OPTIONS";
        if (ctx.Request.Method == "POST")
        {
            string received = await DrfData(ctx);
            await Drf(ctx, 201, "{\"received\":" + received + "}", allow);
            return;
        }
        string items = "[" + string.Join(",", Enumerable.Range(1, 25).Select(i => "{\"id\":" + i + ",\"name\":\"item " + i + "\"}")) + "]";
        await Drf(ctx, 200, items, allow);
    }

    // request.data as DRF's JSONRenderer prints it: JSON bodies as sent (compact), forms as the last value per key.
    private static async Task<string> DrfData(HttpContext ctx)
    {
        var limits = ctx.RequestServices.GetRequiredService<DjangoRequestLimitOptions>();
        string type = ctx.Request.ContentType ?? "";
        var reader = new System.IO.StreamReader(ctx.Request.Body, Encoding.UTF8);
        string text = await reader.ReadToEndAsync();
        if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            if (limits.MaxNumberFields is int max && text.Length != 0 && text.Count(c => c == '&') + 1 > max) throw new TooManyFieldsSentException();
            var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text);
            var body = new TokenClaimsBuilder();
            foreach (var (k, v) in fields) body.Set(k, v[v.Count - 1]);
            return PythonJsonWriter.Serialize(body, ensureAscii: false, escapeLineSeparators: true);
        }
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        return System.Text.Json.JsonSerializer.Serialize(doc.RootElement);
    }

    private static Task Drf(HttpContext ctx, int status, string json, string allow)
    {
        ctx.Response.Headers.Allow = allow;
        return Write(ctx, status, "application/json", json);
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
