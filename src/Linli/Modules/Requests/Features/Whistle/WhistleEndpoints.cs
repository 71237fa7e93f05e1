using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Whistle;

internal sealed record WhistleRequest([property: Required, MinLength(1), MaxLength(20)] string[] DepartmentCodes,
    [property: MaxLength(RequestLimits.Opinion)] string? Opinion = null, int? Version = null);

internal sealed record ReportInRequest([property: Required, MaxLength(RequestLimits.Opinion)] string Report, int? Version = null);

/// <summary>Withdrawing the summons of one department that has not reported in, with the reason it is told.</summary>
internal sealed record WithdrawSummonsRequest([property: Required, MaxLength(64)] string DepartmentCode,
    [property: Required, MaxLength(RequestLimits.Opinion)] string Reason, int? Version = null);

/// <summary>A department's report given by phone (or in person) to the centre or the district, with who gave it.</summary>
internal sealed record ReportInOnBehalfRequest([property: Required, MaxLength(64)] string DepartmentCode,
    [property: Required, MaxLength(RequestLimits.Opinion)] string Report,
    [property: Required, MaxLength(RequestLimits.PersonName)] string ReportedBy, int? Version = null);

internal static class WhistleEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/{id:long}/whistle", (long id, WhistleRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.WhistleAsync(t, a, request.DepartmentCodes, request.Opinion, ct), ct))
            .WithName("Whistle")
            .WithSummary("A grid or community worker of the place summons departments (吹哨); each must report in within 30 minutes (urgent) or 2 hours (normal) of office time, or the summons is escalated to the district.");
        api.MapPost("/{id:long}/report-in", (long id, ReportInRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.ReportInAsync(t, a, Text(request.Report, "Report"), ct), ct))
            .WithName("ReportIn")
            .WithSummary("A summoned department reports in and records what it did (报到).");
        api.MapPost("/{id:long}/withdraw-summons", (long id, WithdrawSummonsRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.WithdrawSummonsAsync(t, a, request.DepartmentCode, Text(request.Reason, "Reason"), ct), ct))
            .WithName("WithdrawSummons")
            .WithSummary("Withdraws the summons of a department that has not reported in, with a reason the department is told (撤回召集): a grid or community worker of the place or the centre, and the district over the place once the summons is escalated. 400 for a department never summoned, 409 for one already answered or withdrawn.");
        api.MapPost("/{id:long}/report-in-on-behalf", (long id, ReportInOnBehalfRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) =>
                    w.ReportInOnBehalfAsync(t, a, request.DepartmentCode, Text(request.Report, "Report"), Text(request.ReportedBy, "ReportedBy"), ct), ct))
            .WithName("ReportInOnBehalf")
            .WithSummary("Records the report a summoned department gave by phone, naming who gave it (电话报到): the centre (for departments without an account), and the district over the place once the summons is escalated. The department is told.");
    }

    /// <summary>A required text, trimmed; blank is a 400 naming the field.</summary>
    public static string Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Platform.Errors.ValidationFailedException.For(field, "必填。") : value.Trim();
}
