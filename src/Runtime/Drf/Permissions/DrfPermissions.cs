using System;

namespace DjangoSettings.Drf;

/// <summary>DRF's built-in permission classes (rest_framework/permissions.py).</summary>
public static class DrfPermissions
{
    /// <summary><c>AllowAny</c>.</summary>
    public static IDrfPermission AllowAny { get; } = new Predicate(_ => true);

    /// <summary><c>IsAuthenticated</c>: an authenticated user.</summary>
    public static IDrfPermission IsAuthenticated { get; } = new Predicate(r => r.IsAuthenticated);

    /// <summary><c>IsAdminUser</c>: <c>request.user.is_staff</c> (the <c>is_staff</c> claim; superuser alone is not enough).</summary>
    public static IDrfPermission IsAdminUser { get; } = new Predicate(r => r.IsAuthenticated && IsStaff(r));

    /// <summary><c>IsAuthenticatedOrReadOnly</c>: GET, HEAD, OPTIONS for anyone (TRACE is not safe for DRF), else authenticated.</summary>
    public static IDrfPermission IsAuthenticatedOrReadOnly { get; } = new Predicate(r => r.Method is "GET" or "HEAD" or "OPTIONS" || r.IsAuthenticated);

    private static bool IsStaff(DrfRequest request) =>
        string.Equals(request.User.FindFirst("is_staff")?.Value, "true", StringComparison.OrdinalIgnoreCase);

    private sealed class Predicate(Func<DrfRequest, bool> check) : IDrfPermission
    {
        public bool HasPermission(DrfRequest request) => check(request);
    }
}
