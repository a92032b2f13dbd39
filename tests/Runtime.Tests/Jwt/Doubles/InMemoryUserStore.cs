using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;

namespace DjangoSettings.Runtime.Tests.Jwt.Doubles;

/// <summary>
/// Test double for <see cref="IUserStore"/> over Django's <c>auth.User</c>: rows in memory,
/// thread-safe, with the same observable behaviour as the real stores (exact login match, ids from
/// 1, lookups converted by <see cref="DjangoLookup"/> as Django's ORM converts them).
/// </summary>
public sealed class InMemoryUserStore(IPasswordHasher hasher) : IUserStore
{
    private readonly object _gate = new();
    private readonly List<DjangoUser> _users = [];

    /// <summary>How many times <see cref="UpdateLastLoginAsync"/> ran.</summary>
    public int LastLoginUpdates { get; private set; }

    /// <summary>How many times <see cref="SetPasswordAsync"/> ran.</summary>
    public int PasswordUpdates { get; private set; }

    public DjangoUserModel Model => DjangoUserModel.Default;

    public ValueTask<DjangoUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        lock (_gate) return ValueTask.FromResult(_users.FirstOrDefault(u => u.Username == username));
    }

    public ValueTask<DjangoUser?> FindByFieldAsync(string field, object? value, CancellationToken cancellationToken = default)
    {
        var target = Model.Resolve(field) ?? throw new ArgumentException(field);
        var lookup = DjangoLookup.Convert(target, value);
        if (lookup.Outcome != DjangoLookupOutcome.Value) return ValueTask.FromResult<DjangoUser?>(null);
        lock (_gate)
        {
            return ValueTask.FromResult(_users.FirstOrDefault(u => Equals(target.PrimaryKey ? u.Pk.Value : u[target.Name], lookup.Value)));
        }
    }

    public ValueTask UpdateLastLoginAsync(DjangoUserKey pk, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            int i = _users.FindIndex(u => u.Pk == pk);
            if (i >= 0)
            {
                _users[i] = _users[i] with { LastLogin = when };
                LastLoginUpdates++;
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask SetPasswordAsync(DjangoUserKey pk, string encoded, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            int i = _users.FindIndex(u => u.Pk == pk);
            if (i >= 0)
            {
                _users[i] = WithField(_users[i] with { Password = encoded }, "password", encoded);
                PasswordUpdates++;
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<DjangoUser> CreateUserAsync(DjangoNewUser newUser, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_users.Any(u => u.Username == newUser.Username)) throw new DuplicateUsernameException(newUser.Username);
            string email = newUser.Fields.TryGetValue("email", out var e) && e is string s ? s : "";
            string password = hasher.Hash(newUser.Password ?? "");
            var user = new DjangoUser
            {
                Pk = DjangoUserKey.FromInt64(_users.Count + 1, DjangoUserKeyType.Integer),
                Username = newUser.Username,
                Password = password,
                IsStaff = newUser.IsSuperuser,
                IsSuperuser = newUser.IsSuperuser,
                Email = email,
                Fields = new Dictionary<string, object?>
                {
                    ["id"] = (long)(_users.Count + 1),
                    ["username"] = newUser.Username,
                    ["password"] = password,
                    ["email"] = email,
                    ["is_active"] = true,
                    ["is_staff"] = newUser.IsSuperuser,
                    ["is_superuser"] = newUser.IsSuperuser,
                },
            };
            _users.Add(user);
            return ValueTask.FromResult(user);
        }
    }

    /// <summary>Test helper: change a row (deactivate, change password).</summary>
    public void Update(long id, Func<DjangoUser, DjangoUser> change)
    {
        lock (_gate)
        {
            int i = _users.FindIndex(u => u.Pk.AsInt64() == id);
            var changed = change(_users[i]);
            changed = WithField(WithField(changed, "is_active", changed.IsActive), "password", changed.Password);
            _users[i] = changed;
        }
    }

    /// <summary>Test helper: delete a row.</summary>
    public void Delete(long id)
    {
        lock (_gate) _users.RemoveAll(u => u.Pk.AsInt64() == id);
    }

    /// <summary>Test helper: a row by id.</summary>
    public DjangoUser Get(long id)
    {
        lock (_gate) return _users.Single(u => u.Pk.AsInt64() == id);
    }

    private static DjangoUser WithField(DjangoUser user, string name, object? value) =>
        user with { Fields = new Dictionary<string, object?>(user.Fields) { [name] = value } };
}
