using System.Text;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Features.Import;
using Linli.Platform.Errors;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Regions;

public sealed class RegionImportTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string RegionFile => Path.Combine(AppContext.BaseDirectory, "data", "shenyang-regions-2023.csv");

    [Fact]
    public async Task First_start_imports_the_official_tree_of_13_districts_190_streets_and_2703_communities()
    {
        var counts = await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegionsDbContext>();
            return await db.Regions.GroupBy(r => new { r.Level, r.Kind }).Select(g => new { g.Key.Level, g.Key.Kind, Count = g.Count() }).ToListAsync();
        });
        int Level(RegionLevel level) => counts.Where(c => c.Level == level).Sum(c => c.Count);
        int Kind(RegionKind kind) => counts.Where(c => c.Kind == kind).Sum(c => c.Count);
        Assert.Equal(1, Level(RegionLevel.City));
        Assert.Equal(13, Level(RegionLevel.District));
        Assert.Equal(190, Level(RegionLevel.Street));
        Assert.Equal(2703, Level(RegionLevel.Community));
        Assert.Equal(1153, Kind(RegionKind.UrbanCommunity));
        Assert.Equal(1539, Kind(RegionKind.Village));
        Assert.Equal(11, Kind(RegionKind.VirtualUnit));
        var boundaries = await _app.WithScopeAsync(sp => sp.GetRequiredService<RegionsDbContext>().Boundaries.CountAsync());
        Assert.Equal(13, boundaries);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var result = await _app.WithScopeAsync(async sp =>
        {
            await using var file = File.OpenRead(RegionFile);
            return await sp.GetRequiredService<RegionFileImporter>().ImportAsync(file, null);
        });
        Assert.Equal(0, result.Inserted);
        Assert.Equal(0, result.Updated);
        Assert.Equal(2907, result.Unchanged);
    }

    [Fact]
    public async Task A_file_with_one_bad_line_is_rejected_whole_with_its_line_number()
    {
        var lines = (await File.ReadAllLinesAsync(RegionFile)).ToList();
        // A renamed district early on (would be an update) and a broken code further down.
        lines[2] = lines[2].Replace("和平区", "改名区");
        lines.Add("21010200100X,坏社区,community,urban_community,210102001");
        lines.Add("210102001999,新社区,community,urban_community,210102001");
        var badLine = lines.Count - 1; // 1-based line number of the broken row

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => _app.WithScopeAsync(async sp =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            return await sp.GetRequiredService<RegionFileImporter>().ImportAsync(stream, null);
        }));

        Assert.Contains($"line {badLine}", error.Message);
        var (name, added) = await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegionsDbContext>();
            return ((await db.Regions.SingleAsync(r => r.Code == "210102")).Name, await db.Regions.AnyAsync(r => r.Code == "210102001999"));
        });
        Assert.Equal("和平区", name);
        Assert.False(added);
    }

    [Theory]
    [InlineData("code,name,level,kind\n2101,沈阳市,city,city\n", "line 1")]
    [InlineData("code,name,level,kind,parent_code\n2101,沈阳市,city,city,21\n210102,和平区,district,nonsense,2101\n", "line 3")]
    [InlineData("code,name,level,kind,parent_code\n2101,沈阳市,city,city,21\n210102,和平区,district,urban_district,2102\n", "line 3")]
    [InlineData("code,name,level,kind,parent_code\n2101,沈阳市,city,city,21\n2101,沈阳市,city,city,21\n", "line 3")]
    [InlineData("code,name,level,kind,parent_code\n2101,沈阳市,city,city,21\n210102001,浑河湾街道,street,subdistrict,210102\n", "line 3")]
    public async Task Malformed_files_name_the_line_and_reason(string content, string expected)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => _app.WithScopeAsync(async sp =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
            return await sp.GetRequiredService<RegionFileImporter>().ImportAsync(stream, null);
        }));
        Assert.Contains(expected, error.Message);
    }
}
