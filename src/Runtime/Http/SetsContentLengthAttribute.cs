using System;

namespace DjangoSettings.Http;

/// <summary>
/// Endpoint metadata: the endpoint always sets <c>Content-Length</c> before it writes (as DRF views
/// and the token views of this runtime do), so CommonMiddleware has nothing to measure and its body
/// is not held. Without it, CommonMiddleware holds the body to set the length Django would set.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Delegate, Inherited = true, AllowMultiple = false)]
public sealed class SetsContentLengthAttribute : Attribute
{
    /// <summary>The one instance conventions add.</summary>
    public static SetsContentLengthAttribute Instance { get; } = new();
}
