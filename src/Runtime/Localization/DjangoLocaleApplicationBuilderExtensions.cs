using System;
using DjangoSettings.Localization;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Pipeline registration of Django's LocaleMiddleware.</summary>
public static class DjangoLocaleApplicationBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="DjangoLocaleMiddleware"/> at this point of the pipeline: where MIDDLEWARE lists
    /// <c>django.middleware.locale.LocaleMiddleware</c> (usually after SessionMiddleware, before
    /// CommonMiddleware). Needs <c>services.AddDjangoLanguage(...)</c>.
    /// </summary>
    public static IApplicationBuilder UseDjangoLocale(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DjangoSettings.Http.DjangoPipelineMarkers.Mark(app, DjangoSettings.Http.DjangoPipelineMarkers.Locale, "LocaleMiddleware");
        return app.UseMiddleware<DjangoLocaleMiddleware>();
    }
}
