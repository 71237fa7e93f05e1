using System.Collections.Concurrent;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

/// <summary>Personal numbers never reach the logs, whatever a request does with them — including a failing one.</summary>
public sealed class PersonalDataLoggingTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly LinliFactory _app;

    public PersonalDataLoggingTests() =>
        _app = new LinliFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(_logs) };

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("worker", Roles.CommunityWorker, CityFixture.CommunityA);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Creating_searching_revealing_and_a_rejected_duplicate_log_no_id_or_phone_number()
    {
        var client = await _app.ClientForAsync("worker");
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber, phone);
        await client.PostAsJsonAsync("/api/residents/search", new { idNumber });
        await client.PostAsJsonAsync("/api/residents/search", new { phone });
        await client.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason = "核对" });
        await client.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "phone", reason = "回访" });
        var duplicate = await client.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, idNumber, phone));
        Assert.False(duplicate.IsSuccessStatusCode);

        Assert.NotEmpty(_logs.Lines); // the capture works: requests, EF and the app did log
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(idNumber, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(phone, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
        }
    }
}
