using System.Collections.Generic;

namespace DjangoSettings.Jwt;

/// <summary>The authentication step's settings (DRF's <c>REST_FRAMEWORK</c> part that concerns it).</summary>
public sealed class DrfAuthenticationOptions
{
    /// <summary>
    /// DRF's <c>DEFAULT_AUTHENTICATION_CLASSES</c> as authentication scheme names, in order: what a
    /// DRF view without its own classes authenticates with. Default: the SimpleJwt scheme.
    /// </summary>
    public IList<string> DefaultAuthenticationSchemes { get; } = new List<string> { SimpleJwtDefaults.AuthenticationScheme };
}
