using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Features.AccessibilityCoverage;
using Linli.Modules.Facilities.Network;
using Linli.Modules.Facilities.Planner;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Facilities.Features.PlannerRun;

internal sealed record PlannerRequest(FacilityType Type, string Region, int Sites, string? Weight);

internal sealed record PlannerAnswer(FacilityType Type, string Region, string Weight, long Population, double CoverageBefore, double CoverageAfter,
    IReadOnlyList<PlannedSite> Sites);

internal static class PlannerEndpoint
{
    public const int MaxSites = 50;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/planner", async Task<Ok<PlannerAnswer>> (PlannerRequest request, AccessibilityService service, NetworkCache cache, IAreaScope scope,
                CancellationToken ct) =>
            {
                AccessibilityEndpoints.CheckType(request.Type);
                var region = (request.Region ?? "").Trim();
                if (region.Length is < 6 or > 12 || !region.All(char.IsAsciiDigit)) throw ValidationFailedException.For("region", "请选择一个区县或街道。");
                region = AccessibilityEndpoints.InArea(region, scope);
                if (request.Sites is < 1 or > MaxSites) throw ValidationFailedException.For("sites", "新增站点数应在1到{0}之间。", MaxSites);
                var weight = (request.Weight ?? "residents").Trim().ToLowerInvariant();
                if (weight is not ("residents" or "elderly" or "children")) throw ValidationFailedException.For("weight", "按居民、老年人或儿童计算。");
                var loaded = await cache.GetAsync(ct);
                var snapshot = await service.SnapshotAsync(ct);
                var minutes = AccessibilityEndpoints.MinutesOf(snapshot, request.Type);
                Func<Origin, int> by = weight switch { "elderly" => o => o.Elderly, "children" => o => o.Children, _ => o => o.Residents };
                var plan = SitePlanner.Plan(loaded.Graph, service.Walking, snapshot.Origins, minutes, region, request.Sites, by);
                return TypedResults.Ok(new PlannerAnswer(request.Type, region, weight, plan.Population, plan.CoverageBefore,
                    plan.Sites.Count == 0 ? plan.CoverageBefore : plan.Sites[^1].CoverageAfter, plan.Sites));
            })
            .WithName("FacilitiesPlanner")
            .WithSummary("Where the next N sites of a type bring the most uncovered residents (or elderly, children) of a district or street within 15 minutes: greedy maximal coverage over the network's nodes, each site with its gain.");
}
