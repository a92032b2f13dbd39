using System;
using DjangoSettings.Users;

namespace DjangoSettings.Stores;

/// <summary>
/// A row of simplejwt's <c>token_blacklist_outstandingtoken</c>: every refresh (or sliding) token
/// handed out, recorded before the response that carries it.
/// </summary>
/// <param name="Jti">The token's <c>jti</c> claim (unique).</param>
/// <param name="Token">The whole encoded token.</param>
/// <param name="UserId">The primary key of the user it was minted for (the row's <c>user_id</c>), or null.</param>
/// <param name="CreatedAt">Issue time (<c>iat</c>).</param>
/// <param name="ExpiresAt">Expiry (<c>exp</c>).</param>
public sealed record OutstandingToken(string Jti, string Token, DjangoUserKey? UserId, DateTimeOffset? CreatedAt, DateTimeOffset ExpiresAt);
