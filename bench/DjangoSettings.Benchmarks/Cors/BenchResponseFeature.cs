using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Features;

namespace DjangoSettings.Benchmarks.Cors;

/// <summary>
/// A response feature that behaves like a server's on the points CORS depends on: OnStarting
/// callbacks are kept (in a list reused across requests, as Kestrel reuses its per-connection
/// state) and run, last registered first, when the harness "starts" the response after the
/// pipeline returns. DefaultHttpContext's own feature drops callbacks, which would hide the cost
/// of both middlewares' post-phase.
/// </summary>
internal sealed class BenchResponseFeature : HttpResponseFeature
{
    private readonly List<KeyValuePair<Func<object, Task>, object>> _callbacks = new(4);

    /// <inheritdoc />
    public override void OnStarting(Func<object, Task> callback, object state) => _callbacks.Add(new(callback, state));

    /// <summary>Runs the callbacks as a server does before writing the status line.</summary>
    public Task StartAsync()
    {
        for (int i = _callbacks.Count - 1; i >= 0; i--)
        {
            var task = _callbacks[i].Key(_callbacks[i].Value);
            if (!task.IsCompletedSuccessfully) return Awaited(task, i);
        }
        return Task.CompletedTask;
    }

    private async Task Awaited(Task pending, int index)
    {
        await pending.ConfigureAwait(false);
        for (int i = index - 1; i >= 0; i--) await _callbacks[i].Key(_callbacks[i].Value).ConfigureAwait(false);
    }

    /// <summary>Back to a fresh response for the next request (no allocation once warmed).</summary>
    public void Reset()
    {
        _callbacks.Clear();
        Headers.Clear();
        StatusCode = 200;
        ReasonPhrase = null;
    }
}
