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

    public DjangoUserModel Model => inner.Model;

    public ValueTask<DjangoUser?> FindByFieldAsync(string field, object? value, CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.FindByFieldAsync(field, value, cancellationToken);
    }

    public ValueTask UpdateLastLoginAsync(DjangoUserKey pk, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.UpdateLastLoginAsync(pk, when, cancellationToken);
    }

    public ValueTask SetPasswordAsync(DjangoUserKey pk, string encoded, CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.SetPasswordAsync(pk, encoded, cancellationToken);
    }

    public ValueTask<DjangoUser> CreateUserAsync(DjangoNewUser user, CancellationToken cancellationToken = default)
    {
        Enter();
        return inner.CreateUserAsync(user, cancellationToken);
    }

    private void Enter()
    {
        Interlocked.Increment(ref _calls);
        if (Throw is { } make) throw make();
    }
}
