using System.ComponentModel.DataAnnotations;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Features.Volunteers;

/// <summary>A resident to register as a volunteer; the community served defaults to the one the resident lives in.</summary>
internal sealed record RegisterVolunteerRequest(
    long? ResidentId,
    [property: RegularExpression(@"^\d{12}$", ErrorMessage = "社区代码应为 12 位数字。")] string? CommunityCode,
    IReadOnlyList<Skill>? Skills,
    bool IsPartyMember,
    [property: MaxLength(100)] string? PartyBranch,
    [property: MaxLength(100)] string? WorkUnit,
    [property: MaxLength(256)] string? AccountUserName);

/// <summary>A volunteer as the API shows them: skills by name and by Chinese label, and the hours of the ledger.</summary>
internal sealed record VolunteerDetails(
    long Id, long ResidentId, string Name, string CommunityCode, string HomeCommunityCode, IReadOnlyList<Skill> Skills, IReadOnlyList<string> SkillLabels,
    bool IsPartyMember, string? PartyBranch, string? WorkUnit, DateTime RegisteredAt, double TotalHours)
{
    public static VolunteerDetails Of(Volunteer v, long minutes) => new(v.Id, v.ResidentId, v.Name, v.CommunityCode, v.HomeCommunityCode,
        Domain.Skills.Of(v.Skills), Domain.Skills.Of(v.Skills).Select(Domain.Skills.Label).ToList(), v.IsPartyMember, v.PartyBranch, v.WorkUnit,
        v.RegisteredAt, Math.Round(minutes / 60.0, 2));
}

/// <summary>
/// Registers a resident of the pool as a volunteer: the resident is read through the Residents contract within the
/// caller's area (outside it the resident does not exist), the community served must be a community of the caller's
/// area, and a resident is registered once: a second registration, from any area, is a 409 (checked first, and by the
/// unique index when two race).
/// </summary>
internal sealed class VolunteerRegister(VolunteeringDbContext db, IVolunteerResidents residents, IRegionDirectory regions, IAreaScope scope, TimeProvider clock)
{
    public async Task<Volunteer> RegisterAsync(RegisterVolunteerRequest request, CancellationToken ct)
    {
        if (request.ResidentId is not { } residentId) throw ValidationFailedException.For("residentId", "必填。");
        var resident = await residents.FindAsync(residentId, ct) ?? throw ValidationFailedException.For("residentId", "没有编号为 {0} 的居民。", residentId);
        var errors = new Dictionary<string, Phrase[]>();
        var community = string.IsNullOrWhiteSpace(request.CommunityCode) ? resident.CommunityCode : request.CommunityCode.Trim();
        if (request.Skills is not { Count: > 0 } skills) errors["skills"] = [new Phrase("至少选择一项服务技能。")];
        else if (skills.Any(s => !Domain.Skills.IsOne(s))) errors["skills"] = [new Phrase("服务技能不在清单内。")];
        if (request.IsPartyMember && string.IsNullOrWhiteSpace(request.PartyBranch)) errors["partyBranch"] = [new Phrase("党员须填写所在党支部。")];
        if (!request.IsPartyMember && (!string.IsNullOrWhiteSpace(request.PartyBranch) || !string.IsNullOrWhiteSpace(request.WorkUnit)))
            errors["isPartyMember"] = [new Phrase("只有党员登记党支部和工作单位。")];
        if (await regions.FindAsync(community, ct) is not { Level: RegionLevel.Community })
            errors["communityCode"] = [new Phrase("没有代码为 {0} 的社区（村）。", community)];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (!scope.Covers(community)) throw new ForbiddenException("只能登记本辖区 {0} 内服务的志愿者。", scope.RegionPrefix ?? "");
        var account = string.IsNullOrWhiteSpace(request.AccountUserName) ? null : request.AccountUserName.Trim();

        // Across areas on purpose: one registration per person whichever community registered them; only a yes or no is read.
        if (await db.Volunteers.IgnoreQueryFilters().AnyAsync(v => v.ResidentId == residentId, ct)) throw Duplicate();
        if (account is not null && await db.Volunteers.IgnoreQueryFilters().AnyAsync(v => v.AccountUserName == account, ct))
            throw new ConflictException("该账号已关联其他志愿者。");
        var volunteer = new Volunteer
        {
            ResidentId = residentId, Name = resident.Name, HomeCommunityCode = resident.CommunityCode, CommunityCode = community,
            Skills = Domain.Skills.SetOf(request.Skills!), IsPartyMember = request.IsPartyMember,
            PartyBranch = request.IsPartyMember ? request.PartyBranch?.Trim() : null, WorkUnit = request.IsPartyMember ? NullIfBlank(request.WorkUnit) : null,
            AccountUserName = account, RegisteredAt = clock.GetUtcNow().UtcDateTime, RegisteredBy = scope.UserName ?? "",
        };
        db.Volunteers.Add(volunteer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Duplicate();
        }
        return volunteer;
    }

    private static ConflictException Duplicate() => new("该居民已注册为志愿者，每人只能注册一次。");

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
