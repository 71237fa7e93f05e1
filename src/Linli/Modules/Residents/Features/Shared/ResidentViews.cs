using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Domain;

namespace Linli.Modules.Residents.Features.Shared;

/// <summary>A tag as shown: its kind, Chinese label, disability grade and validity.</summary>
internal sealed record TagView(PopulationTagKind Tag, string Label, int? Grade, DateOnly StartDate, DateOnly? EndDate, bool Active);

/// <summary>
/// A resident in a list. ID and phone numbers are masked (2101**************, 138****5678); of the birth date only the
/// year is shown, and the age is the one reached this year (today's year − birth year), so it tells nothing more.
/// </summary>
internal sealed record ResidentSummary(
    long Id, long HouseholdId, string Name, Gender Gender, int BirthYear, int Age, string IdNumber, string? Phone,
    RelationToHead RelationToHead, string CommunityCode, string? GridCode, IReadOnlyList<PopulationTagKind> Tags);

internal sealed record HouseholdSummary(
    long Id, string CommunityCode, string? GridCode, string Address, string? Building, string? Unit, string? Room,
    double? Longitude, double? Latitude, bool IsSynthetic);

/// <summary>One resident with masked numbers, birth year and age as in <see cref="ResidentSummary"/>, all tags (current and ended) and the household.</summary>
internal sealed record ResidentDetails(
    long Id, string Name, Gender Gender, int BirthYear, int Age, string IdNumber, string? Phone,
    RelationToHead RelationToHead, string? RegisteredAddress, string? ActualAddress, string CommunityCode, string? GridCode,
    bool IsSynthetic, IReadOnlyList<TagView> Tags, HouseholdSummary Household);

internal sealed record HouseholdDetails(HouseholdSummary Household, IReadOnlyList<ResidentSummary> Members);

internal static class Views
{
    /// <summary>Today in China Standard Time (UTC+8, no daylight saving), the calendar day tags and ages refer to.</summary>
    public static DateOnly Today(TimeProvider clock) => Platform.Calendar.WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime);

    public static HouseholdSummary Summary(Household h) =>
        new(h.Id, h.CommunityCode, h.GridCode, h.Address, h.Building, h.Unit, h.Room, h.Longitude, h.Latitude, h.IsSynthetic);

    public static TagView View(PopulationTag t, DateOnly today) => new(t.Tag, Labels.Of(t.Tag), t.Grade, t.StartDate, t.EndDate, t.IsActiveOn(today));

    /// <summary>Full address of a household: 地址 + 楼/单元/室 when given.</summary>
    public static string FullAddress(HouseholdSummary h) => Household.Describe(h.Address, h.Building, h.Unit, h.Room);
}
