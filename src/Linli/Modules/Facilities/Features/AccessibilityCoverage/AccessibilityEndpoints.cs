using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Network;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Facilities.Features.AccessibilityCoverage;

internal sealed record CompoundMinutes(int Id, string CommunityCode, double Longitude, double Latitude, int Residents, int Elderly, int Children, double? Minutes);

internal sealed record AccessibilityAnswer(string Region, FacilityType? Type, IReadOnlyList<int> Thresholds, Coverage? Total,
    IReadOnlyList<Coverage> Units, Paged<CompoundMinutes> Compounds);

internal sealed record ProgressAnswer(bool Running, string? Step, int Done, int Total, DateTime? FinishedAt);

internal sealed record WhatIfRequest(FacilityType Type, string Action, int? FacilityId, double? Longitude, double? Latitude, string? Region);

internal sealed record WhatIfAnswer(string Region, FacilityType Type, Coverage? Before, Coverage? After, int CompoundsChanged);

internal static class AccessibilityEndpoints
{
    /// <summary>Minutes per origin for a type, or for the whole circle (the farthest daily type) when no type is named.</summary>
    public static float[] MinutesOf(AccessibilityState.Snapshot snapshot, FacilityType? type)
    {
        if (type is { } t) return snapshot.Minutes.TryGetValue(t, out var m) ? m : Enumerable.Repeat(float.NaN, snapshot.Origins.Count).ToArray();
        return Coverage.AllOf(LivingCircle.DailyTypes.Select(d => MinutesOf(snapshot, d)).ToList(), snapshot.Origins.Count);
    }

    /// <summary>A number in the query binds to the enum even when no type has it: refused here, naming the field.</summary>
    public static void CheckType(FacilityType? type)
    {
        if (type is { } t && !Enum.IsDefined(t)) throw ValidationFailedException.For("type", "没有这种设施类型。");
    }

