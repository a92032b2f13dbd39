using System;

namespace DjangoSettings.Jwt;

/// <summary>A <c>SIMPLE_JWT</c> value that cannot work (thrown at startup, never per request).</summary>
public sealed class SimpleJwtConfigurationException : Exception
{
    /// <summary>Creates the exception for one setting.</summary>
    public SimpleJwtConfigurationException(string setting, string message)
        : base($"SIMPLE_JWT['{setting}']: {message}")
    {
        Setting = setting;
    }

    /// <summary>The offending key (e.g. <c>ALGORITHM</c>).</summary>
    public string Setting { get; }
}
