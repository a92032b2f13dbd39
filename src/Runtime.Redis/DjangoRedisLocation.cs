using System;
using System.Globalization;
using StackExchange.Redis;

namespace DjangoSettings.Redis;

/// <summary>
/// A CACHES LOCATION as redis-py reads it (<c>redis://[:password]@host:port/db</c>,
/// <c>rediss://</c> for TLS, <c>unix:///path?db=N</c>), as StackExchange.Redis options and a database.
/// </summary>
internal static class DjangoRedisLocation
{
    /// <summary>Parses <paramref name="location"/>; OPTIONS PASSWORD and DB (django-redis) override the URL's.</summary>
    /// <exception cref="FormatException">Not a redis URL.</exception>
    public static (ConfigurationOptions Options, int Database) Parse(string location, string? password = null, int? database = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss" or "unix"))
        {
            throw new FormatException($"CACHES LOCATION '{location}' is not a redis://, rediss:// or unix:// URL");
        }
        var options = new ConfigurationOptions { AbortOnConnectFail = false };
        int db = 0;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        if (query["db"] is { } q && int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out int qdb)) db = qdb;
        if (uri.Scheme == "unix")
        {
            options.EndPoints.Add(new System.Net.Sockets.UnixDomainSocketEndPoint(Uri.UnescapeDataString(uri.AbsolutePath)));
        }
        else
        {
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
            options.Ssl = uri.Scheme == "rediss";
            string path = uri.AbsolutePath.Trim('/');
            if (path.Length > 0 && int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out int pdb)) db = pdb;
        }
        if (uri.UserInfo.Length > 0)
        {
            int colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            string user = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo.Substring(0, colon));
            string pass = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo.Substring(colon + 1));
            if (user.Length > 0) options.User = user;
            if (pass.Length > 0) options.Password = pass;
        }
        if (!string.IsNullOrEmpty(password)) options.Password = password;
        if (database is { } d) db = d;
        options.DefaultDatabase = db;
        return (options, db);
    }
}
