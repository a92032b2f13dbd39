using System;
using System.Threading;
using System.Threading.Tasks;

namespace DjangoSettings.Users;

/// <summary>
/// Where users live. The built-in store reads Django's <c>auth_user</c> table so that migrated
/// users keep their passwords; implement this to keep users elsewhere.
/// </summary>
public interface IUserStore
{
    /// <summary>Finds a user by login name (exact, case-sensitive, as Django's ModelBackend does).</summary>
    ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by the value of <c>USER_ID_FIELD</c> as it appears in a token (text form).</summary>
    ValueTask<DjangoUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Sets <c>last_login</c> (simplejwt's <c>UPDATE_LAST_LOGIN</c>).</summary>
    ValueTask UpdateLastLoginAsync(long id, DateTimeOffset when, CancellationToken cancellationToken = default);

    /// <summary>Creates a user with a Django-format password hash; fails if the username exists.</summary>
    ValueTask<DjangoUser> CreateUserAsync(string username, string password, bool isSuperuser, string email = "", CancellationToken cancellationToken = default);
}
