using System.Collections.Immutable;

namespace DjangoSettings.Shared;

/// <summary>
/// <c>corsheaders.defaults</c> as django-cors-headers 4.x ships them (4.0.0 dropped
/// <c>accept-encoding</c>, <c>dnt</c> and <c>origin</c>: browsers forbid scripts to set them). The one
/// copy: the evaluator's <c>from corsheaders.defaults import default_headers</c>, the schema's
/// defaults and the runtime's <c>DjangoCorsDefaults</c> all read it.
/// </summary>
internal static class CorsHeadersDefaults
{
    /// <summary><c>default_headers</c>, in django-cors-headers' order.</summary>
    public static readonly ImmutableArray<string> Headers = ImmutableArray.Create(
        "accept", "authorization", "content-type", "user-agent", "x-csrftoken", "x-requested-with");

    /// <summary><c>default_methods</c>, in django-cors-headers' order.</summary>
    public static readonly ImmutableArray<string> Methods = ImmutableArray.Create(
        "DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT");
}
