namespace DjangoSettings.Jwt;

/// <summary>simplejwt's token classes.</summary>
public enum TokenType
{
    /// <summary><c>AccessToken</c>, type claim <c>access</c>.</summary>
    Access,

    /// <summary><c>RefreshToken</c>, type claim <c>refresh</c> (checked against the blacklist).</summary>
    Refresh,

    /// <summary><c>SlidingToken</c>, type claim <c>sliding</c> (checked against the blacklist).</summary>
    Sliding,

    /// <summary><c>UntypedToken</c>: what the verify endpoint uses; the type claim is not checked.</summary>
    Untyped,
}

/// <summary>Names simplejwt uses for each <see cref="TokenType"/>.</summary>
public static class TokenTypeNames
{
    /// <summary>The value of the token type claim (<c>access</c>, <c>refresh</c>, <c>sliding</c>, <c>untyped</c>).</summary>
    public static string ClaimValue(this TokenType type) => type switch
    {
        TokenType.Access => "access",
        TokenType.Refresh => "refresh",
        TokenType.Sliding => "sliding",
        _ => "untyped",
    };

    /// <summary>The Python class name shown in <c>messages[].token_class</c>.</summary>
    public static string ClassName(this TokenType type) => type switch
    {
        TokenType.Access => "AccessToken",
        TokenType.Refresh => "RefreshToken",
        TokenType.Sliding => "SlidingToken",
        _ => "UntypedToken",
    };

    /// <summary>Parses a dotted <c>AUTH_TOKEN_CLASSES</c> path (<c>rest_framework_simplejwt.tokens.AccessToken</c>) or a bare class name.</summary>
    public static TokenType? FromClassPath(string path)
    {
        string name = path.Substring(path.LastIndexOf('.') + 1);
        return name switch
        {
            "AccessToken" => TokenType.Access,
            "RefreshToken" => TokenType.Refresh,
            "SlidingToken" => TokenType.Sliding,
            "UntypedToken" => TokenType.Untyped,
            _ => null,
        };
    }
}
