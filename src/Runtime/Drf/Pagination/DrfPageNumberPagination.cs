using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Shared;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>PageNumberPagination</c> over Django's <c>Paginator</c>: <c>?page=</c> (last value wins,
/// Python <c>int()</c>, <c>last</c> for the last page), 404 <c>Invalid page.</c> for a bad or
/// out-of-range page, links with the page parameter replaced (and dropped for page 1).
/// </summary>
public sealed class DrfPageNumberPagination : IDrfPagination
{
    /// <summary><c>page_size</c> (PAGE_SIZE); 0 or null: not paginated.</summary>
    public int? PageSize { get; init; }

    /// <summary><c>page_query_param</c>.</summary>
    public string PageQueryParam { get; init; } = "page";

    /// <summary><c>page_size_query_param</c> (null: clients cannot choose).</summary>
    public string? PageSizeQueryParam { get; init; }

    /// <summary><c>max_page_size</c>.</summary>
    public int? MaxPageSize { get; init; }

    /// <summary><c>last_page_strings</c>.</summary>
    public IReadOnlyList<string> LastPageStrings { get; init; } = ["last"];

    /// <inheritdoc />
    public DrfPage<T>? PaginateQueryset<T>(DrfRequest request, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        long pageSize = PageSizeFor(request);
        if (pageSize <= 0) return null;
        long count = items.Count;
        long numPages = (long)Math.Ceiling(Math.Max(1, count) / (double)pageSize);
        string? raw = request.QueryParams.Get(PageQueryParam);
        long number;
        if (raw is null) number = 1;
        else if (LastPageStrings.Contains(raw)) number = numPages;
        // Paginator.validate_number: int(), at least 1, at most num_pages.
        else if (!PythonInt.TryParse(raw, out number) || number < 1 || number > numPages) throw InvalidPage();
        long bottom = (number - 1) * pageSize;
        long top = Math.Min(bottom + pageSize, count);
        var results = items.Skip((int)bottom).Take((int)(top - bottom)).ToList();
        string? next = null, previous = null;
        if (number < numPages)
        {
            next = DrfUrls.ReplaceQueryParameter(DrfUrls.BuildAbsoluteUri(request.HttpContext.Request), PageQueryParam, Text(number + 1));
        }
        if (number > 1)
        {
            string url = DrfUrls.BuildAbsoluteUri(request.HttpContext.Request);
            previous = number - 1 == 1
                ? DrfUrls.RemoveQueryParameter(url, PageQueryParam)
                : DrfUrls.ReplaceQueryParameter(url, PageQueryParam, Text(number - 1));
        }
        return new DrfPage<T>(results, count, next, previous);
    }

    private long PageSizeFor(DrfRequest request)
    {
        if (PageSizeQueryParam is { } name && DrfLimitOffsetPagination.PositiveInt(request.QueryParams.Get(name), strict: true, MaxPageSize) is { } chosen)
        {
            return chosen;
        }
        return PageSize ?? 0;
    }

    private static DrfException InvalidPage() => DrfException.NotFound(new DrfMessage(DrfMessages.InvalidPage));

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
