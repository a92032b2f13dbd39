using System.Text;

namespace DjangoSettings.Users;

/// <summary>What Django's <c>UserManager.create_user</c> does to the username and e-mail before saving.</summary>
internal static class DjangoUserNormalization
{
    /// <summary><c>AbstractBaseUser.normalize_username</c>: Unicode NFKC, so look-alike forms are one name.</summary>
    public static string Username(string username) => username.Normalize(NormalizationForm.FormKC);

    /// <summary><c>BaseUserManager.normalize_email</c>: the domain part lower-cased, the local part kept.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email)) return "";
        string trimmed = email.Trim();
        int at = trimmed.LastIndexOf('@');
        // Django leaves a value without '@' exactly as given (it does not even strip it).
        if (at < 0) return email;
        return trimmed.Substring(0, at) + "@" + trimmed.Substring(at + 1).ToLowerInvariant();
    }
}
