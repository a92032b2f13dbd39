using System;
using System.Collections.Generic;
using DjangoSettings.Cors;
using DjangoSettings.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers Django's HTTP behaviour (MIDDLEWARE and the settings it reads).</summary>
    public static class DjangoHttpServiceCollectionExtensions
    {
        /// <summary>
        /// Registers <paramref name="settings"/>, <see cref="DjangoRequestHost"/> (<c>get_host()</c>,
        /// <c>is_secure()</c>), <see cref="DjangoUrlResolver"/> and <see cref="DjangoRoutingMatcherPolicy"/>
        /// (Django's case-sensitive, slash-exact URL matching, once <c>UseDjangoMiddleware()</c> composes
        /// the pipeline), and routing itself. Each is added only if not registered yet, so settings
        /// registered first win (the generated <c>AddDjangoSettings()</c> calls this with the file's).
        /// </summary>
        public static IServiceCollection AddDjangoHttp(this IServiceCollection services, DjangoHttpSettings settings)
        {
            ArgumentNullException.ThrowIfNull(services);
            ArgumentNullException.ThrowIfNull(settings);
            services.AddRouting();
            // Added only if absent: settings registered first (by hand, or to adjust the generated ones) win.
            services.TryAddSingleton(settings);
            services.TryAddSingleton(sp => sp.GetRequiredService<DjangoHttpSettings>().Limits);
            services.TryAddSingleton(sp =>
            {
                var http = sp.GetRequiredService<DjangoHttpSettings>();
                return new DjangoRequestHost(http.Hosts, http.Security);
            });
            services.TryAddSingleton<DjangoPipelineState>();
            services.TryAddSingleton<DjangoUrlResolver>();
            services.TryAddSingleton<IEndpointAddressScheme<DjangoEndpointAddress>, DjangoEndpointAddressScheme>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, DjangoRoutingMatcherPolicy>(sp => new DjangoRoutingMatcherPolicy(sp.GetRequiredService<DjangoPipelineState>())));
            return services;
        }
    }
}

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>Composes Django's <c>MIDDLEWARE</c> into the ASP.NET Core pipeline.</summary>
    public static partial class DjangoMiddlewareApplicationBuilderExtensions
    {
        // The property UseRouting() sets (Microsoft.AspNetCore.Routing; not public API, stable since
        // .NET 6): its presence means routing was added already.
        private const string EndpointRouteBuilderKey = "__EndpointRouteBuilder";

        /// <summary>
        /// Composes the pipeline from <c>MIDDLEWARE</c>: the request made Django's (method upper-cased,
        /// path_info), URL resolution (<c>UseRouting()</c>, with Django's stricter matching), then, in
        /// MIDDLEWARE's order, Django's SecurityMiddleware, CommonMiddleware and XFrameOptionsMiddleware
        /// (run together, with Django's onion semantics, by one middleware per run of consecutive
        /// entries) and <see cref="DjangoCorsMiddleware"/> where CorsMiddleware is listed, and last the
        /// view boundary (Django's 404 page for URLs no endpoint serves, its 400/403 pages for its
        /// exceptions). After it come authentication, authorization and the endpoints; an exception
        /// handler (Django's 500) goes before it. Do not call <c>UseRouting()</c> yourself (a later
        /// call finds the request routed and does nothing). SessionMiddleware adds <c>Vary: Cookie</c>
        /// where DRF's SessionAuthentication read the session; LocaleMiddleware is
        /// <c>DjangoLocaleMiddleware</c> at its position when the language services are registered.
        /// Entries with no runtime equivalent (messages, CSRF, authentication, ...) add nothing; the
        /// build reports what the port does instead (DJS0400).
        /// </summary>
        /// <remarks>
        /// Routing before the middleware changes nothing Django's clients can see (Django's request
        /// phases do not depend on the resolved view), and lets CommonMiddleware know whether the
        /// path resolves and whether the endpoint sets its own <c>Content-Length</c>.
        /// </remarks>
        /// <exception cref="InvalidOperationException">
        /// <c>UseRouting()</c> was called already (it would match routes on the raw path, not on
        /// Django's path_info), CORS is listed without a registered policy, or a listed entry was
        /// placed by hand too (<c>UseDjangoCors()</c>, <c>UseDjangoLocale()</c>, <c>UseDjangoSessionVary()</c>),
        /// or this is the second call.
        /// </exception>
        public static IApplicationBuilder UseDjangoMiddleware(this IApplicationBuilder app)
        {
            ArgumentNullException.ThrowIfNull(app);
            var services = app.ApplicationServices;
            var settings = services.GetService(typeof(DjangoHttpSettings)) as DjangoHttpSettings
                ?? throw new InvalidOperationException("UseDjangoMiddleware() needs the settings: call services.AddDjangoHttp(...) (generated code does it from MIDDLEWARE).");
            DjangoPipelineMarkers.Mark(app, DjangoPipelineMarkers.Composed, "UseDjangoMiddleware()");
            if (app.Properties.ContainsKey(EndpointRouteBuilderKey))
            {
                throw new InvalidOperationException("UseDjangoMiddleware() must come before UseRouting() (it routes itself): routes must be matched on Django's path_info, which it builds first.");
            }

            var loggers = (ILoggerFactory)(services.GetService(typeof(ILoggerFactory)) ?? NullLoggerFactory.Instance);
            var logger = loggers.CreateLogger("DjangoSettings.Http.DjangoMiddleware");
            var host = (DjangoRequestHost)services.GetService(typeof(DjangoRequestHost))!;
            var resolver = (DjangoUrlResolver)services.GetService(typeof(DjangoUrlResolver))!;

            if (services.GetService(typeof(DjangoPipelineState)) is DjangoPipelineState state) state.Composed = true;
            WarnAboutSettings(settings, logger);

            app.Use(static next => context =>
            {
                DjangoRequestNormalization.Apply(context);
                return next(context);
            });
            app.UseRouting();

            // Runs of consecutive entries become one middleware each; CorsMiddleware and
            // LocaleMiddleware (middleware of their own) split them.
            var segment = new List<DjangoMiddlewareStep>();
            foreach (var kind in settings.Composed)
            {
                switch (kind)
                {
                    case DjangoMiddlewareKind.Cors:
                        if (services.GetService(typeof(DjangoCorsPolicy)) is null)
                        {
                            throw new InvalidOperationException($"MIDDLEWARE lists {DjangoMiddlewarePaths.Cors} but no CORS policy is registered: call services.AddDjangoCors(...) (generated code does it from the CORS_* settings).");
                        }
                        DjangoPipelineMarkers.Mark(app, DjangoPipelineMarkers.Cors, "CorsMiddleware");
                        AddSegment(app, segment, null);
                        segment.Clear();
                        app.UseMiddleware<DjangoCorsMiddleware>();
                        continue;
                    case DjangoMiddlewareKind.Locale:
                        if (services.GetService(typeof(DjangoSettings.Localization.DjangoTranslations)) is null)
                        {
                            Log.LocaleWithoutLanguages(logger, DjangoMiddlewarePaths.Locale);
                            continue;
                        }
                        DjangoPipelineMarkers.Mark(app, DjangoPipelineMarkers.Locale, "LocaleMiddleware");
                        AddSegment(app, segment, null);
                        segment.Clear();
                        app.UseMiddleware<DjangoSettings.Localization.DjangoLocaleMiddleware>();
                        continue;
                    case DjangoMiddlewareKind.Session:
                        DjangoPipelineMarkers.Mark(app, DjangoPipelineMarkers.Session, "SessionMiddleware's Vary: Cookie");
                        segment.Add(new SessionMiddlewareStep());
                        continue;
                }
                segment.Add(kind switch
                {
                    DjangoMiddlewareKind.Security => new SecurityMiddlewareStep(settings.Security, host, logger),
                    DjangoMiddlewareKind.Common => new CommonMiddlewareStep(settings.Common, settings.Debug, host, resolver, logger),
                    DjangoMiddlewareKind.XFrameOptions => new XFrameOptionsMiddlewareStep(settings.XFrameOptions),
                    _ => throw new InvalidOperationException("unexpected MIDDLEWARE kind " + kind),
                });
            }
            AddSegment(app, segment, new DjangoViewBoundary(settings.HasCommonMiddleware, resolver, logger));
            return app;
        }

        // What Django's runserver refuses to start with, said once at startup (the build says it too, DJS0408).
        private static void WarnAboutSettings(DjangoHttpSettings settings, ILogger logger)
        {
            if (settings.HasCommonMiddleware && settings.Hosts.EffectiveAllowedHosts.Count == 0)
            {
                Log.NoAllowedHosts(logger);
            }
        }

        private static partial class Log
        {
            [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "ALLOWED_HOSTS is empty and DEBUG is off: CommonMiddleware answers every request with 400 (Django's runserver refuses to start with these settings); list the host names this API is served under")]
            public static partial void NoAllowedHosts(ILogger logger);

            [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "MIDDLEWARE lists {Entry} but the language services are not registered (services.AddDjangoLanguage(...)): no LocaleMiddleware is composed, so responses carry no Content-Language and messages stay in LANGUAGE_CODE's default")]
            public static partial void LocaleWithoutLanguages(ILogger logger, string entry);
        }

        private static void AddSegment(IApplicationBuilder app, List<DjangoMiddlewareStep> steps, DjangoViewBoundary? boundary)
        {
            if (steps.Count == 0 && boundary is null) return;
            DjangoMiddlewareStep[] run = [.. steps];
            app.Use(next => new DjangoMiddlewareSegment(next, run, boundary).InvokeAsync);
        }
    }
}
