using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;

namespace Linli.Modules.ServiceDesk.Features.CaseShared;

/// <param name="Files">The files handed in for it online (电子材料), which whoever sees the case may open.</param>
internal sealed record CaseMaterialView(long MaterialId, int Position, string Name, bool Mandatory, bool AcceptLater, MaterialStatus Status, string StatusLabel,
    string? Note, DateTime? CommitmentDueAt, IReadOnlyList<Features.CaseFiles.CaseFileView> Files);

internal sealed record CaseNoticeItemView(long MaterialId, int Position, string Name, MaterialStatus Problem, string ProblemLabel, string Reason);

internal sealed record CaseNoticeView(long Id, string Number, int Sequence, DateTime IssuedAt, string IssuedBy, DateTime? CompletedAt, IReadOnlyList<CaseNoticeItemView> Items);

internal sealed record CaseStepView(DateTime At, CaseState? From, CaseState To, string ToLabel, string Actor, string? Note);

internal sealed record CaseActionView(CaseAction Action, string Label);

internal sealed record CaseHomeVisitView(long Id, DateTime ScheduledAt, string Worker, DateTime? VisitedAt, string? Outcome);

/// <summary>
/// A case as the staff who may see it see it: the applicant only as the case needs them (name and masked ID number,
/// never the resident's record), the materials, the notices, the steps, and the actions this caller may take now.
/// </summary>
internal sealed record CaseView(
    long Id, string Number, int Version, CaseState State, string StateLabel, string ItemCode, string ItemName, int ItemVersionNumber,
    string ApplicantName, string ApplicantIdMasked, string? ApplicantPhoneMasked, bool ApplicantInPool, string AcceptingCommunityCode, string HomeCommunityCode, string DepartmentCode,
    string OwnerName, HandlingModes Mode, string ModeLabel, DateTime ReceivedAt, DateTime? AcceptedAt, bool AcceptedByLaw, DateTime? DecidedAt, DateTime? HandedOverAt,
    DateTime? DueAt, bool IsOverdue, bool ClockStopped, string? RefusalReason, double? WorkingDaysTaken,
    int? ExtensionDays, string? ExtensionReason, bool? ExtensionApproved, string? ProxyName, string? Mandate, bool HomeVisitEligible,
    IReadOnlyList<CaseMaterialView> Materials, IReadOnlyList<CaseNoticeView> Notices, IReadOnlyList<CaseStepView> Steps,
    IReadOnlyList<CaseHomeVisitView> HomeVisits, IReadOnlyList<CaseActionView> Actions)
{
    public static CaseView Of(ServiceCase c, ServiceItem item, ServiceItemVersion version, IReadOnlyList<CaseNotice> notices, IReadOnlyList<CaseHomeVisit> visits,
        CaseActor viewer, IReadOnlyDictionary<long, IReadOnlyList<Features.CaseFiles.CaseFileView>> files) => new(
        c.Id, c.Number, c.Version, c.State, CaseLabels.State(c.State).ToString(), item.Code, version.Name, version.Number,
        c.ApplicantName, c.ApplicantIdMasked, c.ApplicantPhoneMasked, c.ResidentId is not null && !c.ApplicantAsStated, c.AcceptingCommunityCode, c.HomeCommunityCode, c.DepartmentCode,
        c.OwnerName, c.Mode, CaseLabels.Mode(c.Mode).ToString(), c.ReceivedAt, c.AcceptedAt, c.AcceptedByLaw, c.DecidedAt, c.HandedOverAt,
        c.DueAt, c.IsOverdue, CaseTransitions.ClockStopped(c.State), c.RefusalReason, c.WorkingDaysTaken,
        c.ExtensionDays, c.ExtensionReason, c.ExtensionApproved, c.ProxyName, c.Mandate, c.HomeVisitEligible,
        c.Materials.OrderBy(m => m.Position).Select(m => new CaseMaterialView(m.MaterialId, m.Position, m.Name, m.Mandatory, m.AcceptLater, m.Status,
            CaseLabels.Material(m.Status).ToString(), m.Note, m.CommitmentDueAt, files.GetValueOrDefault(m.MaterialId) ?? [])).ToList(),
        notices.OrderBy(n => n.Sequence).Select(n => new CaseNoticeView(n.Id, n.Number, n.Sequence, n.IssuedAt, n.IssuedByName, n.CompletedAt,
            n.Items.OrderBy(i => i.Position).Select(i => new CaseNoticeItemView(i.MaterialId, i.Position, i.Name, i.Problem, CaseLabels.Material(i.Problem).ToString(), i.Reason)).ToList())).ToList(),
        c.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new CaseStepView(s.At, s.FromState, s.ToState, CaseLabels.State(s.ToState).ToString(), s.ActorName, s.Note)).ToList(),
        visits.OrderBy(v => v.ScheduledAt).Select(v => new CaseHomeVisitView(v.Id, v.ScheduledAt, v.WorkerName, v.VisitedAt, v.Outcome)).ToList(),
        CaseRules.Offered(viewer, c, version.CommunitySteps).Select(a => new CaseActionView(a, CaseLabels.Action(a).ToString())).ToList());
}

/// <summary>A row of a case list.</summary>
internal sealed record CaseSummary(long Id, string Number, CaseState State, string StateLabel, long ItemId, string ApplicantName, string AcceptingCommunityCode,
    string HomeCommunityCode, string DepartmentCode, string OwnerName, HandlingModes Mode, DateTime ReceivedAt, DateTime? DueAt, bool IsOverdue);
