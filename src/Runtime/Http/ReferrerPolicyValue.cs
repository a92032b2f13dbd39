using System.Collections.Generic;

namespace DjangoSettings.Http;

/// <summary>How Django turns <c>SECURE_REFERRER_POLICY</c> into the <c>Referrer-Policy</c> header value.</summary>
public static class ReferrerPolicyValue
{
    /// <summary>
    /// A str setting: split on <c>,</c>, every part stripped, joined with <c>,</c> and no space
    /// (<c>" same-origin ,  strict-origin "</c> → <c>same-origin,strict-origin</c>); null or empty → null.
    /// </summary>
    public static string? FromString(string? value) => DjangoSettings.Shared.ReferrerPolicyText.FromString(value);

    /// <summary>
    /// A list or tuple: the items joined with <c>,</c> verbatim, not stripped
    /// (<c>["no-referrer", " strict-origin-when-cross-origin"]</c> → <c>no-referrer, strict-origin-when-cross-origin</c>);
    /// an empty sequence → null.
    /// </summary>
    public static string? FromSequence(IReadOnlyList<string>? items) => DjangoSettings.Shared.ReferrerPolicyText.FromSequence(items);
}
