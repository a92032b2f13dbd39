using System;
using System.Threading;
using System.Threading.Tasks;

namespace DjangoSettings.Users;

/// <summary>
/// Where users live. The built-in stores read and write the user table of the project's
/// <see cref="DjangoUserModel"/> (Django's <c>auth_user</c> by default) so that users keep their
/// passwords across Django and .NET; implement this to keep users elsewhere.
/// </summary>
public interface IUserStore
{
    /// <summary>The user model the store follows.</summary>
    DjangoUserModel Model { get; }

    /// <summary>
    /// Finds a user by the login field (<c>USERNAME_FIELD</c>): exact and case-sensitive, as Django's
    /// <c>ModelBackend</c> (<c>get_by_natural_key</c>) looks users up. No normalisation.
    /// </summary>
    ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds a user by the field <paramref name="field"/> (a field name, or <c>pk</c>) equal to
    /// <paramref name="value"/>, converted as Django's field converts a lookup value (Python's
    /// <c>int()</c> for integer fields, <c>uuid.UUID()</c> for UUID fields, <c>str()</c> for text):
    /// this is how simplejwt finds the user a token's <c>USER_ID_CLAIM</c> names by
    /// <c>USER_ID_FIELD</c>. A value the field cannot take finds no user.
    /// </summary>
    /// <param name="field">A field name of <see cref="Model"/>, or <c>pk</c>.</param>
    /// <param name="value">A claim value: string, long, double, bool, <see cref="Guid"/>, or null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    ValueTask<DjangoUser?> FindByFieldAsync(string field, object? value, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by primary key.</summary>
    ValueTask<DjangoUser?> FindByPkAsync(DjangoUserKey pk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pk);
        return FindByFieldAsync("pk", pk.Value, cancellationToken);
    }

    /// <summary>Sets <c>last_login</c> (simplejwt's <c>UPDATE_LAST_LOGIN</c>); nothing when the model has no such column.</summary>
    ValueTask UpdateLastLoginAsync(DjangoUserKey pk, DateTimeOffset when, CancellationToken cancellationToken = default);

    /// <summary>Stores a new password hash and nothing else (Django's <c>check_password</c> setter: <c>save(update_fields=["password"])</c>).</summary>
    ValueTask SetPasswordAsync(DjangoUserKey pk, string encoded, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a user as the model's manager would (<c>create_user</c> / <c>create_superuser</c>): the
    /// password hashed by the preferred hasher, every NOT NULL column supplied from the given values or
    /// the fields' defaults.
    /// </summary>
    /// <exception cref="DuplicateUsernameException">The login (or another unique field) is taken.</exception>
    ValueTask<DjangoUser> CreateUserAsync(DjangoNewUser user, CancellationToken cancellationToken = default);
}
