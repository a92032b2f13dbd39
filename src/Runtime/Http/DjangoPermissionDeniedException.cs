using System;

namespace DjangoSettings.Http;

/// <summary>Django's <c>PermissionDenied</c>: answered with the 403 page at the view boundary.</summary>
public sealed class DjangoPermissionDeniedException : Exception
{
    /// <summary>Creates the exception; the message is logged, never sent.</summary>
    public DjangoPermissionDeniedException(string message) : base(message)
    {
    }
}
