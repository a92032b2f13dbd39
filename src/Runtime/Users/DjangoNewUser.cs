using System.Collections.Generic;

namespace DjangoSettings.Users;

/// <summary>
/// A user to create, as <c>create_user</c> / <c>create_superuser</c> receive it: the login, the
/// password (null for an unusable one, as <c>createsuperuser</c> without a password makes), and the
/// other fields by name (e.g. <c>display_name</c> from <c>REQUIRED_FIELDS</c>). Fields left out take
/// the model's defaults; <c>is_staff</c>/<c>is_superuser</c> are set by <see cref="IsSuperuser"/>.
/// </summary>
/// <param name="Username">The value of <c>USERNAME_FIELD</c>.</param>
/// <param name="Password">The raw password, or null for an unusable one.</param>
/// <param name="IsSuperuser">Whether <c>is_staff</c> and <c>is_superuser</c> are set (where the model has them).</param>
public sealed record DjangoNewUser(string Username, string? Password, bool IsSuperuser = false)
{
    /// <summary>Other field values by field name: string, bool, long, Guid, DateTimeOffset.</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; init; } = new Dictionary<string, object?>();
}
