using System;
using System.Collections.Generic;
using DjangoSettings.Cors;
using DjangoSettings.Http;

namespace DjangoSettings.Runtime.Tests.Http.Support;

/// <summary>
/// The typed settings of each Fixtures/http/settings/NAME.settings file, written by hand from the
/// file; <c>HttpFixtureReplayTests</c> replays the recordings with these and with the settings the
/// settings compiler reads from the same file.
/// </summary>
public static class FixtureSettings
{
    private static readonly string[] StartProject = [.. DjangoHttpSettings.StartProjectMiddleware];

    /// <summary>By fixture name: the HTTP settings and, when MIDDLEWARE lists it, the CORS policy.</summary>
    public static IReadOnlyDictionary<string, (DjangoHttpSettings Http, DjangoCorsPolicy? Cors)> All { get; } = Build();

    private static Dictionary<string, (DjangoHttpSettings, DjangoCorsPolicy?)> Build()
    {
        var cors = DjangoCorsPolicy.Create(new DjangoCorsSettings { AllowedOrigins = ["http://localhost:3000"] });
        var star = new DjangoHostOptions { AllowedHosts = ["*"] };
        var apiOnly = new DjangoHostOptions { AllowedHosts = ["api.example.com"] };
        return new(StringComparer.Ordinal)
        {
            ["security_host"] = (new DjangoHttpSettings
            {
                Middleware = StartProject,
                Hosts = new DjangoHostOptions { AllowedHosts = ["api.example.com", ".example.org", "127.0.0.1"] },
                Security = new DjangoSecurityOptions
                {
                    ReferrerPolicy = ReferrerPolicyValue.FromSequence(["no-referrer", " strict-origin-when-cross-origin"]),
                    HstsSeconds = "3600",
                    HstsIncludeSubdomains = true,
                    HstsPreload = true,
                    ProxySslHeader = ("HTTP_X_FORWARDED_PROTO", "https"),
                },
            }, null),
            ["redirects"] = (new DjangoHttpSettings
            {
                Middleware = StartProject,
                Hosts = star,
                Security = new DjangoSecurityOptions
                {
                    SslRedirect = true,
                    RedirectExempt = ["^public/$", "other"],
                    ProxySslHeader = ("HTTP_X_FORWARDED_PROTO", "https"),
                    HstsSeconds = "60",
                    ContentTypeNosniff = false,
                    ReferrerPolicy = ReferrerPolicyValue.FromString(" same-origin ,  strict-origin "),
                },
                Common = new DjangoCommonOptions { PrependWww = true, DisallowedUserAgents = [new PythonPattern("badbot", IgnoreCase: true)] },
                XFrameOptions = "sameorigin",
            }, null),
            ["ssl_host"] = (new DjangoHttpSettings
            {
                Middleware = StartProject,
                Hosts = apiOnly,
                Security = new DjangoSecurityOptions { SslRedirect = true, SslHost = "secure.example.com" },
            }, null),
            ["proxy"] = (new DjangoHttpSettings
            {
                Middleware = StartProject,
                Hosts = new DjangoHostOptions { AllowedHosts = ["api.example.com", "proxy.local"], UseXForwardedHost = true, UseXForwardedPort = true },
            }, null),
            ["cors_first"] = (new DjangoHttpSettings { Middleware = [DjangoMiddlewarePaths.Cors, .. StartProject], Hosts = apiOnly }, cors),
            ["cors_last"] = (new DjangoHttpSettings { Middleware = [.. StartProject, DjangoMiddlewarePaths.Cors], Hosts = apiOnly }, cors),
            ["cors_after_security"] = (new DjangoHttpSettings
            {
                Middleware = [DjangoMiddlewarePaths.Security, DjangoMiddlewarePaths.Cors, DjangoMiddlewarePaths.Common, DjangoMiddlewarePaths.XFrameOptions],
                Hosts = apiOnly,
                Security = new DjangoSecurityOptions { SslRedirect = true, ProxySslHeader = ("HTTP_X_FORWARDED_PROTO", "https") },
            }, cors),
            ["debug_localhost"] = (new DjangoHttpSettings { Middleware = StartProject, Hosts = new DjangoHostOptions { Debug = true } }, null),
            ["misc"] = (new DjangoHttpSettings
            {
                Middleware = StartProject,
                Hosts = star,
                XFrameOptions = "SAMEORIGIN",
                Security = new DjangoSecurityOptions { ReferrerPolicy = null },
                Common = new DjangoCommonOptions { AppendSlash = false },
            }, null),
            ["referrer_list"] = (new DjangoHttpSettings
            {
                Middleware = StartProject,
                Hosts = star,
                Security = new DjangoSecurityOptions { ReferrerPolicy = ReferrerPolicyValue.FromSequence(["no-referrer", " strict-origin-when-cross-origin"]) },
            }, null),
            ["limits"] = (new DjangoHttpSettings
            {
                Middleware = StartProject,
                Hosts = star,
                Limits = new DjangoRequestLimitOptions { MaxMemorySize = 1000, MaxNumberFields = 10 },
            }, null),
            ["routing"] = (new DjangoHttpSettings { Middleware = StartProject, Hosts = star }, null),
            ["no_common"] = (new DjangoHttpSettings
            {
                Middleware = [DjangoMiddlewarePaths.Security, DjangoMiddlewarePaths.XFrameOptions],
                Hosts = apiOnly,
            }, null),
        };
    }
}
