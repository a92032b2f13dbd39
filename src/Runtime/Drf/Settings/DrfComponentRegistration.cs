using System;

namespace DjangoSettings.Drf;

/// <summary>
/// A project's own DRF class (a custom authentication, permission, throttle, renderer or parser),
/// registered under its dotted path so REST_FRAMEWORK and views can name it. Add one with
/// <c>services.AddDrfComponent("myproject.auth.ApiKeyAuthentication", sp => ...)</c>.
/// </summary>
/// <param name="ClassPath">The dotted path the settings file uses.</param>
/// <param name="Factory">Creates the component (an <see cref="IDrfAuthenticator"/>, <see cref="IDrfPermission"/>, <see cref="IDrfThrottle"/>, <see cref="IDrfRenderer"/> or <see cref="IDrfParser"/>).</param>
public sealed record DrfComponentRegistration(string ClassPath, Func<IServiceProvider, object> Factory);
