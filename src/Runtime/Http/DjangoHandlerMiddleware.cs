using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Http;

/// <summary>
/// The innermost step of the composed pipeline, where Django's handler calls the view: a request
/// no endpoint serves is Django's 404 page; <see cref="SuspiciousOperationException"/>s (host, body
/// and field limits raised while a view reads the request) become the 400 page and
/// <see cref="DjangoPermissionDeniedException"/> the 403 page, with every response phase still
/// applied. Other exceptions go on to the application's exception handler (Django's 500).
/// Without CommonMiddleware in <c>MIDDLEWARE</c> no response carries <c>Content-Length</c>, as in
/// Django, so a length an endpoint sets is dropped.
/// </summary>
public sealed partial class DjangoHandlerMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly bool _dropContentLength;
    private readonly Func<object, Task> _dropLength;

    /// <summary>Created once by the pipeline.</summary>
    public DjangoHandlerMiddleware(RequestDelegate next, DjangoHttpSettings settings, ILogger<DjangoHandlerMiddleware> logger)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        ArgumentNullException.ThrowIfNull(settings);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _dropContentLength = !settings.HasCommonMiddleware;
        _dropLength = DropLength;
    }

    /// <summary>Runs the endpoint (through routing and authentication) and answers as Django's handler would.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (_dropContentLength) context.Response.OnStarting(_dropLength, context);
        Task task;
        try
        {
            task = _next(context);
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
        if (response.StatusCode != StatusCodes.Status404NotFound || response.HasStarted || context.GetEndpoint() is not null) return false;
        return context.Features.Get<IHttpResponseBodyFeature>() is not ContentLengthResponseBody body || !body.HasContent;
    }

    private static Task DropLength(object state)
    {
        ((HttpContext)state).Response.Headers.ContentLength = null;
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "{Exception}: {Message}")]
    private static partial void LogSuspicious(ILogger logger, string exception, string message);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Request refused with {Status}: {Message}")]
    private static partial void LogBadRequest(ILogger logger, int status, string message);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Forbidden: {Message}")]
    private static partial void LogPermissionDenied(ILogger logger, string message);
}
