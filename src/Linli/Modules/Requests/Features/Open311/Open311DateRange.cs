namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// The window start_date/end_date name, compared at the precision the API shows times in (whole seconds): a request shown
/// as requested at 10:00:00 is inside end_date=10:00:00 even if it came in at 10:00:00.7. <see cref="From"/> is the first
/// instant inside, <see cref="Until"/> the first instant after. Dates lie in the years 2000 to 2100 and at most
/// <see cref="MaxDays"/> days apart; without them the window is the last 90 days.
/// </summary>
internal readonly record struct Open311DateRange(DateTime From, DateTime Until)
{
    public const int MaxDays = 90;

    /// <summary>The dates start_date/end_date may name: China time 2000-01-01 up to (not including) 2101-01-01.</summary>
    public static readonly DateTime EarliestDate = new(1999, 12, 31, 16, 0, 0, DateTimeKind.Utc), LatestDate = new(2100, 12, 31, 16, 0, 0, DateTimeKind.Utc);

    public static Open311DateRange Parse(string? start, string? end, DateTime now)
    {
        var from = Within(Read(start, "start_date"), "start_date");
        var to = Within(Read(end, "end_date"), "end_date");
        var span = TimeSpan.FromDays(MaxDays);
        var (f, t) = (from, to) switch
        {
            ({ } a, { } b) => (a, b),
            ({ } a, null) => (a, a + span),
            (null, { } b) => (b - span, b),
            _ => (now - span, now),
        };
        if (f > t) throw Open311Exception.BadRequest("start_date 晚于 end_date。");
        if (t - f > span) throw Open311Exception.BadRequest("start_date 与 end_date 相隔超过 {0} 天。", MaxDays);
        // Shown as whole seconds, so compared so: a time is inside when its whole second is at or after start's, at or before end's.
        return new Open311DateRange(CeilingSecond(f), FloorSecond(t).AddSeconds(1));
    }

    private static DateTime? Read(string? text, string name) =>
        text is null ? null : Open311Dates.Parse(text) ?? throw Open311Exception.BadRequest("{0} 不是 W3C 日期时间（例如 2026-11-01T00:00:00+08:00）。", name);

    private static DateTime? Within(DateTime? date, string name) =>
        date is null || (date >= EarliestDate && date < LatestDate) ? date : throw Open311Exception.BadRequest("{0} 须在 2000 年至 2100 年之间。", name);

    private static DateTime FloorSecond(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static DateTime CeilingSecond(DateTime utc) => utc.Ticks % TimeSpan.TicksPerSecond == 0 ? utc : FloorSecond(utc).AddSeconds(1);
}
