namespace DjangoSettings.Users;

/// <summary>The validators of Django's text fields that <c>createsuperuser</c> runs (besides max_length).</summary>
public enum DjangoTextFormat
{
    /// <summary>Any text.</summary>
    Any,

    /// <summary><c>EmailField</c>'s <c>validate_email</c>: "Enter a valid email address."</summary>
    Email,

    /// <summary><c>AbstractUser.username</c>'s <c>UnicodeUsernameValidator</c>: letters, digits and @/./+/-/_.</summary>
    UnicodeUsername,
}
