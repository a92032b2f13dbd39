using Microsoft.Extensions.Logging;

namespace DjangoSettings.Jwt;

/// <summary>
/// Source-generated log messages of the SimpleJWT runtime (hot paths). Authentication logs exactly
/// one line per authenticated request (4101, 4102, 4108 or 4109), at Debug unless a store failed:
/// what an anonymous client sends must not be able to fill the log.
/// </summary>
internal static partial class SimpleJwtLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "SimpleJWT authentication refused the request: {Detail} ({Code})")]
    public static partial void AuthenticationRefused(ILogger logger, string detail, string? code);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "SimpleJWT authenticated user {UserId} with {TokenDescription}")]
    public static partial void Authenticated(ILogger logger, string userId, string tokenDescription);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "SimpleJWT login refused for {Username}")]
    public static partial void LoginRefused(ILogger logger, string username);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "SimpleJWT login: the password hash of {Username} uses an algorithm this runtime cannot verify ({Reason}); refused as Django refuses unknown hashers")]
    public static partial void UnsupportedHasher(ILogger logger, string username, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "SimpleJWT login of {Username}: the password hash was re-encoded with the preferred hasher ({Algorithm}), as Django's check_password does")]
    public static partial void PasswordRehashed(ILogger logger, string username, string algorithm);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "SimpleJWT refresh token {Jti} rotated and blacklisted")]
    public static partial void Rotated(ILogger logger, string jti);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "SimpleJWT refresh token {Jti} was rotated concurrently; this request lost the race and is refused")]
    public static partial void RotationRace(ILogger logger, string jti);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "SimpleJWT endpoint answered 503: the token store is unavailable")]
    public static partial void StoreUnavailable(ILogger logger, System.Exception exception);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "SimpleJWT authentication: no credentials, the request is anonymous")]
    public static partial void NoCredentials(ILogger logger);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "SimpleJWT authentication answered 503: the user store is unavailable")]
    public static partial void AuthenticationUnavailable(ILogger logger, System.Exception exception);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "SimpleJWT endpoint answered {Status}: the request body could not be read ({Reason})")]
    public static partial void RequestBodyRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "SimpleJWT endpoint: the client went away while sending the body ({Reason})")]
    public static partial void ClientGone(ILogger logger, string reason);

    /// <summary>"an access token", "a sliding token", ...: the token kind with its article, for log text.</summary>
    public static string Describe(TokenType type) => type switch
    {
        TokenType.Access => "an access token",
        TokenType.Refresh => "a refresh token",
        TokenType.Sliding => "a sliding token",
        _ => "an untyped token",
    };
}
