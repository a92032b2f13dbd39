using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DjangoSettings.Users;

/// <summary>Shorthands over <see cref="IUserStore"/>.</summary>
public static class UserStoreExtensions
{
    /// <summary>
    /// Creates a user of Django's <c>auth.User</c> shape: <paramref name="username"/> as the login,
    /// <paramref name="email"/> in <c>EMAIL_FIELD</c> when the model has that field.
    /// </summary>
    public static ValueTask<DjangoUser> CreateUserAsync(this IUserStore store, string username, string password, bool isSuperuser, string email = "", CancellationToken cancellationToken = default)
    {
        System.ArgumentNullException.ThrowIfNull(store);
        var fields = new Dictionary<string, object?>();
        var model = store.Model;
        if (email.Length > 0 && model.Find(model.EmailField) is not null && model.EmailField != model.UsernameField) fields[model.EmailField] = email;
        return store.CreateUserAsync(new DjangoNewUser(username, password, isSuperuser) { Fields = fields }, cancellationToken);
    }
}
