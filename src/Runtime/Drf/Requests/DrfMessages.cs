namespace DjangoSettings.Drf;

/// <summary>
/// The msgids of DRF's built-in exceptions and pagination (rest_framework/exceptions.py,
/// pagination.py): the English text Django sends without a locale, and the key into the translation
/// catalogues.
/// </summary>
public static class DrfMessages
{
    /// <summary>ParseError default.</summary>
    public const string ParseError = "Malformed request.";

    /// <summary>AuthenticationFailed default.</summary>
    public const string AuthenticationFailed = "Incorrect authentication credentials.";

    /// <summary>NotAuthenticated.</summary>
    public const string NotAuthenticated = "Authentication credentials were not provided.";

    /// <summary>PermissionDenied default.</summary>
    public const string PermissionDenied = "You do not have permission to perform this action.";

    /// <summary>NotFound default (also Django's Http404 under DRF).</summary>
    public const string NotFound = "Not found.";

    /// <summary>MethodNotAllowed template.</summary>
    public const string MethodNotAllowed = "Method \"{method}\" not allowed.";

    /// <summary>NotAcceptable default.</summary>
    public const string NotAcceptable = "Could not satisfy the request Accept header.";

    /// <summary>UnsupportedMediaType template.</summary>
    public const string UnsupportedMediaType = "Unsupported media type \"{media_type}\" in request.";

    /// <summary>Throttled default.</summary>
    public const string Throttled = "Request was throttled.";

    /// <summary>APIException default.</summary>
    public const string ServerError = "A server error occurred.";

    /// <summary>PageNumberPagination.invalid_page_message.</summary>
    public const string InvalidPage = "Invalid page.";

    /// <summary>CursorPagination.invalid_cursor_message.</summary>
    public const string InvalidCursor = "Invalid cursor";
}
