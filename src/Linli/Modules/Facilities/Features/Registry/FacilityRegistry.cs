using System.Globalization;
using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Features.Registry;

/// <summary>
/// Registers, edits and closes facilities: the record's own checks (<see cref="FacilityRules"/>), then the community
/// (a community or village of the tree, inside the caller's area: outside it is a 403, recorded as out of scope) and the
/// point (inside the community's district). Each change and its audit entry are committed together.
/// </summary>
internal sealed class FacilityRegistry(FacilitiesDbContext db, IRegionDirectory regions, IDistrictGeometry geometry, IAreaScope scope, IAuditLog audit,
    TimeProvider clock, AccessibilityService accessibility, ILogger<FacilityRegistry> log)
{
    public DateOnly Today => Platform.Calendar.WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every problem of the input except the caller's scope, keyed by field.</summary>
    public async Task<Dictionary<string, Phrase[]>> CheckAsync(FacilityInput input, CancellationToken ct)
    {
        var errors = FacilityRules.Check(input, Today);
        if (errors.ContainsKey("communityCode")) return errors;
        var code = input.CommunityCode!.Trim();
        var community = await regions.FindAsync(code, ct);
        if (community is null || community.Level != RegionLevel.Community) errors["communityCode"] = [new Phrase("没有代码为 {0} 的社区（村）。", code)];
        else if (input.Longitude is { } lon && input.Latitude is { } lat && !errors.ContainsKey("longitude") && !errors.ContainsKey("latitude")
                 && !geometry.Contains(code[..6], lon, lat))
            errors["longitude"] = [new Phrase("坐标不在社区所在的区县（市）内。")];
        return errors;
    }

    /// <summary>Whether the caller may change facilities of the community: a community worker only their own.</summary>
    public bool MayEdit(string communityCode) => scope.Covers(communityCode);

    public async Task<Facility> CreateAsync(FacilityInput input, CancellationToken ct)
    {
        await RefuseOutOfScopeAsync(input.CommunityCode?.Trim(), null, ct);
        await ThrowIfInvalidAsync(input, ct);
        var facility = new Facility { Name = "", CommunityCode = "" };
        FacilityRules.Apply(facility, input);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Facilities.Add(facility);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Record(facility, "created"), db, ct);
        await transaction.CommitAsync(ct);
        await RecomputeAsync([facility.Type], ct);
        return facility;
    }

    public async Task<Facility> UpdateAsync(int id, FacilityInput input, CancellationToken ct)
    {
        var facility = await FindAsync(id, ct);
        await RefuseOutOfScopeAsync(facility.CommunityCode, facility, ct);
        await RefuseOutOfScopeAsync(input.CommunityCode?.Trim(), facility, ct);
        if (facility.ClosedOn is not null) throw new ConflictException("已关闭的设施不能修改；如重新开放，请登记新设施。");
        await ThrowIfInvalidAsync(input, ct);
        var typeBefore = facility.Type;
        FacilityRules.Apply(facility, input);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Record(facility, "edited"), db, ct);
        await transaction.CommitAsync(ct);
        await RecomputeAsync([typeBefore, facility.Type], ct);
        return facility;
    }

    public async Task<Facility> CloseAsync(int id, DateOnly? closedOn, string? reason, CancellationToken ct)
    {
        var facility = await FindAsync(id, ct);
        await RefuseOutOfScopeAsync(facility.CommunityCode, facility, ct);
        if (facility.ClosedOn is { } already) throw new ConflictException(new Phrase("该设施已于 {0} 关闭。", already.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (FacilityRules.CloseProblem(facility.OpenedOn, closedOn, Today) is { } problem)
            throw new ValidationFailedException(new Dictionary<string, Phrase[]> { ["closedOn"] = [problem] });
        if (reason?.Trim().Length > 200) throw ValidationFailedException.For("reason", "不能超过 {0} 个字符。", 200);
        facility.ClosedOn = closedOn;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Record(facility, "closed") with { Reason = reason?.Trim() ?? "" }, db, ct);
        await transaction.CommitAsync(ct);
        await RecomputeAsync([facility.Type], ct);
        return facility;
    }

    /// <summary>
    /// The walking minutes of the changed types, recomputed for that type only once the change is committed (issue 11 §4:
    /// results follow an opening, closing or move). A failure here leaves the change stored and the minutes of the last
    /// run, recomputed on demand or with the next change, so it is logged rather than refusing a change that was made.
    /// </summary>
    private async Task RecomputeAsync(IEnumerable<FacilityType> types, CancellationToken ct)
    {
        foreach (var type in types.Distinct())
        {
            try
            {
                await accessibility.RecomputeTypeAsync(type, ct);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                log.LogWarning(e, "Walking minutes of facility type {Type} not recomputed after a registry change", type);
            }
        }
    }

    public async Task<Facility> FindAsync(int id, CancellationToken ct) =>
        await db.Facilities.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("设施 {0} 不存在。", id);

    private async Task ThrowIfInvalidAsync(FacilityInput input, CancellationToken ct)
    {
        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    /// <summary>A community outside the caller's area: refused and recorded where the facility (or the community asked for) is.</summary>
    private async Task RefuseOutOfScopeAsync(string? communityCode, Facility? facility, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(communityCode) || MayEdit(communityCode)) return;
        await audit.RecordAsync(new AuditRecord(AuditActions.OutOfScope, AuditSubjects.Facility,
            facility?.Id.ToString(CultureInfo.InvariantCulture) ?? "", facility?.CommunityCode ?? communityCode) { SubjectLabel = facility?.Name ?? "" }, ct);
        throw new ForbiddenException("只能登记和修改本辖区 {0} 内的设施。", scope.RegionPrefix ?? "");
    }

    public static AuditRecord Record(Facility facility, string field) =>
        new(AuditActions.FacilityChanged, AuditSubjects.Facility, facility.Id.ToString(CultureInfo.InvariantCulture), facility.CommunityCode)
        {
            Field = field, SubjectLabel = facility.Name,
        };
}
