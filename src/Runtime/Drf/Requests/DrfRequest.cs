using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>Request</c> for one call of a DRF view: the negotiated renderer, the authenticated user
/// (<c>request.user</c> / <c>request.auth</c>), the query parameters as Django parses them, and the
/// parsed body (<c>request.data</c>, read on demand).
/// </summary>
public sealed class DrfRequest
{
    private DrfQueryDict? _query;
    private Task<object?>? _data;

    internal DrfRequest(HttpContext httpContext, DrfView view, DrfViewPlan plan)
    {
        HttpContext = httpContext;
        View = view;
        Plan = plan;
        Method = UpperAscii(httpContext.Request.Method);
    }

    /// <summary>The ASP.NET Core context.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The view being dispatched.</summary>
    public DrfView View { get; }

    internal DrfViewPlan Plan { get; }

    /// <summary>Whether the view answered on its own (a body Kestrel refused, a client gone): nothing is rendered.</summary>
    internal bool IsAnswered { get; private set; }

    /// <summary>Marks the request answered outside DRF's rendering; the returned response is ignored.</summary>
    internal DrfResponse Answered()
    {
        IsAnswered = true;
        return new DrfResponse(null, HttpContext.Response.StatusCode);
    }

    /// <summary>The method, upper-cased as Django does (<c>get</c> is <c>GET</c>).</summary>
    public string Method { get; }

    /// <summary>The user: the principal an authentication class returned, else an anonymous one.</summary>
    public ClaimsPrincipal User => HttpContext.User;

    /// <summary><c>request.user.is_authenticated</c>.</summary>
    public bool IsAuthenticated => SuccessfulAuthenticator is not null;

    /// <summary><c>request.auth</c>: the credentials the successful class returned.</summary>
    public object? Auth { get; private set; }

    /// <summary>The authentication class that authenticated the request, or null.</summary>
    public IDrfAuthenticator? SuccessfulAuthenticator { get; private set; }

    /// <summary>The renderer content negotiation chose (null before negotiation or after a failure).</summary>
    public IDrfRenderer? AcceptedRenderer { get; internal set; }

    /// <summary>The accepted media type (may carry parameters such as <c>indent</c>).</summary>
    public DrfMediaType? AcceptedMediaType { get; internal set; }

    /// <summary><c>request.query_params</c>.</summary>
    public DrfQueryDict QueryParams => _query ??= DrfQueryDict.Parse(RawQuery(HttpContext.Request));

    /// <summary>The view's paginator (<c>pagination_class</c>, else DEFAULT_PAGINATION_CLASS), or null.</summary>
    public IDrfPagination? Paginator => Plan.Paginator;

    /// <summary>
    /// <c>self.paginate_queryset(items)</c>: the page for this request, or null when the view has no
    /// paginator or the request is not paginated (then answer the whole list, as DRF's list views do).
    /// </summary>
    public DrfPage<T>? PaginateQueryset<T>(System.Collections.Generic.IReadOnlyList<T> items) => Plan.Paginator?.PaginateQueryset(this, items);

    /// <summary>Translates a DRF/simplejwt msgid into the request's language.</summary>
    public string Translate(string msgId)
    {
        ArgumentNullException.ThrowIfNull(msgId);
        return Plan.Gettext(HttpContext, msgId);
    }

    /// <summary>
    /// <c>request.data</c>: the body parsed by the view's parsers chosen by Content-Type (a dict for
    /// JSON objects, a <see cref="DrfQueryDict"/> for forms, an empty dict without a body). Throws
    /// <see cref="DrfException"/> 415 (no parser) or 400 (parse error).
    /// </summary>
    public Task<object?> ReadDataAsync() => _data ??= DrfBodyReader.ReadAsync(this);

    internal void SetUser(IDrfAuthenticator authenticator, DrfAuthenticationResult result)
    {
        SuccessfulAuthenticator = authenticator;
        Auth = result.Auth;
        HttpContext.User = result.User!;
    }

    internal static string RawQuery(HttpRequest request)
    {
        string? q = request.QueryString.Value;
        return string.IsNullOrEmpty(q) ? "" : q.Substring(1);
    }

    private static string UpperAscii(string method)
    {
        foreach (char c in method)
        {
            if (c is >= 'a' and <= 'z') return method.ToUpperInvariant();
        }
        return method;
    }
}
