using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// The settings that describe users, checked without the project's source: <c>AUTH_USER_MODEL</c>
/// has Django's <c>app_label.ModelName</c> form, <c>PASSWORD_HASHERS</c> is not empty and names only
/// hashers this runtime implements (the runtime refuses any other at startup, as it cannot run a
/// project's own Python hasher class).
/// </summary>
internal static class UserSettingsChecks
{
    /// <summary>Django's hasher classes (django.contrib.auth.hashers), the ones the runtime implements.</summary>
    internal static readonly IReadOnlyDictionary<string, string> DjangoHashers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PBKDF2PasswordHasher"] = "pbkdf2_sha256",
        ["PBKDF2SHA1PasswordHasher"] = "pbkdf2_sha1",
        ["Argon2PasswordHasher"] = "argon2",
        ["BCryptSHA256PasswordHasher"] = "bcrypt_sha256",
        ["BCryptPasswordHasher"] = "bcrypt",
        ["ScryptPasswordHasher"] = "scrypt",
        ["SHA1PasswordHasher"] = "sha1",
        ["MD5PasswordHasher"] = "md5",
        ["UnsaltedSHA1PasswordHasher"] = "unsalted_sha1",
        ["UnsaltedMD5PasswordHasher"] = "unsalted_md5",
    };

    /// <summary>The module of Django's hashers.</summary>
    internal const string HashersModule = "django.contrib.auth.hashers.";

    public static void Run(CheckContext ctx)
    {
        var model = ctx["AUTH_USER_MODEL"];
        if (model.IsSet && ctx.IsUsable(model) && model.Value is PyStr label && !IsModelLabel(label.Value))
        {
            ctx.Report(DiagnosticDescriptors.AuthUserModelForm, model.ValueLocation, model, label.Value);
        }

        var hashers = ctx["PASSWORD_HASHERS"];
        if (!hashers.IsSet || !ctx.IsUsable(hashers) || hashers.Value is not PySequence list) return;
        if (list.Items.Count == 0)
        {
            ctx.Report(DiagnosticDescriptors.PasswordHashersEmpty, hashers.ValueLocation, hashers);
            return;
        }
        foreach (var (path, location) in CheckContext.Strings(hashers))
        {
            bool django = path.StartsWith(HashersModule, StringComparison.Ordinal);
            if (django && DjangoHashers.ContainsKey(path.Substring(HashersModule.Length))) continue;
            string name = django ? path.Substring(HashersModule.Length) : path;
            string hint = django ? Binding.Suggestions.DidYouMean(name, DjangoHashers.Keys.ToArray()) : string.Empty;
            if (django && name == "CryptPasswordHasher") hint = "; crypt(3) hashes depend on the platform's C library and are not verified here";
            if (!django) hint = "; a project's own hasher class is Python code, which cannot run here: list the Django hasher it derives from";
            ctx.Report(DiagnosticDescriptors.PasswordHasherNotImplemented, location, hashers, path, hint);
        }
    }

    /// <summary>Django's rule: exactly one dot, with text on both sides.</summary>
    internal static bool IsModelLabel(string value)
    {
        int dot = value.IndexOf('.');
        return dot > 0 && dot < value.Length - 1 && value.IndexOf('.', dot + 1) < 0;
    }
}
