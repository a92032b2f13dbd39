using System;

namespace DjangoSettings.Http;

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
