using System;

namespace DjangoSettings.Http;

/// <summary><c>TooManyFieldsSent</c>: more GET/POST parameters than <c>DATA_UPLOAD_MAX_NUMBER_FIELDS</c>.</summary>
public sealed class TooManyFieldsSentException : SuspiciousOperationException
{
    /// <summary>Django's message.</summary>
    public TooManyFieldsSentException() : base("The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.")
    {
    }
}
