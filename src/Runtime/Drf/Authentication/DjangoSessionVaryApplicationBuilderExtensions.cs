using System;
using DjangoSettings.Drf;

// In the framework's namespace, as AddCors/UseCors are: no using needed at the call site.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Pipeline registration of <see cref="DjangoSessionVaryMiddleware"/>.</summary>
public static class DjangoSessionVaryApplicationBuilderExtensions
{
    /// <summary>Adds <see cref="DjangoSessionVaryMiddleware"/> at SessionMiddleware's position.</summary>
    public static IApplicationBuilder UseDjangoSessionVary(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DjangoSettings.Http.DjangoPipelineMarkers.Mark(app, DjangoSettings.Http.DjangoPipelineMarkers.Session, "SessionMiddleware's Vary: Cookie");
        return app.UseMiddleware<DjangoSessionVaryMiddleware>();
    }
}
