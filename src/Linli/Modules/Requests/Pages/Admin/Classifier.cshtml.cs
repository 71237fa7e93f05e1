using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Classification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Pages.Admin;

/// <summary>
/// The request classifier for administrators: the model in use (date, data, held-out scores, per-class precision and
/// recall, confusion matrix), the share of the last 30 days' tickets it dispatched and how many of those were corrected
/// later, and its versions with retraining and rollback (activating an earlier version).
/// </summary>
[Authorize(Policy = RequestsPermissions.ConfigureRequests)]
internal sealed class ClassifierModel(RequestsDbContext db, ClassifierRegistry registry, TimeProvider clock) : PageModel
{
    public const int Days = 30;
    public const int VersionsShown = 50;

    public ClassifierModelVersion? Active { get; private set; }
    public ClassifierReport? Report { get; private set; }
    public IReadOnlyList<ClassifierModelVersion> Versions { get; private set; } = [];
    public int Filed { get; private set; }
    public int AutoDispatched { get; private set; }
    public int AutoCorrected { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTrainAsync(CancellationToken ct)
    {
        var outcome = await registry.TrainAsync(User.Identity?.Name ?? "admin", ct);
        Message = outcome.Activated ? "新模型已通过质量检查并启用。" : "新模型未达到当前模型在保留集上的成绩，仍使用当前模型。";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActivateAsync(int version, CancellationToken ct)
    {
        Message = await registry.ActivateAsync(version, ct) ? "已启用所选版本。" : "没有这个通过质量检查的模型版本。";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await registry.ActiveAsync(ct); // the first model, if there is none yet
        Versions = await db.ClassifierModels.AsNoTracking().OrderByDescending(m => m.Version).Take(VersionsShown).ToListAsync(ct);
        Active = Versions.FirstOrDefault(v => v.IsActive) ?? await db.ClassifierModels.AsNoTracking().FirstOrDefaultAsync(m => m.IsActive, ct);
        Report = Active is null ? null : ClassifierReport.Read(Active.ReportJson);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Days);
        var classifier = Actor.Classifier.UserName;
        Filed = await db.Tickets.IgnoreQueryFilters().CountAsync(t => t.CreatedAt >= since, ct);
        var auto = db.TicketActions.Where(a => a.At >= since && a.Action == TicketActionKind.Dispatch && a.UserName == classifier).Select(a => a.TicketId);
        AutoDispatched = await auto.Distinct().CountAsync(ct);
        AutoCorrected = await db.TicketActions.Where(a => a.Action == TicketActionKind.ChangeCategory && auto.Contains(a.TicketId)).Select(a => a.TicketId).Distinct().CountAsync(ct);
    }

    /// <summary>Who trained a version, in words (never the internal name of the job).</summary>
    public static string TrainedByKey(string by) => by switch
    {
        "system" => "首次启动",
        "scheduled" => "定期重训",
        "train-classifier" => "命令行",
        _ => "",
    };
}
