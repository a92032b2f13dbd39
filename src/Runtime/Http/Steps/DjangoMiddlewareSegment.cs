using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;

namespace DjangoSettings.Http;

/// <summary>
/// A run of consecutive MIDDLEWARE entries (security, common, clickjacking) executed as one ASP.NET
/// Core middleware, with Django's onion semantics: request phases in order until one answers;
/// response phases, innermost first, for exactly the entries the answer passed back through, run
/// from one OnStarting callback chosen by how deep the request got (precomputed per depth, so
/// nothing is allocated per request). CorsMiddleware, a middleware of its own, splits the list into
/// segments. The last one is the view boundary (<see cref="DjangoViewBoundary"/>).
/// </summary>
internal sealed class DjangoMiddlewareSegment
{
    private readonly RequestDelegate _next;
    private readonly DjangoMiddlewareStep[] _steps;
    private readonly DjangoViewBoundary? _boundary;
    private readonly int _common;
    // _phases[k]: the response phases of steps k-1 .. 0 (null when none of them has one).
    private readonly Func<object, Task>?[] _phases;
    private readonly ObjectPool<ContentLengthResponseBody>? _bodies;

    public DjangoMiddlewareSegment(RequestDelegate next, DjangoMiddlewareStep[] steps, DjangoViewBoundary? boundary)
    {
        _next = next;
        _steps = steps;
        _boundary = boundary;
        _common = Array.FindIndex(steps, s => s.Kind == DjangoMiddlewareKind.Common);
        if (_common >= 0) _bodies = new DefaultObjectPool<ContentLengthResponseBody>(new DefaultPooledObjectPolicy<ContentLengthResponseBody>());
        _phases = new Func<object, Task>?[steps.Length + 1];
        for (int depth = 0; depth <= steps.Length; depth++) _phases[depth] = CreatePhases(depth, depth == steps.Length ? boundary : null);
    }

    public Task InvokeAsync(HttpContext context)
    {
        var steps = _steps;
        for (int i = 0; i < steps.Length; i++)
        {
            var outcome = steps[i].ProcessRequest(context, out var body);
            if (outcome == StepOutcome.Continue) continue;
            int depth = outcome == StepOutcome.Responded ? i + 1 : i;
            Register(context, depth);
            // CommonMiddleware's response phase measures what an entry inside it answered.
            if (_common >= 0 && _common < depth && _common != i) context.Response.ContentLength = body.Length;
            if (body.IsEmpty) return Task.CompletedTask;
            var write = context.Response.Body.WriteAsync(body, context.RequestAborted);
            return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
        }
        Register(context, steps.Length);
        // Routing has run (UseDjangoMiddleware routes first): an endpoint that sets its own length
        // needs no measuring, so the usual request touches no feature here.
        if (_common >= 0 && EndpointOf.Get(context)?.Metadata.GetMetadata<SetsContentLengthAttribute>() is null) return RunMeasured(context);
        return _boundary is null ? _next(context) : _boundary.InvokeAsync(context, _next);
    }

    private void Register(HttpContext context, int depth)
    {
        if (_phases[depth] is { } phases) context.Response.OnStarting(phases, context);
    }

    // CommonMiddleware's response phase for everything inside it: Content-Length. Synchronous
    // completions (the usual endpoint) return without an async state machine.
    private Task RunMeasured(HttpContext context)
    {
        var features = context.Features;
        var inner = features.Get<IHttpResponseBodyFeature>()!;
        var body = _bodies!.Get();
        body.Attach(context.Response, inner);
        features.Set<IHttpResponseBodyFeature>(body);
        Task task;
        try
        {
            task = _boundary is null ? _next(context) : _boundary.InvokeAsync(context, _next);
            if (task.IsCompletedSuccessfully)
            {
                task = body.FinishAsync(context.RequestAborted);
                if (task.IsCompletedSuccessfully)
                {
                    Restore(context, inner, body);
                    return Task.CompletedTask;
                }
                return Release(task, context, inner, body);
            }
        }
        catch
        {
            Restore(context, inner, body);
            throw;
        }
        return AwaitMeasured(task, context, inner, body);
    }

    private async Task AwaitMeasured(Task next, HttpContext context, IHttpResponseBodyFeature inner, ContentLengthResponseBody body)
    {
        try
        {
            await next.ConfigureAwait(false);
            await body.FinishAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            Restore(context, inner, body);
        }
    }

    private async Task Release(Task finish, HttpContext context, IHttpResponseBodyFeature inner, ContentLengthResponseBody body)
    {
        try
        {
            await finish.ConfigureAwait(false);
        }
        finally
        {
            Restore(context, inner, body);
        }
    }

    private void Restore(HttpContext context, IHttpResponseBodyFeature inner, ContentLengthResponseBody body)
    {
        context.Features.Set(inner);
        body.Detach();
        _bodies!.Return(body);
    }

    private Func<object, Task>? CreatePhases(int depth, DjangoViewBoundary? boundary)
    {
        int count = 0;
        for (int i = 0; i < depth; i++)
        {
            if (_steps[i].HasResponsePhase) count++;
        }
        bool dropLength = boundary is { DropsContentLength: true };
        if (count == 0 && !dropLength) return null;
        var phases = new DjangoMiddlewareStep[count];
        for (int i = depth - 1, k = 0; i >= 0; i--)
        {
            if (_steps[i].HasResponsePhase) phases[k++] = _steps[i];
        }
        return state =>
        {
            var context = (HttpContext)state;
            // Without CommonMiddleware nothing in Django sets Content-Length (innermost, so first).
            if (dropLength) context.Response.Headers.ContentLength = null;
            foreach (var step in phases) step.ProcessResponse(context);
            return Task.CompletedTask;
        };
    }
}
