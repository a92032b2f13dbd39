using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Shared;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>LimitOffsetPagination</c>: <c>?limit=</c> (strictly positive, capped by
/// <c>max_limit</c>, else PAGE_SIZE: a client can switch pagination on when PAGE_SIZE is unset) and
/// <c>?offset=</c> (invalid or negative: 0); links with both parameters set, sorted.
/// </summary>
public sealed class DrfLimitOffsetPagination : IDrfPagination
{
    /// <summary><c>default_limit</c> (PAGE_SIZE).</summary>
    public int? DefaultLimit { get; init; }

    /// <summary><c>limit_query_param</c>.</summary>
    public string LimitQueryParam { get; init; } = "limit";

    /// <summary><c>offset_query_param</c>.</summary>
    public string OffsetQueryParam { get; init; } = "offset";

    /// <summary><c>max_limit</c> (null or 0: no cap).</summary>
    public int? MaxLimit { get; init; }

    /// <inheritdoc />
    public DrfPage<T>? PaginateQueryset<T>(DrfRequest request, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        var query = request.QueryParams;
        long? limit = PositiveInt(query.Get(LimitQueryParam), strict: true, MaxLimit) ?? DefaultLimit;
        if (limit is not { } l) return null;
        long count = items.Count;
        long offset = PositiveInt(query.Get(OffsetQueryParam), strict: false, null) ?? 0;
        IReadOnlyList<T> results = count == 0 || offset > count
            ? Array.Empty<T>()
            : items.Skip((int)offset).Take((int)Math.Min(l, int.MaxValue)).ToList();

        string? next = null, previous = null;
        if (offset + l < count)
        {
            string url = DrfUrls.ReplaceQueryParameter(DrfUrls.BuildAbsoluteUri(request.HttpContext.Request), LimitQueryParam, Text(l));
            next = DrfUrls.ReplaceQueryParameter(url, OffsetQueryParam, Text(offset + l));
        }
        if (offset > 0)
        {
            string url = DrfUrls.ReplaceQueryParameter(DrfUrls.BuildAbsoluteUri(request.HttpContext.Request), LimitQueryParam, Text(l));
            previous = offset - l <= 0
                ? DrfUrls.RemoveQueryParameter(url, OffsetQueryParam)
                : DrfUrls.ReplaceQueryParameter(url, OffsetQueryParam, Text(offset - l));
        }
        return new DrfPage<T>(results, count, next, previous);
    }

    /// <summary>DRF's <c>_positive_int</c>: Python <c>int()</c>, not negative (nor 0 when strict), capped by a truthy cutoff; null where it raises.</summary>
    internal static long? PositiveInt(string? text, bool strict, int? cutoff)
    {
        if (text is null || !PythonInt.TryParse(text, out long value)) return null;
        if (value < 0 || (value == 0 && strict)) return null;
        if (cutoff is { } c && c != 0) return Math.Min(value, c);
        return value;
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
