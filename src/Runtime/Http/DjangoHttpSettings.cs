using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Http;

/// <summary>
/// Everything that shapes Django's answers before and after the views: <c>MIDDLEWARE</c> (in order)
/// and the settings its entries read. Generated code builds it from the settings file;
/// <c>app.UseDjangoMiddleware()</c> composes the pipeline from it.
/// </summary>
public sealed record DjangoHttpSettings
{
    /// <summary>
    /// Django 3.2's <c>startproject</c> list (Security, Session, Common, Csrf, Auth, Messages,
    /// XFrameOptions), what a settings fragment without <c>MIDDLEWARE</c> most likely ran under.
    /// </summary>
    public static IReadOnlyList<string> StartProjectMiddleware { get; } = [.. DjangoSettings.Shared.DjangoStartProject.Middleware];

    /// <summary><c>MIDDLEWARE</c>: dotted paths in the file's order.</summary>
    public IReadOnlyList<string> Middleware { get; init; } = StartProjectMiddleware;

    /// <summary><c>SECURE_*</c>.</summary>
    public DjangoSecurityOptions Security { get; init; } = DjangoSecurityOptions.Django32Defaults;

    /// <summary><c>ALLOWED_HOSTS</c>, <c>DEBUG</c>, <c>USE_X_FORWARDED_HOST</c>/<c>_PORT</c>.</summary>
    public DjangoHostOptions Hosts { get; init; } = new();

    /// <summary><c>APPEND_SLASH</c>, <c>PREPEND_WWW</c>, <c>DISALLOWED_USER_AGENTS</c>.</summary>
    public DjangoCommonOptions Common { get; init; } = new();

    /// <summary><c>X_FRAME_OPTIONS</c> (default <c>DENY</c>; upper-cased when sent, as Django does).</summary>
    public string XFrameOptions { get; init; } = "DENY";

    /// <summary><c>DATA_UPLOAD_MAX_MEMORY_SIZE</c>, <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c> and the port's hard cap.</summary>
    public DjangoRequestLimitOptions Limits { get; init; } = new();

    /// <summary><c>DEBUG</c>.</summary>
    public bool Debug => Hosts.Debug;

    /// <summary>Whether <c>CommonMiddleware</c> is listed (then every non-streaming response gets <c>Content-Length</c>).</summary>
    public bool HasCommonMiddleware
    {
        get
        {
            var middleware = Middleware;
            for (int i = 0; i < middleware.Count; i++)
            {
                if (middleware[i] == DjangoMiddlewarePaths.Common) return true;
            }
            return false;
        }
    }

    /// <summary>The entries with a runtime component, in order (<c>Csrf</c> and <c>NoEquivalent</c> left out; <c>Session</c> and <c>Locale</c> kept).</summary>
    public IEnumerable<DjangoMiddlewareKind> Composed =>
        Middleware.Select(DjangoMiddlewarePaths.KindOf).Where(k => k is not DjangoMiddlewareKind.NoEquivalent and not DjangoMiddlewareKind.Csrf);
}
