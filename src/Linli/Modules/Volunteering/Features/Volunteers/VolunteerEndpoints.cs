using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Features.Volunteers;

internal sealed record VolunteerItem(long Id, string Name, string CommunityCode, IReadOnlyList<Skill> Skills, bool IsPartyMember, string? PartyBranch, string? WorkUnit);

internal sealed record SkillItem(Skill Skill, string Label);

internal static class VolunteerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/skills", () => TypedResults.Ok(Skills.All.Select(s => new SkillItem(s.Skill, s.Label))))
            .WithName("ListVolunteerSkills")
            .WithSummary("The fixed list of volunteer skills with their Chinese labels.");
        api.MapGet("/", async Task<Ok<Paged<VolunteerItem>>> (string? community, Skill? skill, bool? partyMember, int? page, int? pageSize,
                VolunteeringDbContext db, CancellationToken ct) =>
            {
                if (skill is { } one && !Skills.IsOne(one)) throw ValidationFailedException.For("skill", "服务技能不在清单内。");
                var query = db.Volunteers.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(community)) query = query.Where(v => v.CommunityCode.StartsWith(community));
                if (skill is { } s) query = query.Where(v => (v.Skills & s) != 0);
                if (partyMember is { } p) query = query.Where(v => v.IsPartyMember == p);
                var paged = await query.OrderBy(v => v.CommunityCode).ThenBy(v => v.Id)
                    .Select(v => new { v.Id, v.Name, v.CommunityCode, v.Skills, v.IsPartyMember, v.PartyBranch, v.WorkUnit })
                    .ToCappedPageAsync(page, pageSize, ct);
                return TypedResults.Ok(new Paged<VolunteerItem>(
                    paged.Items.Select(v => new VolunteerItem(v.Id, v.Name, v.CommunityCode, Skills.Of(v.Skills), v.IsPartyMember, v.PartyBranch, v.WorkUnit)).ToList(),
                    paged.Page, paged.PageSize, paged.Total) { TotalIsCapped = paged.TotalIsCapped });
            })
            .WithName("ListVolunteers")
            .WithSummary("Volunteers serving in the caller's area, under a community-code prefix (community), with a skill, party members or not; paginated.")
            .ProducesValidationProblem();
        api.MapGet("/{id:long}", async Task<Ok<VolunteerDetails>> (long id, VolunteeringDbContext db, CancellationToken ct) =>
            {
                var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct)
                                ?? throw new NotFoundException("志愿者 {0} 不存在。", id);
                return TypedResults.Ok(VolunteerDetails.Of(volunteer, await Hours.HoursLedger.MinutesAsync(db, id, ct)));
            })
            .WithName("GetVolunteer")
            .WithSummary("One volunteer of the caller's area, with the total hours (the sum of the ledger).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", async Task<Created<VolunteerDetails>> (RegisterVolunteerRequest request, VolunteerRegister register, CancellationToken ct) =>
            {
                var volunteer = await register.RegisterAsync(request, ct);
                return TypedResults.Created($"/api/volunteers/{volunteer.Id}", VolunteerDetails.Of(volunteer, 0));
            })
            .RequireAuthorization(VolunteeringPermissions.Manage)
            .WithName("RegisterVolunteer")
            .WithSummary("Registers a resident of the caller's area as a volunteer serving a community of the area; once per resident (409 for a second).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

