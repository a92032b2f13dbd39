using System;
using DjangoSettings.Jwt;

// In the framework's namespace, as the other endpoint conventions are: no using needed at the call site.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Marks endpoints as DRF API views for the authentication step.</summary>
public static class DrfAuthenticationEndpointConventionBuilderExtensions
{
    /// <summary>
    /// The endpoint is a DRF API view with the default authentication classes: a refused token is
    /// a 401 even without authorization metadata, a valid one sets <c>HttpContext.User</c>.
    /// </summary>
    public static TBuilder WithDrfAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(DrfAuthenticationMetadata.Default);
    }

    /// <summary>The endpoint is a DRF API view authenticating with <paramref name="schemes"/>, in order (none: <c>authentication_classes = ()</c>).</summary>
    public static TBuilder WithDrfAuthentication<TBuilder>(this TBuilder builder, params string[] schemes) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(schemes);
        return builder.WithMetadata(new DrfAuthenticationMetadata((string[])schemes.Clone()));
    }
}
