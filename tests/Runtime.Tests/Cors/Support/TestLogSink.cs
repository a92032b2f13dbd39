using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace DjangoSettings.Runtime.Tests.Cors.Support;

/// <summary>A logger provider that keeps every message, so tests can assert on logging.</summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, int EventId, string Message, string Category)> _entries = new();

    /// <summary>Every entry logged so far.</summary>
    public IReadOnlyList<(LogLevel Level, int EventId, string Message, string Category)> Entries => _entries.ToArray();

    /// <summary>Messages of a given event id from the CORS middleware.</summary>
    public IEnumerable<string> Messages(int eventId) => _entries
        .Where(e => e.EventId == eventId && e.Category == "DjangoSettings.Cors.DjangoCorsMiddleware")
        .Select(e => e.Message);

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly TestLogSink _sink;
        private readonly string _category;

        public Logger(TestLogSink sink, string category)
        {
            _sink = sink;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => _sink._entries.Enqueue((logLevel, eventId.Id, formatter(state, exception), _category));
    }
}
