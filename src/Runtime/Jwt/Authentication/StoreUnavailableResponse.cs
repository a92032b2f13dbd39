using System.Threading.Tasks;
using DjangoSettings.Stores;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Jwt;

/// <summary>
/// The documented answer when a store is down or did not answer within its wait (the token views,
/// authentication, and the SQLite lock wait alike): <c>503</c>, <c>Retry-After: 1</c> and
/// <c>{"detail":"Token store unavailable, try again later.","code":"store_unavailable"}</c>.
/// </summary>
internal static class StoreUnavailableResponse
{
    /// <summary>The <c>Retry-After</c> value, in seconds.</summary>
    public const string RetryAfter = "1";

    public static Task WriteAsync(HttpContext context, string? allow = null)
    {
        context.Response.Headers.RetryAfter = RetryAfter;
        return DrfResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
            DrfResponse.Detail(TokenStoreUnavailableException.Detail, TokenStoreUnavailableException.Code), null, allow);
    }
}
