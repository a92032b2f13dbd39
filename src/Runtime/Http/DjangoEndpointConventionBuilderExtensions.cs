using System;
using DjangoSettings.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Django's view decorators that change what the middleware does, as endpoint conventions.</summary>
public static class DjangoEndpointConventionBuilderExtensions
{
    /// <summary><c>@xframe_options_exempt</c>: no <c>X-Frame-Options</c> header on this endpoint's responses.</summary>
    public static TBuilder ExemptFromXFrameOptions<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(b => b.Metadata.Add(new XFrameOptionsExemptAttribute()));
        return builder;
    }

    /// <summary>The endpoint sets <c>Content-Length</c> itself: CommonMiddleware does not hold its body to measure it.</summary>
    public static TBuilder SetsContentLength<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(b => b.Metadata.Add(SetsContentLengthAttribute.Instance));
        return builder;
    }

    /// <summary><c>@no_append_slash</c>: APPEND_SLASH never redirects to this endpoint.</summary>
    public static TBuilder WithoutAppendSlash<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(b => b.Metadata.Add(new NoAppendSlashAttribute()));
        return builder;
    }
}
