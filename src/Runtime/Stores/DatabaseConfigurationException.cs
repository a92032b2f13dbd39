using System;

namespace DjangoSettings.Stores;

/// <summary>The settings' <c>DATABASES['default']</c> (or <c>ConnectionStrings:Default</c>) cannot be used; thrown at startup.</summary>
public sealed class DatabaseConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the offending setting.</summary>
    public DatabaseConfigurationException(string message) : base(message)
    {
    }
}
