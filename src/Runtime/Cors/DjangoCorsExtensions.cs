using System;
using DjangoSettings.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers the django-cors-headers policy.</summary>
    public static class DjangoCorsServiceCollectionExtensions
    {
        /// <summary>Registers <paramref name="policy"/> as the singleton the middleware serves, unless a policy is registered already (the first registration wins).</summary>
        public static IServiceCollection AddDjangoCors(this IServiceCollection services, DjangoCorsPolicy policy)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(policy);
            services.TryAddSingleton(policy);
            return services;
        }

        /// <summary>
        /// Registers a policy built once from the container, e.g. from <c>IConfiguration</c> for
        /// settings that read the environment. Invalid settings fail the first request's pipeline
        /// construction with <see cref="DjangoCorsConfigurationException"/>. The first registration wins.
        /// </summary>
        public static IServiceCollection AddDjangoCors(this IServiceCollection services, Func<IServiceProvider, DjangoCorsPolicy> factory)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(factory);
            services.TryAddSingleton(factory);
            return services;
        }
    }
}

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>Adds the django-cors-headers middleware to the pipeline.</summary>
    public static class DjangoCorsApplicationBuilderExtensions
    {
        /// <summary>
        /// Adds <see cref="DjangoCorsMiddleware"/>. Call it first (as Django's README says: "as high
        /// as possible"), before exception handling, routing, authentication and redirects, so that
        /// preflights are answered before any of them and every response passes back through it.
        /// </summary>
        public static IApplicationBuilder UseDjangoCors(this IApplicationBuilder app)
        {
            ArgumentNullException.ThrowIfNull(app);
            DjangoSettings.Http.DjangoPipelineMarkers.Mark(app, DjangoSettings.Http.DjangoPipelineMarkers.Cors, "CorsMiddleware");
            return app.UseMiddleware<DjangoCorsMiddleware>();
        }
    }
}
