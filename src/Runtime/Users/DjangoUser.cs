using System;
using System.Collections.Generic;

namespace DjangoSettings.Users;

/// <summary>
/// A row of the user table (Django's <c>auth_user</c> or the project's <c>AUTH_USER_MODEL</c>), with
/// the columns simplejwt and DRF look at as typed properties and every field in <see cref="Fields"/>.
/// Immutable: stores return new instances.
/// </summary>
/// <remarks>
/// Properties for columns a model lacks take Django's class-level values: <see cref="IsActive"/> is
/// true without an <c>is_active</c> column (<c>AbstractBaseUser.is_active = True</c>),
/// <see cref="IsStaff"/>/<see cref="IsSuperuser"/> false, <see cref="Email"/> empty,
/// <see cref="LastLogin"/> null. A user built from a token alone (<see cref="IsTokenUser"/>, simplejwt's
/// <c>TokenUser</c>) has the claims as its fields.
/// </remarks>
public sealed record DjangoUser
{
    private static readonly IReadOnlyDictionary<string, object?> NoFields = new Dictionary<string, object?>();

    /// <summary>The primary key.</summary>
    public required DjangoUserKey Pk { get; init; }

    /// <summary>The value of <c>USERNAME_FIELD</c> (<c>get_username()</c>): the login, e.g. the username or the e-mail.</summary>
    public required string Username { get; init; }

    /// <summary>Django's encoded password hash (<c>algorithm$…</c>, or <c>!…</c> for an unusable password).</summary>
    public string Password { get; init; } = "";

    /// <summary>
    /// Whether the user may log in and authenticate: the <c>is_active</c> column, true when the model has
    /// none. A NULL in a nullable column counts as inactive (simplejwt's rule and <c>JWTAuthentication</c>
    /// test its truth).
    /// </summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Django admin access (<c>is_staff</c>; false without the column).</summary>
    public bool IsStaff { get; init; }

    /// <summary>All permissions (<c>is_superuser</c>; false without the column).</summary>
    public bool IsSuperuser { get; init; }

    /// <summary>The value of <c>EMAIL_FIELD</c>, or "" (no such column, or NULL).</summary>
    public string Email { get; init; } = "";

    /// <summary>The last successful login, if the model has <c>last_login</c> and it is set.</summary>
    public DateTimeOffset? LastLogin { get; init; }

    /// <summary>
    /// Every field by name, as read: <see cref="long"/> for integers, <see cref="string"/>,
    /// <see cref="bool"/>, <see cref="Guid"/>, <see cref="DateTimeOffset"/> (date-times),
    /// <see cref="DateOnly"/>, or null. A token user's fields are its claims.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Fields { get; init; } = NoFields;

    /// <summary>
    /// Whether this user was built from a token alone (simplejwt's <c>JWTStatelessUserAuthentication</c>
    /// and <c>TokenUser</c>), without a database row.
    /// </summary>
    public bool IsTokenUser { get; init; }

    /// <summary>A field's value by name (see <see cref="Fields"/>), or null when absent.</summary>
    public object? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;

    /// <summary>Value equality, <see cref="Fields"/> compared by content.</summary>
    public bool Equals(DjangoUser? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null) return false;
        if (Pk != other.Pk || Username != other.Username || Password != other.Password || IsActive != other.IsActive
            || IsStaff != other.IsStaff || IsSuperuser != other.IsSuperuser || Email != other.Email
            || LastLogin != other.LastLogin || IsTokenUser != other.IsTokenUser || Fields.Count != other.Fields.Count)
        {
            return false;
        }
        foreach (var (name, value) in Fields)
        {
            if (!other.Fields.TryGetValue(name, out var otherValue) || !Equals(value, otherValue)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Pk, Username, Password, IsActive, LastLogin, Fields.Count);
}
