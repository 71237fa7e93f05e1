using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.Export;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

/// <summary>The platform's export mechanism: rows read one by one and capped, a refusal past the cap that names it.</summary>
public sealed class TableExportTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new ConfiguredFactory([new("Export:MaxRows", "2")]);

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return _app.CreateUserAsync("supervisor", Linli.Platform.Auth.Roles.Supervisor, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_endless_source_is_read_only_one_row_past_the_cap_and_refused()
    {
        var pulled = 0;
        async IAsyncEnumerable<object?[]> Endless()
        {
            for (var i = 0; ; i++)
            {
                pulled++;
                await Task.Yield();
                yield return [i, "行" + i];
            }
        }
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            pulled = 0;
            var refused = await _app.WithScopeAsync(async sp =>
                await Assert.ThrowsAsync<ValidationFailedException>(() => sp.GetRequiredService<TableExporter>().FileAsync(
                    new ExportTable(AuditSubjects.AuditLog, "审计日志", "test", "", "全部", ["序号", "名称"], Endless()), format, CancellationToken.None)));
            Assert.Equal(3, pulled);
            Assert.Contains("2", Assert.Single(refused.Errors["filters"]));
        }
    }

    [Fact]
    public async Task A_source_that_can_count_is_refused_over_the_cap_before_a_row_is_read()
    {
        var pulled = 0;
        async IAsyncEnumerable<object?[]> Rows()
        {
            for (var i = 0; i < 5; i++)
            {
                pulled++;
                await Task.Yield();
                yield return [i, "行" + i];
            }
        }
        int? askedAbout = null;
        var refused = await _app.WithScopeAsync(async sp =>
            await Assert.ThrowsAsync<ValidationFailedException>(() => sp.GetRequiredService<TableExporter>().FileAsync(
                new ExportTable(AuditSubjects.AuditLog, "审计日志", "test", "", "全部", ["序号", "名称"], Rows())
                {
                    HasMoreThanAsync = (count, _) => { askedAbout = count; return Task.FromResult(count < 5); },
                }, ExportFormat.Csv, CancellationToken.None)));
        Assert.Equal(2, askedAbout);
        Assert.Equal(0, pulled);
        Assert.Contains("2", Assert.Single(refused.Errors["filters"]));
    }

    [Fact]
    public async Task An_export_over_the_configured_cap_is_a_400_with_the_cap_and_no_file_and_no_audit_entry()
    {
        var supervisor = await _app.ClientForAsync("supervisor");
        var before = await ExportCountAsync(supervisor);
        await _app.WithScopeAsync(async sp =>
        {
            for (var i = 0; i < 3; i++)
                await sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord(AuditActions.Reveal, AuditSubjects.Resident, "cap-" + i, "210102001002"));
            return 0;
        });
        var response = await supervisor.PostAsJsonAsync("/api/audit/export", new { format = "csv" });
        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2 行", problem.GetProperty("errors").GetProperty("filters")[0].GetString());
        Assert.Equal(before, await ExportCountAsync(supervisor));

        // Within the cap the same export is served.
        var file = await ExportFile.ReadAsync(await supervisor.PostAsJsonAsync("/api/audit/export", new { action = "sign-in", userName = "supervisor", format = "xlsx" }));
        Assert.InRange(file.Rows.Count, 1, 2);
        Assert.Equal(before + 1, await ExportCountAsync(supervisor));
    }

    private static async Task<int> ExportCountAsync(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/audit/search", new { action = "export", pageSize = 500 })).Json(HttpStatusCode.OK))
        .GetProperty("items").GetArrayLength();

    [Theory]
    [InlineData(null, "xlsx")]
    [InlineData("XLSX", "xlsx")]
    [InlineData(" csv", "csv")]
    public void Formats_are_read_in_any_case_and_default_to_excel(string? text, string extension) =>
        Assert.Equal(extension, ExportFormats.Parse(text).Extension());

    [Fact]
    public void An_unknown_format_names_the_field() =>
        Assert.True(Assert.Throws<ValidationFailedException>(() => ExportFormats.Parse("pdf")).Errors.ContainsKey("format"));
}
