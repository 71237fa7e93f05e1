using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.ServiceDesk.Statistics;

[Collection("city")]
public sealed class CaseStatisticsTests(CityFixture city)
{
    // A month of 2019 no other test writes cases into, so the figures are exactly these cases'.
    private const string From = "2019-03-01", To = "2019-03-31";
    private static readonly DateTime March = new(2019, 3, 10, 2, 0, 0, DateTimeKind.Utc);
    private static bool _seeded;
    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded) return;
            await city.App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<ServiceDeskDbContext>();
                var item = await db.ServiceItems.AsNoTracking().SingleAsync(i => i.Code == "JF00101001-210100");
                var n = 0;
                ServiceCase Case(string accepting, string home, CaseState state, HandlingModes mode, bool accepted, bool decided, bool overdue, double? days) => new()
                {
                    Number = $"T2019{++n:D6}", ItemId = item.Id, ItemVersionId = item.PublishedVersionId!.Value, State = state, ApplicantName = "测试申请人",
                    ApplicantIdCipher = [1], ApplicantIdHash = [(byte)n], ApplicantIdMasked = "2101**********0000", AcceptingCommunityCode = accepting,
                    HomeCommunityCode = home, DepartmentCode = "civil_affairs", OwnerUserId = "seed", OwnerName = "测试", Mode = mode, ReceivedAt = March,
                    AcceptedAt = accepted ? March : null, DecidedAt = decided ? March.AddDays(5) : null, IsOverdue = overdue, WorkingDaysTaken = days, UpdatedAt = March,
                };
                var a = CityFixture.CommunityA;
                var b = CityFixture.CommunityB;
                var cases = new[]
                {
                    Case(a, a, CaseState.HandedOver, HandlingModes.Window, true, true, false, 4),
                    Case(a, b, CaseState.HandedOver, HandlingModes.Proxy, true, true, true, 12),
                    Case(a, b, CaseState.Accepted, HandlingModes.DoorToDoor, true, false, false, null),
                    Case(a, a, CaseState.NotAccepted, HandlingModes.Window, false, false, false, null),
                    Case(b, b, CaseState.HandedOver, HandlingModes.Window, true, true, false, 2),
                };
                db.ServiceCases.AddRange(cases);
                await db.SaveChangesAsync();
                db.CaseRatings.AddRange(
                    new CaseRating { CaseId = cases[0].Id, Stage = CaseState.HandedOver, Level = RatingLevel.VerySatisfied, RatedAt = March, AcceptingCommunityCode = a },
                    new CaseRating { CaseId = cases[1].Id, Stage = CaseState.HandedOver, Level = RatingLevel.Dissatisfied, RatedAt = March, AcceptingCommunityCode = a,
                        FollowUpDueAt = March.AddDays(7), FollowUpAt = March.AddDays(2), FollowUpNote = "已回访" },
                    new CaseRating { CaseId = cases[4].Id, Stage = CaseState.HandedOver, Level = RatingLevel.VeryDissatisfied, RatedAt = March, AcceptingCommunityCode = b,
                        FollowUpDueAt = March.AddDays(7) });
                await db.SaveChangesAsync();
                return 0;
            });
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private static JsonElement Row(JsonElement report, string key) =>
        report.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Figures_per_community_count_acceptance_city_wide_cases_deadlines_modes_and_ratings()
    {
        await SeedAsync();
        var supervisor = await city.App.ClientForAsync("supervisor");
        var report = await supervisor.GetFromJsonAsync<JsonElement>($"/api/service-desk/statistics?groupBy=Community&from={From}&to={To}");
        var a = Row(report, CityFixture.CommunityA);
        Assert.Equal(4, a.GetProperty("received").GetInt32());
        Assert.Equal(3, a.GetProperty("accepted").GetInt32());
        Assert.Equal(1, a.GetProperty("refused").GetInt32());
        Assert.Equal(2, a.GetProperty("acceptedOutsideHome").GetInt32());
        Assert.Equal(0.6667, a.GetProperty("cityWideRate").GetDouble());
        Assert.Equal(2, a.GetProperty("decided").GetInt32());
        Assert.Equal(0.5, a.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(8, a.GetProperty("averageWorkingDays").GetDouble());
        Assert.Equal(1, a.GetProperty("proxy").GetInt32());
        Assert.Equal(1, a.GetProperty("doorToDoor").GetInt32());
        Assert.Equal(1, a.GetProperty("ratings").GetProperty("VerySatisfied").GetInt32());
        Assert.Equal(1, a.GetProperty("poor").GetInt32());
        Assert.Equal(1, a.GetProperty("poorFollowedUp").GetInt32());

        var b = Row(report, CityFixture.CommunityB);
        Assert.Equal(1, b.GetProperty("received").GetInt32());
        Assert.Equal(0, b.GetProperty("acceptedOutsideHome").GetInt32());
        Assert.Equal(1, b.GetProperty("poorOpen").GetInt32());
    }

    [Fact]
    public async Task Figures_roll_up_to_the_district_and_the_department()
    {
        await SeedAsync();
        var supervisor = await city.App.ClientForAsync("supervisor");
        var district = Row(await supervisor.GetFromJsonAsync<JsonElement>($"/api/service-desk/statistics?groupBy=District&from={From}&to={To}"), "210102");
        Assert.Equal(5, district.GetProperty("received").GetInt32());
        Assert.Equal("和平区", district.GetProperty("name").GetString());
        var department = Row(await supervisor.GetFromJsonAsync<JsonElement>($"/api/service-desk/statistics?groupBy=Department&from={From}&to={To}"), "civil_affairs");
        Assert.Equal(5, department.GetProperty("received").GetInt32());
        Assert.Equal(2, department.GetProperty("poor").GetInt32());
    }

    [Fact]
    public async Task Statistics_are_for_supervisors_and_a_bad_period_is_named()
    {
        var worker = await city.App.ClientForAsync("cw.a");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/service-desk/statistics")).StatusCode);
        var supervisor = await city.App.ClientForAsync("supervisor");
        var bad = await supervisor.GetAsync("/api/service-desk/statistics?from=2020-02-01&to=2020-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        var ancient = await supervisor.GetAsync("/api/service-desk/statistics?to=0001-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, ancient.StatusCode);
        Assert.True((await ancient.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _));
    }
}
