using DjangoSettings.Http;
using DjangoSettings.Stores;
using Microsoft.AspNetCore.Diagnostics;

namespace DjangoStyle;

/// <summary>Start-up helpers of the sample: the superuser from the environment, Django's 500 page.</summary>
internal static class SampleSetup
{
    /// <summary>
    /// <c>--create-superuser-from-env</c>: <c>manage.py createsuperuser --noinput</c> for the user model
    /// (DJANGO_SUPERUSER_&lt;USERNAME_FIELD&gt;, one DJANGO_SUPERUSER_&lt;FIELD&gt; per REQUIRED_FIELDS entry,
    /// DJANGO_SUPERUSER_PASSWORD), with Django's messages; a login that exists is left alone.
    /// </summary>
    public static async Task CreateSuperuserFromEnvironmentAsync(IServiceProvider services, ILogger logger)
    {
        var result = await services.GetRequiredService<DjangoManagementCommands>().CreateSuperuserNoInputAsync(Array.Empty<string>());
        if (result.ExitCode == 0) logger.LogInformation("--create-superuser-from-env: {Output}", result.Output);
        else if (result.AlreadyTaken) logger.LogInformation("--create-superuser-from-env: the superuser exists already ({Output})", result.Output);
        else logger.LogWarning("--create-superuser-from-env: {Output}", result.Output);
    }

    /// <summary>
    /// Django's plain 500 page (DEBUG off). The response phases of MIDDLEWARE (security headers,
    /// CORS) still apply: they were registered on the response before the view failed.
    /// </summary>
    public static void ExceptionHandler(IApplicationBuilder app) => app.Run(context =>
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.RequestServices.GetRequiredService<ILogger<Program>>().LogError(error, "Unhandled exception on {Path}", context.Request.Path);
        return DjangoErrorPage.WriteServerErrorAsync(context);
    });
}
