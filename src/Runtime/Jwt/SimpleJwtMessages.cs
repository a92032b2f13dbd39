namespace DjangoSettings.Jwt;

/// <summary>simplejwt's and DRF's user-facing strings (English, as Django serves them without a locale).</summary>
public static class SimpleJwtMessages
{
    /// <summary>5.5.0+: any decode failure except expiry.</summary>
    public const string TokenInvalid = "Token is invalid";

    /// <summary>5.5.0+: PyJWT found the token expired.</summary>
    public const string TokenExpired = "Token is expired";

    /// <summary>≤ 5.4: every decode failure.</summary>
    public const string TokenInvalidOrExpired = "Token is invalid or expired";

    /// <summary>Type claim differs from the expected class.</summary>
    public const string WrongType = "Token has wrong type";

    /// <summary>Type claim missing.</summary>
    public const string NoType = "Token has no type";

    /// <summary>jti claim missing.</summary>
    public const string NoId = "Token has no id";

    /// <summary>exp claim missing.</summary>
    public const string NoExp = "Token has no 'exp' claim";

    /// <summary>simplejwt's own exp check fired (exact-time comparison).</summary>
    public const string ExpClaimExpired = "Token 'exp' claim has expired";

    /// <summary>Sliding refresh: refresh_exp missing (format with the claim name).</summary>
    public const string NoClaimFormat = "Token has no '{0}' claim";

    /// <summary>Sliding refresh: refresh_exp passed (format with the claim name).</summary>
    public const string ClaimExpiredFormat = "Token '{0}' claim has expired";

    /// <summary>Refresh/sliding token on the blacklist.</summary>
    public const string Blacklisted = "Token is blacklisted";

    /// <summary>JWTAuthentication: no class accepted the token.</summary>
    public const string NotValidForAnyType = "Given token not valid for any token type";

    /// <summary>JWTAuthentication: the user id claim is missing.</summary>
    public const string NoUserIdentification = "Token contained no recognizable user identification";

    /// <summary>JWTAuthentication: no user with that id.</summary>
    public const string UserNotFound = "User not found";

    /// <summary>JWTAuthentication: user inactive.</summary>
    public const string UserInactive = "User is inactive";

    /// <summary>Revoke claim mismatch (CHECK_REVOKE_TOKEN).</summary>
    public const string PasswordChanged = "The user's password has been changed.";

    /// <summary>Header with the right scheme but not exactly two words.</summary>
    public const string BadAuthorizationHeader = "Authorization header must contain two space-delimited values";

    /// <summary>DRF NotAuthenticated.</summary>
    public const string NotAuthenticated = "Authentication credentials were not provided.";

    /// <summary>Obtain endpoints: authentication failed.</summary>
    public const string NoActiveAccount = "No active account found with the given credentials";

    /// <summary>Refresh endpoint: the token's user is gone or inactive (5.4.0+).</summary>
    public const string NoActiveAccountForToken = "No active account found for the given token.";

    /// <summary>DRF field error: missing.</summary>
    public const string FieldRequired = "This field is required.";

    /// <summary>DRF field error: blank after trimming.</summary>
    public const string FieldBlank = "This field may not be blank.";

    /// <summary>DRF field error: not a string.</summary>
    public const string FieldNotString = "Not a valid string.";

    /// <summary>Codes DRF renders next to <c>detail</c>.</summary>
    public static class Codes
    {
        /// <summary>Any token problem.</summary>
        public const string TokenNotValid = "token_not_valid";

        /// <summary>User missing.</summary>
        public const string UserNotFound = "user_not_found";

        /// <summary>User inactive.</summary>
        public const string UserInactive = "user_inactive";

        /// <summary>Password changed.</summary>
        public const string PasswordChanged = "password_changed";

        /// <summary>Malformed header.</summary>
        public const string BadAuthorizationHeader = "bad_authorization_header";
    }
}
