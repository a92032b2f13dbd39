using DjangoSettings.Http;
using DjangoSettings.Stores;
using DjangoSettings.Users;
using Microsoft.AspNetCore.Diagnostics;

namespace DjangoStyle;

/// <summary>Start-up helpers of the sample: the superuser from the environment, Django's 500 page.</summary>
internal static class SampleSetup
{
    /// <summary>
    /// <c>--create-superuser-from-env</c>: like <c>manage.py createsuperuser --noinput</c>, from
    /// DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD; an existing user is left alone.
    /// </summary>
    public static async Task CreateSuperuserFromEnvironmentAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        string? username = configuration["DJANGO_SUPERUSER_USERNAME"];
        string? password = configuration["DJANGO_SUPERUSER_PASSWORD"];
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("--create-superuser-from-env: DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD must both be set");
            return;
        }
        var users = services.GetRequiredService<IUserStore>();
        if (await users.FindByUsernameAsync(username) is not null)
        {
            logger.LogInformation("Superuser {Username} already exists", username);
            return;
        }
        await services.GetRequiredService<DjangoManagementCommands>().CreateSuperuserAsync(username, password, configuration["DJANGO_SUPERUSER_EMAIL"] ?? "");
        logger.LogInformation("Superuser {Username} created", username);
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
