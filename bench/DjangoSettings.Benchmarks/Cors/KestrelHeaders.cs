using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DjangoSettings.Benchmarks.Cors;

/// <summary>
/// Kestrel's request and response header collections, the ones a production request carries.
/// DefaultHttpContext keeps headers in a case-insensitive <c>Dictionary</c>, where every read or
/// write of Origin, Vary or an Access-Control-* header hashes its name; Kestrel keeps each of
/// those in a typed field behind the same <see cref="IHeaderDictionary"/> properties. The types
/// are internal to Kestrel, so they are created by reflection once per benchmark setup; a
/// missing type or constructor (another ASP.NET Core version) fails the setup loudly.
/// </summary>
internal static class KestrelHeaders
{
    private const string Namespace = "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.";

    /// <summary>A new <c>HttpRequestHeaders</c> (Kestrel's defaults: no value reuse, default encoding).</summary>
    public static IHeaderDictionary CreateRequestHeaders() => Create("HttpRequestHeaders", [false, null]);

    /// <summary>A new <c>HttpResponseHeaders</c>.</summary>
    public static IHeaderDictionary CreateResponseHeaders() => Create("HttpResponseHeaders", [null]);

    private static IHeaderDictionary Create(string name, object?[] args)
    {
        var type = typeof(KestrelServerOptions).Assembly.GetType(Namespace + name, throwOnError: true)!;
        return (IHeaderDictionary)(Activator.CreateInstance(type, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, null, args, null)
            ?? throw new InvalidOperationException($"could not create Kestrel's {name}"));
    }
}
