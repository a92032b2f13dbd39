using System;
using System.Collections.Generic;
using System.Linq;

namespace DjangoSettings.Settings;

/// <summary>
/// Thrown at startup when the settings, evaluated with the real environment, fail the same checks
/// the build runs. The message lists each error as <c>file(line,col): error DJSnnnn: message</c>.
/// </summary>
public sealed class SettingsValidationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public SettingsValidationException(IReadOnlyList<SettingsMessage> errors)
        : base("The Django settings are invalid with this environment:" + Environment.NewLine + string.Join(Environment.NewLine, (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => "  " + e)))
    {
        Errors = errors;
    }

    /// <summary>The errors, in source order.</summary>
    public IReadOnlyList<SettingsMessage> Errors { get; }
}
