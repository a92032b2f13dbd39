using Microsoft.Extensions.Logging;

namespace DjangoSettings.Jwt;

/// <summary>Source-generated log messages of the SimpleJWT runtime (hot paths).</summary>
internal static partial class SimpleJwtLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "SimpleJWT authentication refused the request: {Detail} ({Code})")]
    public static partial void AuthenticationRefused(ILogger logger, string detail, string? code);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "SimpleJWT authenticated user {UserId} with a {TokenType} token")]
    public static partial void Authenticated(ILogger logger, string userId, TokenType tokenType);

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
}
