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

/// <summary><c>DisallowedHost</c>: the request's host is not in <c>ALLOWED_HOSTS</c> (or not a valid host name).</summary>
public sealed class DisallowedHostException : SuspiciousOperationException
{
    /// <summary>Django's log message for <paramref name="rawHost"/>.</summary>
    public DisallowedHostException(string rawHost) : base(Describe(rawHost))
    {
        RawHost = rawHost;
    }

    /// <summary>The host as the request gave it.</summary>
    public string RawHost { get; }

    // Django: "Invalid HTTP_HOST header: %r." + one of two hints.
    private static string Describe(string rawHost)
    {
        bool valid = HostValidation.TrySplitDomain(rawHost, out var domain) && domain.Length > 0;
        string hint = valid
            ? " You may need to add '" + domain.ToString().ToLowerInvariant() + "' to ALLOWED_HOSTS."
            : " The domain name provided is not valid according to RFC 1034/1035.";
        return "Invalid HTTP_HOST header: '" + rawHost + "'." + hint;
    }
}

/// <summary><c>RequestDataTooBig</c>: the body is larger than <c>DATA_UPLOAD_MAX_MEMORY_SIZE</c>.</summary>
public sealed class RequestDataTooBigException : SuspiciousOperationException
{
    /// <summary>Django's message.</summary>
    public RequestDataTooBigException() : base("Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.")
    {
    }
}

/// <summary><c>TooManyFieldsSent</c>: more GET/POST parameters than <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c>.</summary>
public sealed class TooManyFieldsSentException : SuspiciousOperationException
{
    /// <summary>Django's message.</summary>
    public TooManyFieldsSentException() : base("The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.")
    {
    }
}

/// <summary>Django's <c>PermissionDenied</c>: answered with the 403 page at the view boundary.</summary>
public sealed class DjangoPermissionDeniedException : Exception
{
    /// <summary>Creates the exception; the message is logged, never sent.</summary>
    public DjangoPermissionDeniedException(string message) : base(message)
    {
    }
}
