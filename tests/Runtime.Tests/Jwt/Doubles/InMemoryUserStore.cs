using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;

namespace DjangoSettings.Runtime.Tests.Jwt.Doubles;

/// <summary>
/// Test double for <see cref="IUserStore"/>: the real store (Django's auth_user in SQLite) is being
/// built in parallel by another helper. This one keeps rows in memory, thread-safe, with the same
/// observable behaviour (exact username match, ids from 1, lookup by id text or username).
/// </summary>
public sealed class InMemoryUserStore(IPasswordHasher hasher, string userIdField = "id") : IUserStore
{
    private readonly object _gate = new();
    private readonly List<DjangoUser> _users = [];

    /// <summary>How many times <see cref="UpdateLastLoginAsync"/> ran.</summary>
    public int LastLoginUpdates { get; private set; }

    public ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        lock (_gate) return ValueTask.FromResult(_users.FirstOrDefault(u => u.Username == username));
    }

    public ValueTask<DjangoUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            DjangoUser? user = userIdField switch
            {
                "username" => _users.FirstOrDefault(u => u.Username == userId),
                "email" => _users.FirstOrDefault(u => u.Email == userId),
                // The ORM coerces "1" to 1 with Python's int(), as the real stores do; anything else matches nothing.
                _ => PythonInt.TryParseInt64(userId, out long id) ? _users.FirstOrDefault(u => u.Id == id) : null,
            };
            return ValueTask.FromResult(user);
        }
    }

    public ValueTask UpdateLastLoginAsync(long id, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            int i = _users.FindIndex(u => u.Id == id);
            if (i >= 0)
            {
                _users[i] = _users[i] with { LastLogin = when };
                LastLoginUpdates++;
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<DjangoUser> CreateUserAsync(string username, string password, bool isSuperuser, string email = "", CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_users.Any(u => u.Username == username)) throw new InvalidOperationException($"user {username} exists");
            var user = new DjangoUser(_users.Count + 1, username, hasher.Hash(password), true, isSuperuser, isSuperuser, email, "", "", DateTimeOffset.UtcNow, null);
            _users.Add(user);
            return ValueTask.FromResult(user);
        }
    }

    /// <summary>Test helper: change a row (deactivate, change password).</summary>
    public void Update(long id, Func<DjangoUser, DjangoUser> change)
    {
        lock (_gate)
        {
            int i = _users.FindIndex(u => u.Id == id);
            _users[i] = change(_users[i]);
        }
    }

    /// <summary>Test helper: delete a row.</summary>
    public void Delete(long id)
    {
        lock (_gate) _users.RemoveAll(u => u.Id == id);
    }

    /// <summary>Test helper: a row by id.</summary>
    public DjangoUser Get(long id)
    {
        lock (_gate) return _users.Single(u => u.Id == id);
    }
}
