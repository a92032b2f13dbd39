using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Jwt;

/// <summary>One simplejwt view: its DRF metadata (OPTIONS), request fields and POST logic.</summary>
internal sealed record SimpleJwtView(
    string Name,
    string Description,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> ReadOnlyFields,
    Func<HttpContext, string[], Task> Post)
{
    public const string Allow = "POST, OPTIONS";

    /// <summary>The <c>actions</c> of DRF's SimpleMetadata for this view: the serializer's fields for POST.</summary>
    public TokenClaimsBuilder Actions()
    {
        var post = new TokenClaimsBuilder();
        foreach (var f in Fields) post.Set(f, FieldInfo(f, readOnly: false));
        foreach (var f in ReadOnlyFields) post.Set(f, FieldInfo(f, readOnly: true));
        return new TokenClaimsBuilder().Set("POST", post);
    }

    private static TokenClaimsBuilder FieldInfo(string field, bool readOnly)
    {
        string label = field.Replace('_', ' ');
        label = label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label.Substring(1);
        return new TokenClaimsBuilder()
            .Set("type", "string")
            .Set("required", !readOnly)
            .Set("read_only", readOnly)
            .Set("label", label);
    }
}
