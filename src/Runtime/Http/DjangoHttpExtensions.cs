using System;
using System.Collections.Generic;
using DjangoSettings.Cors;
using DjangoSettings.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers Django's HTTP behaviour (MIDDLEWARE and the settings it reads).</summary>
    public static class DjangoHttpServiceCollectionExtensions
    {
        /// <summary>
        /// Registers <paramref name="settings"/>, <see cref="DjangoRequestHost"/> (<c>get_host()</c>,
        /// <c>is_secure()</c>), <see cref="DjangoUrlResolver"/> and <see cref="DjangoRoutingMatcherPolicy"/>
        /// (Django's case-sensitive, slash-exact URL matching), and routing itself.
        /// </summary>
        public static IServiceCollection AddDjangoHttp(this IServiceCollection services, DjangoHttpSettings settings)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(settings);
            services.AddRouting();
            services.AddSingleton(settings);
            services.AddSingleton(settings.Limits);
            services.AddSingleton(sp => new DjangoRequestHost(settings.Hosts, settings.Security));
            services.TryAddSingleton<DjangoUrlResolver>();
            services.TryAddSingleton<IEndpointAddressScheme<DjangoEndpointAddress>, DjangoEndpointAddressScheme>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, DjangoRoutingMatcherPolicy>());
            return services;
        }
    }
}

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>Composes Django's <c>MIDDLEWARE</c> into the ASP.NET Core pipeline.</summary>
    public static class DjangoMiddlewareApplicationBuilderExtensions
    {
        // ASP.NET Core's own property keys (Microsoft.AspNetCore.Routing's UseRouting and WebApplication):
        // not public API, stable since .NET 6; the startup checks below read them.
        private const string EndpointRouteBuilderKey = "__EndpointRouteBuilder";
        private const string GlobalEndpointRouteBuilderKey = "__GlobalEndpointRouteBuilder";

        /// <summary>
        /// Adds, in <c>MIDDLEWARE</c>'s order, the ASP.NET Core equivalent of each entry
        /// (<see cref="DjangoCorsMiddleware"/>, <see cref="DjangoSecurityMiddleware"/>,
        /// <see cref="DjangoCommonMiddleware"/>, <see cref="DjangoXFrameOptionsMiddleware"/>), between
        /// <see cref="DjangoRequestMiddleware"/> (Django's request: method, path_info) first and
        /// <see cref="DjangoHandlerMiddleware"/> (404 page, Django's 400/403 exceptions) last. Call it
        /// before <c>UseRouting()</c>, authentication and the endpoints, which must follow it in that
        /// order, as URL resolution and the views follow MIDDLEWARE in Django; an exception handler
        /// (Django's 500) goes before it.
        /// </summary>
        /// <exception cref="InvalidOperationException">
        /// <c>UseRouting()</c> was called already, the application routes implicitly (a
        /// <c>WebApplication</c> with endpoints but no <c>UseRouting()</c> call), or CORS is listed
        /// without a registered policy.
        /// </exception>
        public static IApplicationBuilder UseDjangoMiddleware(this IApplicationBuilder app)
        {
            ArgumentNullException.ThrowIfNull(app);
            var settings = app.ApplicationServices.GetService(typeof(DjangoHttpSettings)) as DjangoHttpSettings
                ?? throw new InvalidOperationException("UseDjangoMiddleware() needs the settings: call services.AddDjangoHttp(...) (generated code does it from MIDDLEWARE).");
            if (app.Properties.ContainsKey(EndpointRouteBuilderKey))
            {
                throw new InvalidOperationException("UseDjangoMiddleware() must come before UseRouting(): in Django, MIDDLEWARE runs before URL resolution (CommonMiddleware redirects and checks hosts before any view is chosen, and the path must be Django's path_info when routes are matched).");
            }

            app.UseMiddleware<DjangoRequestMiddleware>();
            foreach (var kind in settings.Composed)
            {
                switch (kind)
                {
                    case DjangoMiddlewareKind.Cors:
                        if (app.ApplicationServices.GetService(typeof(DjangoCorsPolicy)) is null)
                        {
                            throw new InvalidOperationException($"MIDDLEWARE lists {DjangoMiddlewarePaths.Cors} but no CORS policy is registered: call services.AddDjangoCors(...) (generated code does it from the CORS_* settings).");
                        }
                        app.UseMiddleware<DjangoCorsMiddleware>();
                        break;
                    case DjangoMiddlewareKind.Security:
                        app.UseMiddleware<DjangoSecurityMiddleware>();
                        break;
                    case DjangoMiddlewareKind.Common:
                        app.UseMiddleware<DjangoCommonMiddleware>();
                        break;
                    case DjangoMiddlewareKind.XFrameOptions:
                        app.UseMiddleware<DjangoXFrameOptionsMiddleware>();
                        break;
                }
            }
            app.UseMiddleware<DjangoHandlerMiddleware>();

            // Checked when the pipeline is built, after every Use call: a WebApplication that maps
            // endpoints but never calls UseRouting() routes before all middleware, on the raw path.
            IDictionary<string, object?> properties = app.Properties;
            app.Use(next =>
            {
                if (!properties.ContainsKey(EndpointRouteBuilderKey)
                    && properties.TryGetValue(GlobalEndpointRouteBuilderKey, out var global)
                    && global is IEndpointRouteBuilder { DataSources.Count: > 0 })
                {
                    throw new InvalidOperationException("Call app.UseRouting() after app.UseDjangoMiddleware(): without it, WebApplication routes every request before the first middleware, before Django's path_info and CommonMiddleware's redirects.");
                }
                return next;
            });
            return app;
        }
    }
}
