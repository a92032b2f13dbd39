using System;

namespace DjangoSettings.Stores;

/// <summary>
/// A row of simplejwt's <c>token_blacklist_outstandingtoken</c>: every refresh (or sliding) token
/// handed out, recorded before the response that carries it.
/// </summary>
/// <param name="Jti">The token's <c>jti</c> claim (unique).</param>
/// <param name="Token">The whole encoded token.</param>
/// <param name="UserId">The <c>auth_user.id</c> it was minted for, or null.</param>
/// <param name="CreatedAt">Issue time (<c>iat</c>).</param>
/// <param name="ExpiresAt">Expiry (<c>exp</c>).</param>
public sealed record OutstandingToken(string Jti, string Token, long? UserId, DateTimeOffset? CreatedAt, DateTimeOffset ExpiresAt);
