using DjangoSettings.Cors;
using DjangoSettings.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DjangoStyle;

/// <summary>
/// <c>Sample:Cors</c> = <c>django</c> (default: the compiled django-cors-headers policy),
/// <c>aspnet</c> (ASP.NET Core's own <c>UseCors</c> with a policy derived from the same compiled
/// settings) or <c>none</c> (no CORS middleware). Only bench/e2e.sh sets it, to compare
/// throughput; leave it unset otherwise.
/// </summary>
internal static class SampleCorsMode
{
    public static string Read(IConfiguration configuration) => configuration["Sample:Cors"] switch
    {
        null or "" or "django" => "django",
        "aspnet" => "aspnet",
        "none" => "none",
        var other => throw new InvalidOperationException($"Sample:Cors must be django, aspnet or none, not '{other}'"),
    };

    /// <summary>For <c>aspnet</c>: the default CorsPolicy built from the compiled Django policy's values.</summary>
    public static void AddAspNetCors(IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<DjangoCorsPolicy>((options, django) => options.AddDefaultPolicy(policy =>
        {
            policy.WithOrigins([.. django.AllowedOrigins])
                .WithMethods(Split(django.AllowMethodsValue.ToString()))
                .WithHeaders(Split(django.AllowHeadersValue.ToString()));
            if (django.ExposeHeadersValue.Count != 0) policy.WithExposedHeaders(Split(django.ExposeHeadersValue.ToString()));
            if (django.MaxAgeValue.Count != 0) policy.SetPreflightMaxAge(TimeSpan.FromSeconds(int.Parse(django.MaxAgeValue.ToString(), System.Globalization.CultureInfo.InvariantCulture)));
            if (django.AllowCredentials) policy.AllowCredentials();
        }));
    }

    /// <summary>
    /// For <c>aspnet</c> and <c>none</c>: MIDDLEWARE as the generated <c>AddDjangoSettings()</c>
    /// registered it from cors.settings, without CorsMiddleware, so the other CORS implementation
    /// (or none) is measured alone.
    /// </summary>
    public static void RemoveCorsMiddleware(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(DjangoHttpSettings));
        var settings = (DjangoHttpSettings)registered.ImplementationInstance!;
        services.Remove(registered);
        services.AddSingleton(settings with { Middleware = [.. settings.Middleware.Where(m => m != DjangoMiddlewarePaths.Cors)] });
    }

    private static string[] Split(string joined) => joined.Split(", ", StringSplitOptions.RemoveEmptyEntries);
}
