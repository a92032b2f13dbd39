using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// The policy attributes a DRF view sets itself (<c>renderer_classes</c>, <c>parser_classes</c>,
/// <c>authentication_classes</c>, <c>permission_classes</c>, <c>throttle_classes</c>,
/// <c>throttle_scope</c>, <c>pagination_class</c>). A null list means "REST_FRAMEWORK's default".
/// Entries are either dotted class paths (<c>"rest_framework.permissions.IsAuthenticated"</c>) or
/// component instances (<see cref="DrfPermissions.IsAuthenticated"/>).
/// </summary>
public sealed record DrfViewPolicies
{
    /// <summary>Every policy from REST_FRAMEWORK.</summary>
    public static DrfViewPolicies Defaults { get; } = new();

    /// <summary><c>renderer_classes</c>: dotted paths or <see cref="IDrfRenderer"/> instances.</summary>
    public IReadOnlyList<object>? Renderers { get; init; }

    /// <summary><c>parser_classes</c>: dotted paths or <see cref="IDrfParser"/> instances.</summary>
    public IReadOnlyList<object>? Parsers { get; init; }

    /// <summary><c>authentication_classes</c>: dotted paths or <see cref="IDrfAuthenticator"/> instances.</summary>
    public IReadOnlyList<object>? Authenticators { get; init; }

    /// <summary><c>permission_classes</c>: dotted paths or <see cref="IDrfPermission"/> instances.</summary>
    public IReadOnlyList<object>? Permissions { get; init; }

    /// <summary><c>throttle_classes</c>: dotted paths or <see cref="IDrfThrottle"/> instances.</summary>
    public IReadOnlyList<object>? Throttles { get; init; }

    /// <summary><c>throttle_scope</c> (for ScopedRateThrottle).</summary>
    public string? ThrottleScope { get; init; }

    /// <summary>
    /// <c>pagination_class</c>: a dotted path, or "" for <c>pagination_class = None</c>; null means
    /// DEFAULT_PAGINATION_CLASS.
    /// </summary>
    public string? PaginationClass { get; init; }
}
