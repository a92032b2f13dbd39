using System;

namespace DjangoSettings.Http;

/// <summary>
/// Django's <c>SuspiciousOperation</c>: a request Django refuses with its 400 page. Thrown by the
/// runtime's request helpers (host, body and field limits); the pipeline composed by
/// <c>UseDjangoMiddleware</c> turns it into the 400 page at the view boundary, as Django does.
/// </summary>
public class SuspiciousOperationException : Exception
{
    /// <summary>Creates the exception with the message Django logs (never sent to the client).</summary>
    public SuspiciousOperationException(string message) : base(message)
    {
    }
}
