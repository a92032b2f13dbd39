using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// Django's <c>manage.py check --deploy</c> warnings that depend on settings (Django 3.2's
/// <c>django/core/checks/security/</c>: security.W001-W022; W007 and W017 no longer exist there) as
/// DJS07NN, with Django's conditions: "is True" where Django tests identity, truthiness elsewhere.
/// A file that does not set MIDDLEWARE or INSTALLED_APPS is judged with startproject's lists (what
/// the runtime composes). Values known only at startup are not judged. Run only when deploy checks
/// are on (Release builds, or DjangoDeployChecks=true).
/// </summary>
internal static class DeployChecks
{
    private const string MinimumSecretLength = "50";

    public static void Run(CheckContext ctx)
    {
        var middleware = EffectiveList.Middleware(ctx);
        if (middleware is not null)
        {
            CheckMiddlewarePresence(ctx, middleware);
            if (middleware.Contains(DjangoStartProject.SecurityMiddleware)) CheckSecurityMiddlewareSettings(ctx, middleware);
            CheckCookies(ctx, middleware);
            var xfo = ctx["X_FRAME_OPTIONS"];
            if (middleware.Contains(DjangoStartProject.XFrameOptionsMiddleware) && Known(ctx, xfo) && xfo.Value is not PyStr { Value: "DENY" })
            {
                ctx.Report(DiagnosticDescriptors.DeployW019, At(xfo, middleware, DjangoStartProject.XFrameOptionsMiddleware), xfo, ValueDescription.Repr(xfo.Value));
            }
        }

        CheckSecretKey(ctx);
        var debug = ctx["DEBUG"];
        if (Known(ctx, debug) && CheckContext.Truthy(debug.Value)) ctx.Report(DiagnosticDescriptors.DeployW018, debug.ValueLocation, debug);
        var hosts = ctx["ALLOWED_HOSTS"];
        if (Known(ctx, hosts) && !CheckContext.Truthy(hosts.Value)) ctx.Report(DiagnosticDescriptors.DeployW020, hosts.ValueLocation, hosts);
    }

    private static void CheckMiddlewarePresence(CheckContext ctx, EffectiveList middleware)
    {
        var at = middleware.Setting.ValueLocation;
        if (!middleware.Contains(DjangoStartProject.SecurityMiddleware)) ctx.Report(DiagnosticDescriptors.DeployW001, at, middleware.Setting);
        if (!middleware.Contains(DjangoStartProject.XFrameOptionsMiddleware)) ctx.Report(DiagnosticDescriptors.DeployW002, at, middleware.Setting);
        if (!middleware.Contains(DjangoStartProject.CsrfViewMiddleware)) ctx.Report(DiagnosticDescriptors.DeployW003, at, middleware.Setting);
    }

    private static void CheckSecurityMiddlewareSettings(CheckContext ctx, EffectiveList middleware)
    {
        const string security = DjangoStartProject.SecurityMiddleware;
        var hsts = ctx["SECURE_HSTS_SECONDS"];
        if (Known(ctx, hsts))
        {
            if (!CheckContext.Truthy(hsts.Value))
            {
                ctx.Report(DiagnosticDescriptors.DeployW004, At(hsts, middleware, security), hsts);
            }
            else
            {
                ReportUnlessTrue(ctx, "SECURE_HSTS_INCLUDE_SUBDOMAINS", DiagnosticDescriptors.DeployW005, middleware, security);
                ReportUnlessTrue(ctx, "SECURE_HSTS_PRELOAD", DiagnosticDescriptors.DeployW021, middleware, security);
            }
        }
        ReportUnlessTrue(ctx, "SECURE_CONTENT_TYPE_NOSNIFF", DiagnosticDescriptors.DeployW006, middleware, security);
        ReportUnlessTrue(ctx, "SECURE_SSL_REDIRECT", DiagnosticDescriptors.DeployW008, middleware, security);
        var referrer = ctx["SECURE_REFERRER_POLICY"];
        if (Known(ctx, referrer) && referrer.Value is PyNone) ctx.Report(DiagnosticDescriptors.DeployW022, At(referrer, middleware, security), referrer);
    }

