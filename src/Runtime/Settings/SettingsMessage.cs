using System;
using DjangoSettings.Generator.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Settings;

/// <summary>
/// One finding of the settings checks at startup (the same DJS diagnostics the build reports),
/// as plain data: <see cref="ToString"/> prints it the way compilers do,
/// <c>settings.py(12,5): warning DJS0207: ...</c>.
/// </summary>
public sealed class SettingsMessage
{
    internal SettingsMessage(SettingsDiagnostic diagnostic)
    {
        Id = diagnostic.Id;
        Level = diagnostic.Severity switch
        {
            SettingsSeverity.Error => LogLevel.Error,
            SettingsSeverity.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        Message = diagnostic.Message;
        Path = diagnostic.Location.Path;
        Line = diagnostic.Location.Start.Line;
        Column = diagnostic.Location.Start.Column;
        HelpLink = new Uri(diagnostic.Descriptor.HelpLinkUri);
        _text = diagnostic.ToString();
    }

    private readonly string _text;

    /// <summary>The diagnostic id, for example <c>DJS0213</c>; each has a help page (<see cref="HelpLink"/>).</summary>
    public string Id { get; }

    /// <summary>How serious it is: <see cref="LogLevel.Error"/>, <see cref="LogLevel.Warning"/> or <see cref="LogLevel.Information"/>.</summary>
    public LogLevel Level { get; }

    /// <summary>The message, naming the setting and what to change.</summary>
    public string Message { get; }

    /// <summary>The settings file, as the build saw it (relative to the project).</summary>
    public string Path { get; }

    /// <summary>1-based line in <see cref="Path"/>.</summary>
    public int Line { get; }

    /// <summary>1-based column in <see cref="Path"/>.</summary>
    public int Column { get; }

    /// <summary>The diagnostic's help page.</summary>
    public Uri HelpLink { get; }

    /// <summary>Compiler-style text: <c>path(line,col): error DJS0001: message</c>.</summary>
    public override string ToString() => _text;
}
