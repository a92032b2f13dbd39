using System;
using System.Collections.Generic;
using DjangoSettings.Users;

namespace DjangoSettings.Jwt;

/// <summary>
/// simplejwt's <c>TOKEN_USER_CLASS</c>: builds the user of a request authenticated from the token
/// alone (<see cref="SimpleJwtOptions.StatelessUserAuthentication"/>). Register your own in DI for
/// typed access to custom claims; the default is <see cref="SimpleJwtTokenUserFactory"/>.
/// </summary>
public interface ISimpleJwtTokenUserFactory
{
    /// <summary>The user for a validated token that carries the user id claim.</summary>
    DjangoUser Create(TokenPayload token, SimpleJwtOptions options);
}

/// <summary>
/// simplejwt's <c>TokenUser</c>: the primary key is the user id claim with its JSON type (a number
/// or text), <see cref="DjangoUser.Username"/> the claim named <c>username</c> (or ""),
/// <see cref="DjangoUser.IsStaff"/>/<see cref="DjangoUser.IsSuperuser"/> the claims of those names
/// (or false), always active, and every claim readable as a field (<c>user["display_name"]</c>).
/// </summary>
public sealed class SimpleJwtTokenUserFactory : ISimpleJwtTokenUserFactory
{
    /// <inheritdoc />
    public DjangoUser Create(TokenPayload token, SimpleJwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(options);
        token.TryGetValue(options.UserIdClaim, out object? id);
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in token) fields[name] = value;
        return new DjangoUser
        {
            Pk = id switch
            {
                long number => DjangoUserKey.FromInt64(number),
                string text => DjangoUserKey.FromString(text),
                _ => DjangoUserKey.FromString(PythonText.Str(id) ?? PythonJsonWriter.Serialize(id)),
            },
            Username = token.TryGetValue("username", out object? username) ? PythonText.Str(username) ?? "" : "",
            IsActive = true,
            IsStaff = Truthy(token, "is_staff"),
            IsSuperuser = Truthy(token, "is_superuser"),
            Fields = fields,
            IsTokenUser = true,
        };
    }

    private static bool Truthy(TokenPayload token, string claim) => token.TryGetValue(claim, out object? v) && v switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };
}
