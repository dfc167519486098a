using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SalesBridge.Web.Tests.CrmConnection;

/// <summary>Keeps every formatted log line, so tests can show what the checks log and that no token is among it.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
