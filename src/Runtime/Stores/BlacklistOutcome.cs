namespace DjangoSettings.Stores;

/// <summary>What <see cref="ITokenBlacklistStore.TryBlacklistAsync"/> did.</summary>
public enum BlacklistOutcome
{
    /// <summary>This call blacklisted the token: the caller wins (exactly one caller per token).</summary>
    Blacklisted,

    /// <summary>The token was already blacklisted by someone else.</summary>
    AlreadyBlacklisted,
}
