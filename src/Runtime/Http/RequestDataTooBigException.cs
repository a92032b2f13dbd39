using System;

namespace DjangoSettings.Http;

/// <summary><c>RequestDataTooBig</c>: the body is larger than <c>DATA_UPLOAD_MAX_MEMORY_SIZE</c>.</summary>
public sealed class RequestDataTooBigException : SuspiciousOperationException
{
    /// <summary>Django's message.</summary>
    public RequestDataTooBigException() : base("Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.")
    {
    }
}
