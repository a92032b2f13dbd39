using System;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;

namespace DjangoSettings.Runtime.Tests.Jwt.Doubles;

/// <summary>
/// An <see cref="IUserStore"/> that counts every call and can be told to throw, around another
/// store: shows which requests touch the user store and what a failing lookup does to a response.
/// </summary>
public sealed class CountingUserStore(IUserStore inner) : IUserStore
{
    private int _calls;

    /// <summary>How many times any method ran.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, every call throws what it returns instead of reaching the inner store.</summary>
    public Func<Exception>? Throw { get; set; }

    public ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.FindByUsernameAsync(username, cancellationToken);
    }

    public ValueTask<DjangoUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.FindByIdAsync(userId, cancellationToken);
    }

    public ValueTask UpdateLastLoginAsync(long id, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.UpdateLastLoginAsync(id, when, cancellationToken);
    }

    public ValueTask<DjangoUser> CreateUserAsync(string username, string password, bool isSuperuser, string email = "", CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.CreateUserAsync(username, password, isSuperuser, email, cancellationToken);
    }

    private void Enter()
    {
        Interlocked.Increment(ref _calls);
        if (Throw is { } make) throw make();
    }
}