    /// <summary>
    /// The region asked, defaulting to the caller's area; a region outside the area is answered as one that does not
    /// exist (404, as everywhere), so nobody reads the figures of another area.
    /// </summary>
    public static string InArea(string? region, IAreaScope scope)
    {
        var own = scope.CommunityPrefix ?? throw new ForbiddenException("您的账号没有区划范围。");
        var asked = string.IsNullOrWhiteSpace(region) ? own : region.Trim();
        if (asked.Length > 12 || !asked.All(char.IsAsciiDigit)) throw ValidationFailedException.For("region", "地区代码应为不超过12位的数字。");
        if (!asked.StartsWith(own, StringComparison.Ordinal)) throw new NotFoundException("没有代码为 {0} 的行政区划。", asked);
        return asked;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/accessibility", async Task<Ok<AccessibilityAnswer>> (string? region, FacilityType? type, int? page, int? pageSize,
                AccessibilityService service, IAreaScope scope, CancellationToken ct) =>
            {
                CheckType(type);
                region = InArea(region, scope);
                var snapshot = await service.SnapshotAsync(ct);
                var minutes = MinutesOf(snapshot, type);
                // The units one level below the region asked: districts of the city, streets of a district, communities of a street.
                var unitLength = region.Length < 6 ? 6 : region.Length < 9 ? 9 : 12;
                var units = Coverage.Of(snapshot.Origins, minutes, region, unitLength);
                var total = Coverage.Of(snapshot.Origins, minutes, region, Math.Min(region.Length, 12)).FirstOrDefault();
                if (region.Length == 0) total = Coverage.Of(snapshot.Origins.Select(o => o with { CommunityCode = "0" + o.CommunityCode }).ToList(), minutes, "0", 1).FirstOrDefault();
                // Worst served first: beyond the circle (by population), then the longest walks.
                var rows = snapshot.Origins.Select((o, i) => (o, m: minutes[i]))
                    .Where(x => x.o.CommunityCode.StartsWith(region, StringComparison.Ordinal))
                    .OrderBy(x => float.IsNaN(x.m) ? 0 : 1).ThenByDescending(x => float.IsNaN(x.m) ? x.o.Residents : x.m).ThenBy(x => x.o.Id)
                    .Select(x => new CompoundMinutes(x.o.Id, x.o.CommunityCode, x.o.Longitude, x.o.Latitude, x.o.Residents, x.o.Elderly, x.o.Children,
                        float.IsNaN(x.m) ? null : Math.Round(x.m, 1))).ToList();
                // The compounds are in memory already (the snapshot): a page is a slice of them.
                var (p, size) = Paging.Normalize(page, pageSize);
                var paged = new Paged<CompoundMinutes>(rows.Skip((p - 1) * size).Take(size).ToList(), p, size, rows.Count);
                return TypedResults.Ok(new AccessibilityAnswer(region, type, LivingCircle.Thresholds, total, units, paged));
            })
            .WithName("FacilitiesAccessibility")
            .WithSummary("Shares of residents, elderly and children within 5, 10 and 15 minutes' walk of a type (or of all daily types) under a region, per unit below it, and the compounds worst served first; paginated.");

        api.MapGet("/accessibility/progress", Ok<ProgressAnswer> (AccessibilityState state) =>
                TypedResults.Ok(new ProgressAnswer(state.Progress.Running, state.Progress.Step, state.Progress.Done, state.Progress.Total, state.Progress.FinishedAt)))
            .WithName("FacilitiesAccessibilityProgress")
            .WithSummary("How far the running recomputation of the walking minutes is.");

        api.MapPost("/accessibility/recompute", Accepted<ProgressAnswer> (FacilityType? type, AccessibilityState state, IServiceScopeFactory scopes) =>
            {
                CheckType(type);
                if (!state.Progress.Running)
                {
                    // In the background with a scope of its own; the progress route reports it.
                    _ = Task.Run(async () =>
                    {
                        using var scope = scopes.CreateScope();
                        var service = scope.ServiceProvider.GetRequiredService<AccessibilityService>();
                        if (type is { } t) await service.RecomputeTypeAsync(t);
                        else await service.RecomputeAllAsync(null, CancellationToken.None);
                    });
                }
                return TypedResults.Accepted("/api/facilities/accessibility/progress",
                    new ProgressAnswer(true, null, state.Progress.Done, state.Progress.Total, state.Progress.FinishedAt));
            })
            .RequireAuthorization(FacilitiesPermissions.Edit)
            .WithName("FacilitiesAccessibilityRecompute")
            .WithSummary("Recomputes the walking minutes of one type (or of every type, rebuilding the compounds) in the background.");

        api.MapPost("/accessibility/what-if", async Task<Ok<WhatIfAnswer>> (WhatIfRequest request, AccessibilityService service, NetworkCache cache, IAreaScope scope,
                CancellationToken ct) =>
            {
                CheckType(request.Type);
                var action = (request.Action ?? "").Trim().ToLowerInvariant();
                if (action is not ("add" or "move" or "close")) throw ValidationFailedException.For("action", "操作应为新增、迁移或关闭之一。");
                if (action is "add" or "move" && (request.Longitude is null || request.Latitude is null))
                    throw ValidationFailedException.For("longitude", "新增或迁移设施需要给出位置。");
                if (action is "move" or "close" && request.FacilityId is null) throw ValidationFailedException.For("facilityId", "迁移或关闭需要指明设施。");
                var loaded = await cache.GetAsync(ct);
                var snapshot = await service.SnapshotAsync(ct);
                var sources = await service.SourcesAsync(request.Type, loaded.Grid, ct);
                var facility = request.FacilityId is { } id ? sources.FirstOrDefault(s => s.Id == id) : default;
                if (request.FacilityId is not null && facility.Id == 0) throw ValidationFailedException.For("facilityId", "没有这个类型的在用设施。");
                var region = request.Region?.Trim() is { Length: > 0 } r ? InArea(r, scope) : null;
                var before = MinutesOf(snapshot, request.Type);
                float[] after;
                var walking = service.Walking;
                if (action == "add")
                {
                    // Only the new site's reach changes: one bounded search from it, the nearer of old and new kept.
                    var added = AccessCalculator.Snap(loaded.Grid, request.Longitude!.Value, request.Latitude!.Value);
                    after = AccessCalculator.Minutes(loaded.Graph, walking, snapshot.Origins, [added]);
                    for (var i = 0; i < after.Length; i++) after[i] = float.IsNaN(after[i]) ? before[i] : float.IsNaN(before[i]) ? after[i] : Math.Min(after[i], before[i]);
                }
                else
                {
                    var kept = sources.Where(s => s.Id != request.FacilityId).Select(s => s.Source).ToList();
                    if (action == "move") kept.Add(AccessCalculator.Snap(loaded.Grid, request.Longitude!.Value, request.Latitude!.Value));
                    after = AccessCalculator.Minutes(loaded.Graph, walking, snapshot.Origins, kept.Where(s => float.IsFinite(s.SnapMeters)).ToList());
                }
                region = InArea(region ?? (facility.CommunityCode is { Length: >= 9 } c ? c[..9] : NearestStreet(snapshot, request.Longitude ?? 0, request.Latitude ?? 0)), scope);
                var changed = 0;
                for (var i = 0; i < after.Length; i++)
                    if (snapshot.Origins[i].CommunityCode.StartsWith(region, StringComparison.Ordinal) && !after[i].Equals(before[i])) changed++;
                var length = Math.Max(1, region.Length);
                return TypedResults.Ok(new WhatIfAnswer(region, request.Type,
                    Coverage.Of(snapshot.Origins, before, region, length).FirstOrDefault(), Coverage.Of(snapshot.Origins, after, region, length).FirstOrDefault(), changed));
            })
            .WithName("FacilitiesWhatIf")
            .WithSummary("Coverage of a facility's street before and after adding, moving or closing one facility of a type, computed without saving anything.");
    }

    private static string NearestStreet(AccessibilityState.Snapshot snapshot, double lon, double lat) =>
        snapshot.Origins.Count == 0 ? "" : snapshot.Origins.MinBy(o => (o.Longitude - lon) * (o.Longitude - lon) + (o.Latitude - lat) * (o.Latitude - lat)).CommunityCode[..9];
}
