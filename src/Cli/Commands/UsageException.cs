using System;

namespace DjangoSettings.Cli.Commands;

/// <summary>A command line the tool cannot run (exit code 2); the message says why.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UsageException(string message)
        : base(message)
    {
    }
}
