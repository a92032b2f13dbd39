using System;

namespace DjangoSettings.Stores;

/// <summary>
/// A store (database or Redis) cannot be reached or did not answer in time. Store implementations
/// throw it instead of their client's exceptions; the SimpleJWT endpoints answer it with
/// 503 <c>{"detail": "Token store unavailable, try again later.", "code": "store_unavailable"}</c>
/// and never hand out a token whose outstanding record was not written.
/// </summary>
public sealed class TokenStoreUnavailableException : Exception
{
    /// <summary>The response's <c>detail</c>.</summary>
    public const string Detail = "Token store unavailable, try again later.";

    /// <summary>The response's <c>code</c>.</summary>
    public const string Code = "store_unavailable";

    /// <summary>Wraps the client's failure.</summary>
    public TokenStoreUnavailableException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
