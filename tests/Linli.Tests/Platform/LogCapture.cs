using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Linli.Tests.Platform;

/// <summary>Every log entry of a test host (add with <c>services.AddSingleton&lt;ILoggerProvider&gt;(capture)</c>).</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>
    /// The app's and the web host's errors, and anything they logged with an exception (a stack trace in the log). EF's own
    /// diagnostics are left out: it logs every failed command, including the probes of a first migration.
    /// </summary>
    public IReadOnlyList<Entry> Failures() =>
        Entries.Where(e => (e.Level >= LogLevel.Error || e.Exception is not null) && !e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Information and up: enough for the app's own warnings and errors, and cheap under a few thousand requests.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
        }
    }
}

/// <summary>A fact that runs on PostgreSQL only (LINLI_TEST_DB=postgres) and says so when skipped on SQLite.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string why)
    {
        if (!Infrastructure.TestDatabase.IsPostgres) Skip = "PostgreSQL only: " + why;
    }
}
