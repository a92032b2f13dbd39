using System.Collections.Generic;

namespace DjangoSettings.Hosting;

/// <summary>What loading the settings found, kept until a logger exists to report it.</summary>
/// <param name="SourcePath">The settings file.</param>
/// <param name="Warnings">Warnings from the startup evaluation, formatted as compiler lines.</param>
/// <param name="Decisions">What the port does for settings the file leaves out (<see cref="PartialSettingsDecisions"/>).</param>
internal sealed record DjangoSettingsStartupReport(string SourcePath, IReadOnlyList<string> Warnings, IReadOnlyList<string> Decisions);
