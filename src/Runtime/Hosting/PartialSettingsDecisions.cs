using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Http;
using DjangoSettings.Stores;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Hosting;

/// <summary>
/// What the port does for the settings a partial file leaves out. A <c>cors.settings</c> copied from
/// <c>settings.py</c> usually holds only the CORS and SIMPLE_JWT lines, so "not set" means "the rest of
/// the project's settings live elsewhere", not Django's empty defaults (Django itself would run with no
/// apps and no database). Each decision is taken here once, documented in docs/porting-guide.md
/// ("What a partial settings file means") and logged at startup, so nobody has to guess.
/// </summary>
internal static class PartialSettingsDecisions
{
    /// <summary>The SQLite file or connection string, as the startup log names it.</summary>
    public static string DescribeDatabase(DatabaseSelection selection) => selection.SqlitePath is { } path
        ? "the SQLite file " + path + " (Django's default NAME db.sqlite3 in the content root; EnsureDjangoDatabase() creates Django's tables in it)"
        : "the database of ConnectionStrings:Default from configuration";

    /// <summary>ASP.NET Core's host-filtering key (<c>dotnet new</c> templates set it to <c>*</c>), read for a file without ALLOWED_HOSTS.</summary>
    public const string AllowedHostsKey = "AllowedHosts";

    /// <summary>
    /// MIDDLEWARE and ALLOWED_HOSTS for a file that leaves them out: startproject's MIDDLEWARE with
    /// CorsMiddleware first (the project the CORS lines came from ran CorsMiddleware, or they would
    /// have done nothing, and django-cors-headers' README places it first), so
    /// <c>app.UseDjangoMiddleware()</c> alone serves CORS; the hosts of configuration's
    /// <c>AllowedHosts</c> (';'-separated, as ASP.NET Core's host filtering reads them), since Django's
    /// own default (none) answers 400 to every request.
    /// </summary>
    public static DjangoHttpSettings ApplyHttp(DjangoHttpSettings http, bool middlewareSet, bool allowedHostsSet, IConfiguration configuration)
    {
        if (!middlewareSet) http = http with { Middleware = [.. DjangoSettings.Shared.DjangoStartProject.MiddlewareWhenNotSet] };
        if (!allowedHostsSet && ConfiguredHosts(configuration) is { } hosts) http = http with { Hosts = http.Hosts with { AllowedHosts = hosts } };
        return http;
    }

    /// <summary>The lines for <see cref="ApplyHttp"/>'s decisions (none when the file sets both).</summary>
    public static IReadOnlyList<string> ForHttp(bool middlewareSet, bool allowedHostsSet, IConfiguration configuration)
    {
        var lines = new List<string>();
        if (!middlewareSet) lines.Add("MIDDLEWARE is not set: app.UseDjangoMiddleware() composes Django 3.2's startproject list with corsheaders.middleware.CorsMiddleware first, as django-cors-headers' README places it (set MIDDLEWARE to choose the order)");
        if (!allowedHostsSet)
        {
            lines.Add(ConfiguredHosts(configuration) is { } hosts
                ? "ALLOWED_HOSTS is not set: the hosts come from configuration's AllowedHosts (" + string.Join(", ", hosts) + ")"
                : "ALLOWED_HOSTS is not set and configuration has no AllowedHosts: Django's default (none) applies, so CommonMiddleware answers 400 to every request (localhost only with DEBUG); set AllowedHosts (dotnet new templates set \"*\") or ALLOWED_HOSTS");
        }
        return lines;
    }

    private static string[]? ConfiguredHosts(IConfiguration configuration)
        => configuration[AllowedHostsKey] is { } value && value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } hosts
            ? hosts
            : null;

    /// <summary>The decisions in force for one settings file, one line each, in the order the docs list them.</summary>
    /// <param name="tokenServices">Whether the token services were registered (SIMPLE_JWT set, or a SECRET_KEY known).</param>
    /// <param name="simpleJwtSet">Whether the file sets SIMPLE_JWT.</param>
    /// <param name="secretKeySet">Whether the file sets SECRET_KEY (else configuration's SECRET_KEY is used).</param>
    /// <param name="installedAppsSet">Whether the file sets INSTALLED_APPS to a value known at build time.</param>
    /// <param name="databaseSet">Whether the file sets DATABASES['default']['ENGINE'].</param>
    /// <param name="database">The database the stores use, when the token services are registered.</param>
    public static IReadOnlyList<string> For(bool tokenServices, bool simpleJwtSet, bool secretKeySet, bool installedAppsSet, bool databaseSet, DatabaseSelection? database)
    {
        var lines = new List<string>();
        if (!tokenServices)
        {
            lines.Add("SIMPLE_JWT is not set and no SECRET_KEY is known (neither in the file nor configuration's SECRET_KEY): token authentication is off; no token services, user store or database are registered");
            return lines;
        }
        if (!simpleJwtSet) lines.Add("SIMPLE_JWT is not set: simplejwt's defaults apply (5-minute access tokens, 1-day refresh tokens, HS256 signed with SECRET_KEY)");
        if (!secretKeySet) lines.Add("SECRET_KEY is not set in the file: it is read from configuration (SECRET_KEY)");
        if (!installedAppsSet) lines.Add("INSTALLED_APPS is not set (or cannot be known at build time): the token blacklist is on, as if rest_framework_simplejwt.token_blacklist were installed (set INSTALLED_APPS without it to turn it off)");
        if (!databaseSet && database is not null) lines.Add("DATABASES is not set: users and the token blacklist are in " + DescribeDatabase(database));
        return lines;
    }
}
