using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.Catalog.DistrictItems;

/// <summary>A district's 代办政务服务事项清单: the item codes its communities handle on the departments' behalf.</summary>
internal sealed record DistrictItemList(string DistrictCode, string DistrictName, IReadOnlyList<string> Codes);

internal sealed record SetDistrictItemsRequest(IReadOnlyList<string>? Codes);

internal static class DistrictItemsEndpoints
{
    public const int MaxCodes = 2000;

    public static void MapRead(IEndpointRouteBuilder api) =>
        api.MapGet("/districts/{district}", async Task<Ok<DistrictItemList>> (string district, ServiceDeskDbContext db, IRegionDirectory regions, CancellationToken ct) =>
                TypedResults.Ok(await ReadAsync(district, db, regions, ct)))
            .WithName("GetDistrictServiceItems")
            .WithSummary("The item codes a district's communities handle (its 代办清单; public).");

    public static void MapWrite(IEndpointRouteBuilder api) =>
        api.MapPut("/districts/{district}", async Task<Ok<DistrictItemList>> (string district, SetDistrictItemsRequest request, ServiceDeskDbContext db,
                IRegionDirectory regions, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await SetAsync(district, request.Codes ?? [], db, regions, clock, ct)))
            .WithName("SetDistrictServiceItems")
            .WithSummary("Replaces a district's 代办清单 with the given item codes (administrators); an unknown or retired code is refused by its place in the list.");

    public static async Task<DistrictItemList> ReadAsync(string district, ServiceDeskDbContext db, IRegionDirectory regions, CancellationToken ct)
    {
        var region = await DistrictAsync(district, regions, ct);
        var codes = await (from a in db.ItemAvailability.AsNoTracking()
                           join i in db.ServiceItems.AsNoTracking() on a.ItemId equals i.Id
                           where a.DistrictCode == district
                           orderby i.Code
                           select i.Code).ToListAsync(ct);
        return new DistrictItemList(region.Code, region.Name, codes);
    }

    /// <summary>Adds the codes not yet listed and removes those no longer wanted, in one save; the rest keep their publication date.</summary>
    public static async Task<DistrictItemList> SetAsync(string district, IReadOnlyList<string> codes, ServiceDeskDbContext db, IRegionDirectory regions, TimeProvider clock,
        CancellationToken ct)
    {
        var region = await DistrictAsync(district, regions, ct);
        if (codes.Count > MaxCodes) throw ValidationFailedException.For("Codes", "代办清单最多 {0} 项。", MaxCodes);
        var wanted = codes.Select(c => c?.Trim() ?? "").ToList();
        var items = await db.ServiceItems.AsNoTracking().Where(i => !i.Retired).Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        var errors = new Dictionary<string, Phrase[]>();
        for (var i = 0; i < wanted.Count; i++)
            if (!items.ContainsKey(wanted[i])) errors[$"Codes[{i + 1}]"] = [new Phrase("事项不存在或已停用。")];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var ids = wanted.Select(c => items[c]).ToHashSet();
        var existing = await db.ItemAvailability.Where(a => a.DistrictCode == district).ToListAsync(ct);
        db.ItemAvailability.RemoveRange(existing.Where(a => !ids.Contains(a.ItemId)));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in ids.Except(existing.Select(a => a.ItemId)))
            db.ItemAvailability.Add(new ItemAvailability { ItemId = id, DistrictCode = district, PublishedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(new Phrase("代办清单刚被他人修改，请刷新后重试。"));
        }
        db.ChangeTracker.Clear();
        return await ReadAsync(district, db, regions, ct);
    }

    private static async Task<RegionInfo> DistrictAsync(string district, IRegionDirectory regions, CancellationToken ct) =>
        district.Length == 6 && await regions.FindAsync(district, ct) is { Level: RegionLevel.District } region
            ? region
            : throw new NotFoundException("区县不存在。");
}
