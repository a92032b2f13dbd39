using System;

namespace DjangoSettings.Users;

/// <summary>Thrown by <see cref="IUserStore.CreateUserAsync"/> when the username is taken (<c>auth_user.username</c> is unique).</summary>
public sealed class DuplicateUsernameException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="username"/>.</summary>
    public DuplicateUsernameException(string username, Exception? inner = null)
        : base($"A user with the username '{username}' already exists.", inner)
    {
        Username = username;
    }

    /// <summary>The username that is taken.</summary>
    public string Username { get; }
}
