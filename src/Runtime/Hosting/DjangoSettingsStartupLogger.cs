using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Hosting;

/// <summary>Logs, once at startup, which settings file is in force and any warnings its evaluation gave.</summary>
internal sealed partial class DjangoSettingsStartupLogger : IHostedService
{
    private readonly DjangoSettingsStartupReport _report;
    private readonly ILogger<DjangoSettingsStartupLogger> _logger;

    public DjangoSettingsStartupLogger(DjangoSettingsStartupReport report, ILogger<DjangoSettingsStartupLogger> logger)
    {
        _report = report;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogLoaded(_logger, _report.SourcePath);
        foreach (var warning in _report.Warnings) LogWarning(_logger, warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Django settings compiled from {SourcePath} are in force")]
    private static partial void LogLoaded(ILogger logger, string sourcePath);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private static partial void LogWarning(ILogger logger, string diagnostic);
}
