using Linli.Modules.ServiceDesk.Data;
using Linli.Platform.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

/// <summary>
/// UniqueViolation tells a unique or primary-key refusal from any other failure, on the test database's provider (SQLite
/// here, PostgreSQL in CI): the errors are raised for real on a temporary table, not built by hand.
/// </summary>
public sealed class UniqueViolationTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Runs <paramref name="sql"/> after the probe table and one row exist, on one connection; returns what it threw.</summary>
    private Task<Exception> FailureOfAsync(string sql) => _app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ServiceDeskDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS unique_violation_probe");
        await db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE unique_violation_probe (id integer PRIMARY KEY, code integer NOT NULL UNIQUE)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO unique_violation_probe (id, code) VALUES (1, 1)");
        return await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));
    });

    [Fact]
    public async Task A_second_row_with_the_same_unique_value_is_a_unique_violation()
    {
        var e = await FailureOfAsync("INSERT INTO unique_violation_probe (id, code) VALUES (2, 1)");
        Assert.True(UniqueViolation.Is(e), e.GetType().Name + ": " + e.Message);
        // As EF reports it from SaveChanges: wrapped.
        Assert.True(UniqueViolation.Is(new DbUpdateException("saving", e)));
    }

    [Fact]
    public async Task A_second_row_with_the_same_primary_key_is_a_unique_violation()
    {
        var e = await FailureOfAsync("INSERT INTO unique_violation_probe (id, code) VALUES (1, 2)");
        Assert.True(UniqueViolation.Is(e), e.GetType().Name + ": " + e.Message);
    }

    [Fact]
    public async Task A_missing_required_value_or_a_syntax_error_is_not_a_unique_violation()
    {
        var missing = await FailureOfAsync("INSERT INTO unique_violation_probe (id, code) VALUES (2, NULL)");
        Assert.False(UniqueViolation.Is(missing), missing.Message);
        Assert.False(UniqueViolation.Is(new DbUpdateException("saving", missing)));
        var syntax = await FailureOfAsync("INSERT INTO unique_violation_probe VALUES");
        Assert.False(UniqueViolation.Is(syntax), syntax.Message);
    }
}
