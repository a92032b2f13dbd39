using System;
using Microsoft.AspNetCore.Http;

namespace DjangoSettings.Cors;

/// <summary>Django's <c>request.path_info</c> for an ASP.NET Core request.</summary>
internal static class PathInfo
{
    /// <summary>
    /// The path without PathBase (Django's script prefix), percent-decoded. ASP.NET Core already
    /// decodes everything but <c>%2F</c>, which Django decodes too; an empty path is <c>/</c> as in
    /// Django. Allocates only when the path still holds a <c>%</c>.
    /// </summary>
    public static string Of(HttpRequest request)
    {
        string? path = request.Path.Value;
        if (string.IsNullOrEmpty(path)) return "/";
        if (path.IndexOf('%') < 0) return path;
        return path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }
}
