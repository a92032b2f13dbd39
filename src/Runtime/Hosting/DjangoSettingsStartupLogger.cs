using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Hosting;

/// <summary>Logs, once at startup, which settings files are in force and any warnings their evaluation gave.</summary>
internal sealed partial class DjangoSettingsStartupLogger : IHostedService
{
    private readonly IEnumerable<DjangoSettingsStartupReport> _reports;
    private readonly ILogger<DjangoSettingsStartupLogger> _logger;

    public DjangoSettingsStartupLogger(IEnumerable<DjangoSettingsStartupReport> reports, ILogger<DjangoSettingsStartupLogger> logger)
    {
        _reports = reports;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var report in _reports)
        {
            LogLoaded(_logger, report.SourcePath);
            foreach (var decision in report.Decisions) LogDecision(_logger, report.SourcePath, decision);
            foreach (var warning in report.Warnings) LogWarning(_logger, warning);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Django settings compiled from {SourcePath} are in force")]
    private static partial void LogLoaded(ILogger logger, string sourcePath);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "{SourcePath}: {Decision}")]
    private static partial void LogDecision(ILogger logger, string sourcePath, string decision);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private static partial void LogWarning(ILogger logger, string diagnostic);
}
