using System;
using System.Collections.Generic;

namespace DjangoSettings.Cors;

/// <summary>
/// Thrown at startup by <see cref="DjangoCorsPolicy.Create"/> when a setting cannot be served:
/// a regex that cannot be translated from Python, or a configured origin that Python's
/// <c>urlsplit</c> rejects (Django would answer 500 on every request that reaches it).
/// </summary>
public sealed class DjangoCorsConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public DjangoCorsConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid django-cors-headers settings: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>One message per problem, naming the setting and the value.</summary>
    public IReadOnlyList<string> Errors { get; }
}
