using DjangoSettings.Jwt;

namespace DjangoStyle;

/// <summary>
/// The sample's services and request pipeline around the generated settings registration, in one
/// place, so that Program.cs and the acceptance replay (Sample.Tests, one in-process host per recorded
/// settings file) run exactly the same composition.
/// </summary>
internal static class SampleApp
{
    /// <summary>
    /// What the sample registers after <c>AddDjangoSettings()</c>: the seed's "username" claim, the
    /// oracle's base REST_FRAMEWORK keys a file's REST_FRAMEWORK leaves out (<see cref="SampleBaseSettings"/>)
    /// and the sample's REST_FRAMEWORK for a file that sets none.
    /// </summary>
    public static void AddServices(IServiceCollection services, SampleFileFacts file)
    {
        // The seed's TokenObtainPairSerializer.get_token override added a "username" claim.
        services.AddSingleton<ISimpleJwtClaimsProvider, UsernameClaimsProvider>();
        // REST_FRAMEWORK keys a file leaves to the rest of its project get the oracle's base values.
        SampleBaseSettings.Apply(services, file);
        // REST_FRAMEWORK for the DRF views (a file that sets REST_FRAMEWORK registered its own first).
        services.AddDjangoRestFramework(SampleHttpSettings.RestFramework);
    }

    /// <summary>
    /// MIDDLEWARE, in its order, with URL resolution (UseRouting) inside; authentication and the
    /// views follow, as in Django. Call after <c>UseExceptionHandler</c>.
    /// </summary>
    public static void UsePipeline(WebApplication app)
    {
        app.UseDjangoMiddleware();
        app.UseSimpleJwtAuthentication();
        app.UseAuthorization();

        app.MapSimpleJwt("/api/token");
        SampleRoutes.Map(app);
    }
}

/// <summary>
/// Which of the settings <see cref="SampleBaseSettings"/> may fill in the settings file sets itself
/// (from the generated class's <c>...IsSet</c> members).
/// </summary>
/// <param name="AuthenticationClassesIsSet">The file's REST_FRAMEWORK sets DEFAULT_AUTHENTICATION_CLASSES.</param>
/// <param name="RendererClassesIsSet">The file's REST_FRAMEWORK sets DEFAULT_RENDERER_CLASSES.</param>
internal readonly record struct SampleFileFacts(bool AuthenticationClassesIsSet, bool RendererClassesIsSet);
