using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Http;

/// <summary>
/// Where Django's handler calls the view (the innermost point of the composed pipeline): a request
/// no endpoint serves is Django's 404 page; <see cref="SuspiciousOperationException"/>s (host, body
/// and field limits raised while a view reads the request) become the 400 page and
/// <see cref="DjangoPermissionDeniedException"/> the 403 page, with every response phase still
/// applied; the port's hard body cap answers Kestrel's status. Other exceptions go on to the
/// application's exception handler (Django's 500).
/// </summary>
internal sealed partial class DjangoViewBoundary
{
    private readonly ILogger _logger;
    private readonly DjangoUrlResolver _resolver;

    public DjangoViewBoundary(bool pipelineHasCommon, DjangoUrlResolver resolver, ILogger logger)
    {
        DropsContentLength = !pipelineHasCommon;
        _resolver = resolver;
        _logger = logger;
    }

    /// <summary>Without CommonMiddleware in MIDDLEWARE no response has <c>Content-Length</c>, as in Django.</summary>
    public bool DropsContentLength { get; }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (DjangoRoutingMatcherPolicy.IsMethodNotAllowed(EndpointOf.Get(context)) && _resolver.Resolve(context.Request.Path.Value ?? "/") is null)
        {
            // Routing matched the path only by ignoring Django's rules (its trailing slash): to
            // Django the URL does not resolve at all.
            context.SetEndpoint(null);
            return DjangoErrorPage.WriteAsync(context, StatusCodes.Status404NotFound);
        }
        Task task;
        try
        {
            task = next(context);
        }
        catch (Exception ex) when (Page(ex) != 0 && !context.Response.HasStarted)
        {
            return WriteErrorAsync(context, ex);
        }
        if (task.IsCompletedSuccessfully)
        {
            return IsUnresolved(context) ? DjangoErrorPage.WriteAsync(context, StatusCodes.Status404NotFound) : Task.CompletedTask;
        }
        return Awaited(context, task);
    }

    private async Task Awaited(HttpContext context, Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (Page(ex) != 0 && !context.Response.HasStarted)
        {
            await WriteErrorAsync(context, ex).ConfigureAwait(false);
            return;
        }
        if (IsUnresolved(context)) await DjangoErrorPage.WriteAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
    }

    private static int Page(Exception ex) => ex switch
    {
        SuspiciousOperationException => StatusCodes.Status400BadRequest,
        DjangoPermissionDeniedException => StatusCodes.Status403Forbidden,
        // The port's hard body cap (and Kestrel's own limits): Kestrel's status, no page.
        BadHttpRequestException bad => bad.StatusCode,
        _ => 0,
    };

    private Task WriteErrorAsync(HttpContext context, Exception ex)
    {
        int status = Page(ex);
        // The view's response is replaced, as convert_exception_to_response replaces it.
        (context.Features.Get<IHttpResponseBodyFeature>() as ContentLengthResponseBody)?.Discard();
        context.Response.Clear();
        switch (ex)
        {
            case SuspiciousOperationException:
                LogSuspicious(_logger, ex.GetType().Name, ex.Message);
                return DjangoErrorPage.WriteAsync(context, status);
            case DjangoPermissionDeniedException:
                LogPermissionDenied(_logger, ex.Message);
                return DjangoErrorPage.WriteAsync(context, status);
            default:
                LogBadRequest(_logger, status, ex.Message);
                context.Response.StatusCode = status;
                return Task.CompletedTask;
        }
    }

    // The end of the pipeline answered 404 without an endpoint and without a body: Django's resolver 404.
    private static bool IsUnresolved(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status404NotFound || response.HasStarted || EndpointOf.Get(context) is not null) return false;
        return context.Features.Get<IHttpResponseBodyFeature>() is not ContentLengthResponseBody body || !body.HasContent;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "{Exception}: {Message}")]
    private static partial void LogSuspicious(ILogger logger, string exception, string message);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Forbidden: {Message}")]
    private static partial void LogPermissionDenied(ILogger logger, string message);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Request refused with {Status}: {Message}")]
    private static partial void LogBadRequest(ILogger logger, int status, string message);
}
