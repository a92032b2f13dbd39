using DjangoSettings.Generator.Collections;

namespace DjangoSettings.Generator.Project;

/// <summary>
/// A serializer's <c>get_token</c> override, translated: the claims it sets on the refresh token
/// after <c>super().get_token(user)</c>, in the order the code sets them. Equatable, so it caches in
/// the incremental pipeline.
/// </summary>
/// <param name="Serializer">The dotted path of the serializer class (<c>app.serializers.MySerializer</c>).</param>
/// <param name="SourcePath">The file that defines <c>get_token</c>.</param>
/// <param name="Line">The line of <c>get_token</c>.</param>
/// <param name="Claims">The claims, in the order they are set.</param>
internal sealed record TokenClaims(string Serializer, string SourcePath, int Line, EquatableArray<TokenClaim> Claims);

/// <summary>One <c>token["name"] = value</c> of a <c>get_token</c> override.</summary>
/// <param name="Name">The claim name.</param>
/// <param name="Kind">How the value is computed.</param>
/// <param name="Argument">The field name (<see cref="ClaimValueKind.Field"/>, <see cref="ClaimValueKind.StrOfField"/>) or the constant's text (<see cref="ClaimValueKind.String"/>, <see cref="ClaimValueKind.Integer"/>); empty otherwise.</param>
internal sealed record TokenClaim(string Name, ClaimValueKind Kind, string Argument);

/// <summary>The value shapes the translation covers.</summary>
internal enum ClaimValueKind
{
    /// <summary><c>user.field</c> of a str, int or bool field (also <c>user.pk</c> and <c>user.get_username()</c>), written as Django's JSON writes it.</summary>
    Field,

    /// <summary><c>str(user.field)</c>: Python's text of the value.</summary>
    StrOfField,

    /// <summary>A str constant.</summary>
    String,

    /// <summary>An int constant.</summary>
    Integer,

    /// <summary><c>True</c>.</summary>
    True,

    /// <summary><c>False</c>.</summary>
    False,

    /// <summary><c>None</c>.</summary>
    None,

    /// <summary><c>user.get_full_name()</c> of an <c>AbstractUser</c>: first and last name, stripped.</summary>
    FullName,

    /// <summary><c>user.get_short_name()</c> of an <c>AbstractUser</c>: the first name.</summary>
    ShortName,
}
