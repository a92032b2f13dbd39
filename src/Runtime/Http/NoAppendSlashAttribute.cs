using System;

namespace DjangoSettings.Http;

/// <summary>
/// Endpoint metadata: Django's <c>@no_append_slash</c>. CommonMiddleware does not redirect
/// <c>/x</c> to this endpoint's <c>/x/</c>; the request is a 404 instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Delegate, Inherited = true, AllowMultiple = false)]
public sealed class NoAppendSlashAttribute : Attribute
{
}
