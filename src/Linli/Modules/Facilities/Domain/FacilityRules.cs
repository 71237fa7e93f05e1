using Linli.Modules.Facilities.Contracts;
using Linli.Platform.Errors;

namespace Linli.Modules.Facilities.Domain;

/// <summary>What a facility record says, as typed on a form, posted to the API or read from an import row.</summary>
internal sealed record FacilityInput(
    FacilityType? Type, string? Name, string? CommunityCode, string? Address, double? Longitude, double? Latitude,
    double? FloorArea, double? ServiceArea, string? WeeklyHours, double? Capacity, string? Operator, DateOnly? OpenedOn);

/// <summary>
/// The checks of one facility record that need no database: required fields, lengths, ranges, the area serving residents
/// within the floor area, the opening hours' form, the opening date not in the future. Problems are keyed by the
/// field's camel-case name (the API's and the import's column names).
/// </summary>
internal static class FacilityRules
{
    public const double MaxArea = 10_000_000, MaxCapacity = 10_000_000;

    public static Dictionary<string, Phrase[]> Check(FacilityInput input, DateOnly today)
    {
        var errors = new Dictionary<string, Phrase[]>(StringComparer.Ordinal);
        void Add(string field, string message, params object?[] arguments) => errors.TryAdd(field, [new Phrase(message, arguments)]);

        if (input.Type is not { } type || !Enum.IsDefined(type)) Add("type", "请选择设施类型。");
        if (string.IsNullOrWhiteSpace(input.Name)) Add("name", "必填。");
        else if (input.Name.Trim().Length > Facility.NameLength) Add("name", "不能超过 {0} 个字符。", Facility.NameLength);
        if (string.IsNullOrWhiteSpace(input.CommunityCode)) Add("communityCode", "必填。");
        else if (input.CommunityCode.Trim() is var code && (code.Length != 12 || !code.All(char.IsAsciiDigit))) Add("communityCode", "社区代码应为 12 位数字。");
        if (input.Address?.Trim().Length > Facility.AddressLength) Add("address", "不能超过 {0} 个字符。", Facility.AddressLength);
        if (input.Operator?.Trim().Length > Facility.OperatorLength) Add("operator", "不能超过 {0} 个字符。", Facility.OperatorLength);
        if (input.Longitude is not { } lon) Add("longitude", "必填。");
        else if (!double.IsFinite(lon) || lon is < -180 or > 180) Add("longitude", "经度应在 -180 到 180 之间。");
        if (input.Latitude is not { } lat) Add("latitude", "必填。");
        else if (!double.IsFinite(lat) || lat is < -90 or > 90) Add("latitude", "纬度应在 -90 到 90 之间。");
        if (input.FloorArea is { } area && (!double.IsFinite(area) || area is < 0 or > MaxArea)) Add("floorArea", "面积应在 0 到 {0} 平方米之间。", MaxArea);
        if (input.ServiceArea is { } serving)
        {
            if (!double.IsFinite(serving) || serving is < 0 or > MaxArea) Add("serviceArea", "面积应在 0 到 {0} 平方米之间。", MaxArea);
            else if (serving > (input.FloorArea ?? 0)) Add("serviceArea", "服务居民区域面积不能大于建筑面积。");
        }
        if (input.Capacity is { } capacity && (!double.IsFinite(capacity) || capacity is < 0 or > MaxCapacity)) Add("capacity", "容量应在 0 到 {0} 之间。", MaxCapacity);
        if (!string.IsNullOrWhiteSpace(input.WeeklyHours))
        {
            if (input.WeeklyHours.Length > Domain.WeeklyHours.MaxLength) Add("weeklyHours", "不能超过 {0} 个字符。", Domain.WeeklyHours.MaxLength);
            else if (Domain.WeeklyHours.TryParse(input.WeeklyHours, out var problem) is null) Add("weeklyHours", problem!);
        }
        if (input.OpenedOn is not { } opened) Add("openedOn", "必填。");
        else if (opened > today) Add("openedOn", "开放日期不能晚于今天。");
        else if (opened.Year < 1900) Add("openedOn", "开放日期不合理。");
        return errors;
    }

    /// <summary>The check of a closing date: on or after the opening day, not in the future.</summary>
    public static Phrase? CloseProblem(DateOnly openedOn, DateOnly? closedOn, DateOnly today) => closedOn switch
    {
        null => new Phrase("必填。"),
        { } d when d < openedOn => new Phrase("关闭日期不能早于开放日期 {0}。", openedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        { } d when d > today => new Phrase("关闭日期不能晚于今天。"),
        _ => null,
    };

    /// <summary>Copies checked input onto the record (creating or editing).</summary>
    public static void Apply(Facility facility, FacilityInput input)
    {
        facility.Type = input.Type!.Value;
        facility.Name = input.Name!.Trim();
        facility.CommunityCode = input.CommunityCode!.Trim();
        facility.Address = Blank(input.Address);
        facility.Operator = Blank(input.Operator);
        facility.Longitude = Math.Round(input.Longitude!.Value, 6);
        facility.Latitude = Math.Round(input.Latitude!.Value, 6);
        facility.FloorArea = input.FloorArea ?? 0;
        facility.ServiceArea = input.ServiceArea;
        facility.Capacity = input.Capacity;
        facility.OpenedOn = input.OpenedOn!.Value;
        if (Blank(input.WeeklyHours) is { } text && Domain.WeeklyHours.TryParse(text, out _) is { } hours)
        {
            facility.WeeklyHours = hours.ToString();
            facility.OpeningHoursPerDay = hours.HoursPerOpenDay;
        }
        else
        {
            facility.WeeklyHours = null;
            facility.OpeningHoursPerDay = 0;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
