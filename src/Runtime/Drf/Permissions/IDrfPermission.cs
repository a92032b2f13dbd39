namespace DjangoSettings.Drf;

/// <summary>
/// One of DRF's permission classes (<c>DEFAULT_PERMISSION_CLASSES</c>). The view asks them in
/// order; the first refusal answers NotAuthenticated (401/403) when authentication classes exist
/// and none succeeded, else PermissionDenied with <see cref="Message"/> (403).
/// </summary>
public interface IDrfPermission
{
    /// <summary><c>has_permission(request, view)</c>.</summary>
    bool HasPermission(DrfRequest request);

    /// <summary>The refusal detail (a string or <see cref="DrfMessage"/>); null for DRF's generic message.</summary>
    object? Message => null;

    /// <summary>The refusal code; null for <c>permission_denied</c>.</summary>
    string? Code => null;
}
