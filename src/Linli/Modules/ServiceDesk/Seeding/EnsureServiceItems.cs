using System.Text.Json;
using System.Text.Json.Serialization;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Seeding;

/// <summary>
/// Reference data, at every start: each item of data/service-items.json whose code is missing is added and published as
/// version 1, and put on the 代办清单 of the districts the file names (all of them when it names none). Items already there
/// are left as administrators left them (edited, republished, retired, taken off a list), as the category tree is.
/// </summary>
internal sealed class EnsureServiceItems(ServiceDeskDbContext db, IDepartmentDirectory departments, IRegionDirectory regions, IConfiguration configuration,
    TimeProvider clock, ILogger<EnsureServiceItems> logger) : IStartupTask
{
    public const string File = "service-items.json";

    // After the regions (10) and the departments (12).
    public int Order => 45;

    internal sealed record SeedFile(IReadOnlyList<SeedItem> Items);

    internal sealed record SeedItem : ItemGuide
    {
        public required string Code { get; init; }
        public IReadOnlyList<string>? Districts { get; init; }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(allowIntegerValues: false) } };

    public static async Task<IReadOnlyList<SeedItem>> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = System.IO.File.OpenRead(path);
        return (await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, ct))?.Items ?? [];
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(ReferenceData.Folder(configuration), configuration["ReferenceData:ServiceItems"] ?? File);
        var seeds = await ReadAsync(path, cancellationToken);
        var existing = (await db.ServiceItems.Select(i => i.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        if (missing.Count == 0) return;

        var active = await Features.Catalog.CatalogItems.ActiveDepartmentsAsync(departments, cancellationToken);
        var districts = (await regions.ListAsync(RegionLevel.District, cancellationToken: cancellationToken)).Select(r => r.Code).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = new List<(ServiceItem Item, SeedItem Seed)>();
        foreach (var seed in missing)
        {
            // The shipped file is checked by the same rules as an administrator's draft: a broken entry stops the start, naming it.
            var errors = ItemRules.CheckPublication(seed.Code, seed, active);
            if (errors.Count > 0)
                throw new InvalidOperationException($"{File}: item {seed.Code} cannot be published: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value.Select(p => p.ToString()))}"))}");
            var item = ItemVersions.Create(seed.Code, seed, now);
            db.ServiceItems.Add(item);
            added.Add((item, seed));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (item, seed) in added)
        {
            ItemVersions.Publish(item, active, now, "system");
            foreach (var district in seed.Districts is { Count: > 0 } listed ? listed.Intersect(districts) : districts)
                db.ItemAvailability.Add(new ItemAvailability { ItemId = item.Id, DistrictCode = district, PublishedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Service catalog: {Count} items added from {File}", added.Count, File);
    }
}
