using System.Collections.Generic;
using DjangoSettings.Jwt;

namespace DjangoSettings.Drf;

/// <summary>A page of results with DRF's links: what <c>get_paginated_response</c> renders.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DrfPage<T>
{
    internal DrfPage(IReadOnlyList<T> results, long? count, string? next, string? previous)
    {
        Results = results;
        Count = count;
        Next = next;
        Previous = previous;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Results { get; }

    /// <summary>The total number of items (null for cursor pagination, which sends none).</summary>
    public long? Count { get; }

    /// <summary>The absolute URL of the next page, or null.</summary>
    public string? Next { get; }

    /// <summary>The absolute URL of the previous page, or null.</summary>
    public string? Previous { get; }

    /// <summary>The body, keys in DRF's order: <c>count</c>, <c>next</c>, <c>previous</c>, <c>results</c>.</summary>
    public TokenClaimsBuilder Body()
    {
        var body = new TokenClaimsBuilder();
        if (Count is { } count) body.Set("count", count);
        return body.Set("next", Next).Set("previous", Previous).Set("results", Results);
    }

    /// <summary><c>get_paginated_response(data)</c>: 200 with <see cref="Body"/>.</summary>
    public DrfResponse ToResponse() => DrfResponse.Ok(Body());
}
