using System.Collections.Generic;

namespace DjangoSettings.Drf;

/// <summary>
/// One of DRF's pagination classes (<c>DEFAULT_PAGINATION_CLASS</c>): <c>paginate_queryset</c>
/// (null when the request is not paginated) and the paginated response's body.
/// </summary>
public interface IDrfPagination
{
    /// <summary>The page of <paramref name="items"/> for <paramref name="request"/>, or null when not paginated. Throws a 404 <see cref="DrfException"/> for an invalid page.</summary>
    DrfPage<T>? PaginateQueryset<T>(DrfRequest request, IReadOnlyList<T> items);
}
