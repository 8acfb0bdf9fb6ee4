using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReportWorker.Tests.Support;

/// <summary>Keeps every log entry of a test host, to assert that a warning was written.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string EventName, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);
    public void Dispose() { }

    public IReadOnlyList<string> Of(string eventName, LogLevel level) =>
        Entries.Where(e => e.EventName == eventName && e.Level == level).Select(e => e.Message).ToArray();

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue((logLevel, eventId.Name ?? "", formatter(state, exception)));
    }
}
