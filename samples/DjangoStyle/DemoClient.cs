using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DjangoStyle;

/// <summary>
/// The demo front end (in the role of the seed's React/Vue client): static files from
/// <c>wwwroot-client/</c> served by a second Kestrel host on a second origin, so every call it makes
/// to the API is a real cross-origin request that the django-cors-headers policy must allow.
/// <c>Sample:ClientUrl</c> chooses its address (default <c>http://localhost:3000</c>, an allowed
/// origin in cors.settings); an empty value or <c>none</c> turns it off. <c>Sample:ApiUrl</c>
/// overrides the API address the page calls (default: the API's first listening address).
/// </summary>
internal static class DemoClient
{
    public const string DefaultUrl = "http://localhost:3000";

    /// <summary>Starts the client host after the API listens; null when disabled.</summary>
    public static async Task<WebApplication?> StartAsync(WebApplication api)
    {
        string clientUrl = api.Configuration["Sample:ClientUrl"] ?? DefaultUrl;
        if (clientUrl.Length == 0 || clientUrl.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;

        string apiUrl = api.Configuration["Sample:ApiUrl"] ?? BrowsableAddress(api);
        string root = Path.Combine(AppContext.BaseDirectory, "wwwroot-client");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "DjangoStyle.DemoClient",
            ContentRootPath = root,
            WebRootPath = root,
            // Production: no static-web-assets manifest lookup for this second host.
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(clientUrl);
        // The API host already logs; this one only serves files.
        builder.Logging.ClearProviders();
        var client = builder.Build();
        // The page learns the API's address from here, so it follows --urls.
        client.MapGet("/config.js", (HttpContext context) =>
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            // A JSON string with every non-ASCII character escaped is a valid JavaScript literal; no reflection (AOT).
            return context.Response.WriteAsync("window.DEMO_API = " + DjangoSettings.Jwt.PythonJsonWriter.Serialize(apiUrl.TrimEnd('/')) + ";\n");
        });
        client.UseDefaultFiles();
        client.UseStaticFiles();
        try
        {
            await client.StartAsync();
        }
        catch (IOException e)
        {
            // A busy port must not take the API down with it.
            api.Logger.LogWarning("Demo client not started: {ClientUrl} is not available ({Reason}); set Sample:ClientUrl to another allowed origin, or none", clientUrl, e.Message);
            await client.DisposeAsync();
            return null;
        }
        foreach (var address in client.Urls)
        {
            api.Logger.LogInformation("Demo client (wwwroot-client) on {ClientUrl}: open it in a browser; it calls the API at {ApiUrl}", address, apiUrl);
        }
        return client;
    }

    /// <summary>The API's first address, with a wildcard host replaced by one a browser can open.</summary>
    private static string BrowsableAddress(WebApplication api)
    {
        var addresses = api.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        string first = addresses?.FirstOrDefault() ?? "http://127.0.0.1:8000";
        var uri = new UriBuilder(first);
        if (uri.Host is "0.0.0.0" or "[::]" or "+" or "*") uri.Host = "localhost";
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
