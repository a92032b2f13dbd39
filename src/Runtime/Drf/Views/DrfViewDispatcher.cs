using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using DjangoSettings.Jwt;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace DjangoSettings.Drf;

/// <summary>
/// DRF's <c>APIView.dispatch</c> as an endpoint's request delegate, in DRF's order: content
/// negotiation (406/404), authentication (401/403), permissions (401/403), throttles (429), method
/// dispatch (405, OPTIONS metadata, HEAD by <c>get</c> on class views), the handler; then
/// <c>finalize_response</c>: every response, errors included, carries <c>Allow</c> and (with more
/// than one renderer) <c>Vary: Accept</c>, and is rendered by the negotiated renderer.
/// </summary>
internal sealed class DrfViewDispatcher
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly DrfView _view;
    private readonly RestFrameworkSettings? _fallback;
    private DrfViewPlan? _plan;

    /// <param name="view">The view.</param>
    /// <param name="fallback">REST_FRAMEWORK to use when the app registered none (simplejwt's token views in an app wired by hand).</param>
    public DrfViewDispatcher(DrfView view, RestFrameworkSettings? fallback = null)
    {
        _view = view;
        _fallback = fallback;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        // Built at the first request: endpoint metadata is final by then.
        var plan = _plan ??= CreatePlan(context);
        var request = new DrfRequest(context, _view, plan);
        DrfResponse response;
        try
        {
            // Content negotiation reads request.GET, whose field limit is Django's (a 400 page).
            Http.DjangoRequestData.EnsureQueryWithinLimits(context);
            response = await DispatchAsync(request).ConfigureAwait(false);
        }
        catch (DrfException exception)
        {
            response = HandleException(request, exception);
        }
        catch (Http.SuspiciousOperationException) when (!context.Response.HasStarted)
        {
            // Not an APIException: DRF re-raises it and Django answers its plain 400 page.
            await Http.DjangoErrorPage.WriteAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }
        await WriteAsync(request, response).ConfigureAwait(false);
    }

    private DrfViewPlan CreatePlan(HttpContext context)
    {
        var services = context.RequestServices;
        var components = services.GetService<DrfComponents>()
            ?? (_fallback is { } fallback ? new DrfComponents(fallback, [], services) : null)
            ?? throw new InvalidOperationException("DRF views need services.AddDjangoRestFramework() (the generated AddDjangoSettings() calls it).");
        var language = services.GetService<IDrfTranslator>();
        Func<HttpContext, string, string> gettext = language is null ? static (_, id) => id : language.Gettext;
        return DrfViewPlan.Create(_view, context.GetEndpoint(), components, gettext);
    }

    private static async Task<DrfResponse> DispatchAsync(DrfRequest request)
    {
        // initial(): negotiation, authentication, permissions, throttles.
        var plan = request.Plan;
        string? format = plan.FormatParameter is { } name ? request.QueryParams.Get(name) : null;
        var accept = request.HttpContext.Request.Headers.Accept;
        var (renderer, accepted) = DrfContentNegotiation.SelectRenderer(plan.Renderers, accept.Count == 0 ? null : accept.ToString(), format);
        request.AcceptedRenderer = renderer;
        request.AcceptedMediaType = accepted;

        await AuthenticateAsync(request).ConfigureAwait(false);
        CheckPermissions(request);
        await CheckThrottlesAsync(request).ConfigureAwait(false);

        // Method dispatch, after all of the above (an anonymous DELETE on an IsAuthenticated view is a 401, not a 405).
        var view = request.View;
        string method = request.Method;
        var handler = view.IsAllowed(method) ? view.HandlerFor(method) : null;
        if (handler is not null) return await handler(request).ConfigureAwait(false);
        if (method == "OPTIONS" && view.OptionsMetadata) return new DrfResponse(DrfSimpleMetadata.For(request));
        throw DrfException.MethodNotAllowed(method);
    }

    private static async Task AuthenticateAsync(DrfRequest request)
    {
        var context = request.HttpContext;
        // request.user is only what DRF's classes say; an earlier ASP.NET authentication does not count.
        context.User = Anonymous;
        foreach (var authenticator in request.Plan.Authenticators)
        {
            var result = await authenticator.AuthenticateAsync(request).ConfigureAwait(false);
            if (result.Succeeded)
            {
                request.SetUser(authenticator, result);
                return;
            }
        }
    }

    private static void CheckPermissions(DrfRequest request)
    {
        foreach (var permission in request.Plan.Permissions)
        {
            if (permission.HasPermission(request)) continue;
            if (request.Plan.Authenticators.Count > 0 && request.SuccessfulAuthenticator is null) throw DrfException.NotAuthenticated();
            throw DrfException.PermissionDenied(permission.Message, permission.Code);
        }
    }

    private static async Task CheckThrottlesAsync(DrfRequest request)
    {
        var throttles = request.Plan.Throttles;
        if (throttles.Count == 0) return;
        List<double?>? waits = null;
        if (request.Plan.BatchedThrottles is { } batched)
        {
            waits = await CheckBatchedAsync(request, batched).ConfigureAwait(false);
        }
        else
        {
            // Every throttle is asked, so the ones that allow still record the request.
            foreach (var throttle in throttles)
            {
                var decision = await throttle.AllowRequestAsync(request).ConfigureAwait(false);
                if (!decision.Allowed) (waits ??= new()).Add(decision.Wait);
            }
        }
        if (waits is null) return;
        double? longest = null;
        foreach (var w in waits)
        {
            if (w is { } value && (longest is null || value > longest)) longest = value;
        }
        throw DrfException.Throttled(longest);
    }

    private static async Task<List<double?>?> CheckBatchedAsync(DrfRequest request, DrfSimpleRateThrottle[] throttles)
    {
        var hits = new List<DrfThrottleHit>(throttles.Length);
        foreach (var throttle in throttles)
        {
            if (throttle.TryGetHit(request, out var hit)) hits.Add(hit);
        }
        if (hits.Count == 0) return null;
        var array = hits.ToArray();
        var decisions = new DrfThrottleDecision[array.Length];
        await throttles[0].Store.HitManyAsync(array, throttles[0].Now(), decisions, request.HttpContext.RequestAborted).ConfigureAwait(false);
        List<double?>? waits = null;
        foreach (var decision in decisions)
        {
            if (!decision.Allowed) (waits ??= new()).Add(decision.Wait);
        }
        return waits;
    }

    // handle_exception + exception_handler: the 401/403 rule, then {"detail": ...} with WWW-Authenticate / Retry-After.
    private static DrfResponse HandleException(DrfRequest request, DrfException exception)
    {
        int status = exception.StatusCode;
        string? authenticate = null;
        if (exception.IsAuthenticationError)
        {
            var authenticators = request.Plan.Authenticators;
            authenticate = authenticators.Count > 0 ? authenticators[0].AuthenticateHeader(request) : null;
            if (string.IsNullOrEmpty(authenticate)) status = StatusCodes.Status403Forbidden;
        }
        object detail = Localize(request, exception.Detail);
        object body = detail is string ? new TokenClaimsBuilder().Set("detail", detail) : detail;
        var response = new DrfResponse(body, status);
        if (!string.IsNullOrEmpty(authenticate)) response.WithHeader("WWW-Authenticate", authenticate);
        if (exception.Wait is { } wait && wait != 0) response.WithHeader("Retry-After", wait.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    // A plain string detail is the handler's own text (not a lazy message): it stays as given.
    private static object Localize(DrfRequest request, object detail) =>
        detail is string ? detail : DrfLocalizer.Localize(detail, request.Translate)!;

    // finalize_response + rendering.
    private static async Task WriteAsync(DrfRequest request, DrfResponse response)
    {
        if (request.IsAnswered) return;
        var context = request.HttpContext;
        var plan = request.Plan;
        // A failed negotiation renders with the first renderer; one this runtime does not serve
        // (the browsable API) gives way to the first one it does.
        IDrfRenderer renderer = request.AcceptedRenderer ?? plan.Renderers[0];
        DrfMediaType accepted = request.AcceptedMediaType ?? DrfMediaType.Parse(renderer.MediaType);
        if (!renderer.IsServed)
        {
            renderer = FirstServed(plan.Renderers);
            accepted = DrfMediaType.Parse(renderer.MediaType);
        }

        var http = context.Response;
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers) http.Headers[name] = value;
        if (plan.VaryAccept) http.Headers.Vary = PatchVary(http.Headers.Vary, "Accept");
        http.Headers.Allow = request.View.Allow;

        byte[] body = renderer.Render(response.Data, accepted);
        if (body.Length > 0)
        {
            http.ContentType = renderer.Charset is { } charset ? renderer.MediaType + "; charset=" + charset : renderer.MediaType;
        }
        http.ContentLength = body.Length;
        // Kestrel sends no body for HEAD; Content-Length still says what GET would send.
        if (body.Length > 0 && request.Method != "HEAD")
        {
            await http.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static IDrfRenderer FirstServed(IReadOnlyList<IDrfRenderer> renderers)
    {
        foreach (var r in renderers)
        {
            if (r.IsServed) return r;
        }
        return DrfJsonRenderer.Default;
    }

    // Django's patch_vary_headers: existing tokens kept, new ones appended unless present (case-insensitively).
    internal static StringValues PatchVary(StringValues existing, string token)
    {
        if (StringValues.IsNullOrEmpty(existing)) return token;
        var tokens = new List<string>();
        foreach (var value in existing)
        {
            if (value is null) continue;
            foreach (var part in value.Split(','))
            {
                var t = part.Trim();
                if (t.Length > 0) tokens.Add(t);
            }
        }
        bool present = false;
        foreach (var t in tokens)
        {
            if (string.Equals(t, token, StringComparison.OrdinalIgnoreCase)) present = true;
        }
        if (!present) tokens.Add(token);
        return tokens.Contains("*") ? "*" : string.Join(", ", tokens);
    }
}
