using System;

namespace DjangoSettings.Users;

/// <summary>
/// A row of Django's <c>auth_user</c> table (the columns simplejwt and DRF look at).
/// Immutable: stores return new instances.
/// </summary>
/// <param name="Id">Primary key (<c>id</c>), the default <c>USER_ID_FIELD</c>.</param>
/// <param name="Username">The login name (<c>username</c>, Django's <c>USERNAME_FIELD</c>).</param>
/// <param name="Password">Django's encoded hash, <c>algorithm$iterations$salt$hash</c>.</param>
/// <param name="IsActive">Inactive users cannot log in or authenticate.</param>
/// <param name="IsStaff">Django admin access.</param>
/// <param name="IsSuperuser">All permissions.</param>
/// <param name="Email">E-mail address (may be empty).</param>
/// <param name="FirstName">First name (may be empty).</param>
/// <param name="LastName">Last name (may be empty).</param>
/// <param name="DateJoined">When the account was created.</param>
/// <param name="LastLogin">Last successful login, if any.</param>
public sealed record DjangoUser(
    long Id,
    string Username,
    string Password,
    bool IsActive,
    bool IsStaff,
    bool IsSuperuser,
    string Email,
    string FirstName,
    string LastName,
    DateTimeOffset DateJoined,
    DateTimeOffset? LastLogin);