    private static void CheckCookies(CheckContext ctx, EffectiveList middleware)
    {
        var apps = EffectiveList.InstalledApps(ctx);
        bool sessionApp = apps is not null && apps.Contains("django.contrib.sessions");
        bool sessionMiddleware = middleware.Contains(DjangoStartProject.SessionMiddleware);
        var at = sessionMiddleware ? middleware.LocationOf(DjangoStartProject.SessionMiddleware) : apps?.LocationOf("django.contrib.sessions");
        SessionCheck(ctx, ctx["SESSION_COOKIE_SECURE"], sessionApp, sessionMiddleware, at,
            DiagnosticDescriptors.DeployW010, DiagnosticDescriptors.DeployW011, DiagnosticDescriptors.DeployW012);
        SessionCheck(ctx, ctx["SESSION_COOKIE_HTTPONLY"], sessionApp, sessionMiddleware, at,
            DiagnosticDescriptors.DeployW013, DiagnosticDescriptors.DeployW014, DiagnosticDescriptors.DeployW015);

        var useSessions = ctx["CSRF_USE_SESSIONS"];
        var secure = ctx["CSRF_COOKIE_SECURE"];
        if (middleware.Contains(DjangoStartProject.CsrfViewMiddleware) && Known(ctx, useSessions) && !CheckContext.Truthy(useSessions.Value)
            && Known(ctx, secure) && !CheckContext.Truthy(secure.Value))
        {
            ctx.Report(DiagnosticDescriptors.DeployW016, At(secure, middleware, DjangoStartProject.CsrfViewMiddleware), secure);
        }
    }

    // Django reports the app warning, the middleware warning, or, for both, only the combined one.
    private static void SessionCheck(CheckContext ctx, BoundSetting flag, bool app, bool middleware, SourceLocation? at, DjsDescriptor appOnly, DjsDescriptor middlewareOnly, DjsDescriptor both)
    {
        if (!Known(ctx, flag) || CheckContext.Truthy(flag.Value) || !(app || middleware)) return;
        var location = flag.IsSet ? flag.ValueLocation : at;
        ctx.Report(app && middleware ? both : app ? appOnly : middlewareOnly, location, flag);
    }

    private static void CheckSecretKey(CheckContext ctx)
    {
        var secret = ctx["SECRET_KEY"];
        // Unset, the key comes from configuration at startup; a value read from the environment is judged there by nobody.
        if (!secret.IsSet || !ctx.IsUsable(secret) || secret.Value is not PyStr key) return;
        // The 'django-insecure-' prefix W009 also refuses is DJS0309's, reported on every build.
        if (key.Value.StartsWith("django-insecure-", System.StringComparison.Ordinal)) return;
        string? why = null;
        if (key.Value.Length < 50) why = "has " + key.Value.Length + " characters, fewer than " + MinimumSecretLength;
        else if (key.Value.Distinct().Count() < 5) why = "has fewer than 5 different characters";
        // The key itself is never quoted: messages end up in build logs.
        if (why is not null) ctx.Report(DiagnosticDescriptors.DeployW009, secret.NameLocation, secret, why);
    }

    private static void ReportUnlessTrue(CheckContext ctx, string key, DjsDescriptor descriptor, EffectiveList middleware, string entry)
    {
        var setting = ctx[key];
        if (Known(ctx, setting) && setting.Value is not PyBool { Value: true }) ctx.Report(descriptor, At(setting, middleware, entry), setting);
    }

    // A value the check can judge now: the file's constant (type-checked) or the default.
    private static bool Known(CheckContext ctx, BoundSetting setting) => ctx.IsUsable(setting);

    // The setting when the file sets it; otherwise the middleware entry it is about (or the file).
    private static SourceLocation? At(BoundSetting setting, EffectiveList middleware, string entry)
        => setting.IsSet ? setting.ValueLocation : middleware.LocationOf(entry);
}
