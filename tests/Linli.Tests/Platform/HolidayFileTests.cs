using System.Text;
using Linli.Platform.Calendar;

namespace Linli.Tests.Platform;

/// <summary>The holiday notice's two formats and its rules, as the import and the page use them.</summary>
public sealed class HolidayFileTests
{
    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_shipped_file_reads_with_its_chinese_names()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "data", "china-holidays-2004-2026.json"));
        var (entries, errors) = HolidayFile.ParseJson(stream);
        Assert.Empty(errors);
        Assert.Contains(new HolidayEntry(new DateOnly(2026, 10, 1), HolidayKind.Holiday, "国庆节"), entries);
        Assert.Contains(entries, e => e.Date == new DateOnly(2026, 10, 10) && e.Kind == HolidayKind.Workday);
    }

    [Fact]
    public void A_csv_notice_reads_holidays_and_weekend_days_worked_in_english_or_chinese_words()
    {
        var (entries, errors) = HolidayFile.ParseCsv(Utf8("\uFEFFdate,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,放假,春节\n2027-02-20,调休上班,春节\n\n"));
        Assert.Empty(errors);
        Assert.Equal(
            [new(new DateOnly(2027, 1, 1), HolidayKind.Holiday, "元旦"), new(new DateOnly(2027, 2, 6), HolidayKind.Holiday, "春节"), new(new DateOnly(2027, 2, 20), HolidayKind.Workday, "春节")],
            entries);
    }

    [Fact]
    public void Csv_and_json_exports_import_again_unchanged()
    {
        HolidayEntry[] days = [new(new DateOnly(2027, 1, 1), HolidayKind.Holiday, "元旦"), new(new DateOnly(2027, 2, 20), HolidayKind.Workday, "春节, 调休")];
        Assert.Equal(days, HolidayFile.ParseCsv(new MemoryStream(HolidayFile.ToCsv(days))).Entries);
        Assert.Equal(days, HolidayFile.ParseJson(Utf8(HolidayFile.ToJson(days))).Entries);
    }

    [Fact]
    public void A_bad_line_is_reported_by_its_number_and_nothing_is_taken_from_a_file_without_the_header()
    {
        var (_, errors) = HolidayFile.ParseCsv(Utf8("date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,错\n2027-01-02,rest,错\n"));
        Assert.Equal([3, 4], errors.Select(e => e.Line));
        var (entries, noHeader) = HolidayFile.ParseCsv(Utf8("2027-01-01,holiday,元旦\n"));
        Assert.Empty(entries);
        Assert.Equal(1, Assert.Single(noHeader).Line);
        Assert.NotEmpty(HolidayFile.ParseJson(Utf8("{ not json")).Errors);
    }

    [Fact]
    public void A_weekday_cannot_be_a_weekend_day_worked_instead_and_a_day_is_listed_once()
    {
        Assert.Single(HolidayRules.Check([new(new DateOnly(2027, 2, 22), HolidayKind.Workday, "")])); // a Monday
        Assert.Empty(HolidayRules.Check([new(new DateOnly(2027, 2, 20), HolidayKind.Workday, "")])); // a Saturday
        Assert.Single(HolidayRules.Check([new(new DateOnly(2027, 1, 1), HolidayKind.Holiday, "元旦"), new(new DateOnly(2027, 1, 1), HolidayKind.Workday, "")]),
            e => e.Message.Contains("不止一次"));
    }

    [Fact]
    public void A_range_of_the_form_is_one_entry_a_day_within_the_year_and_a_month()
    {
        var (days, errors) = HolidayRules.Range(new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 12), HolidayKind.Holiday, " 春节 ", 2027);
        Assert.Empty(errors);
        Assert.Equal(7, days.Count);
        Assert.All(days, d => Assert.Equal("春节", d.Name));
        Assert.NotEmpty(HolidayRules.Range(new DateOnly(2027, 2, 12), new DateOnly(2027, 2, 6), HolidayKind.Holiday, "", 2027).Errors);
        Assert.NotEmpty(HolidayRules.Range(new DateOnly(2027, 12, 30), new DateOnly(2028, 1, 2), HolidayKind.Holiday, "", 2027).Errors);
        Assert.NotEmpty(HolidayRules.Range(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 1), HolidayKind.Holiday, "", 2027).Errors);
    }
}

/// <summary>How a stored due time moves when the holidays change: by the office time left from now, under the new days.</summary>
public sealed class WorkingCalendarChangeTests
{
    private static readonly HolidayEntry[] Shipped = [new(new DateOnly(2026, 10, 1), HolidayKind.Holiday, "国庆节")];
    private static readonly WorkingCalendar Before = new(Shipped);

    private static DateTime China(int y, int m, int d, int h = 0, int min = 0) => WorkingCalendar.ToUtc(new DateTime(y, m, d, h, min, 0));

    private static WorkingCalendarChange Change(DateTime now, params HolidayEntry[] added) =>
        new(1, Before, Before.With([.. Shipped, .. added]), added.Min(a => a.Date), now);

    [Fact]
    public void A_new_holiday_before_a_deadline_pushes_it_back_by_that_day()
    {
        var now = China(2026, 12, 30, 10);
        var due = Before.AddWorkingDays(now, 5); // Thu 31, Fri 1 Jan (not known yet), Mon 4, Tue 5, Wed 6 Jan
        Assert.Equal(China(2027, 1, 6, 17, 30), due);
        var change = Change(now, new HolidayEntry(new DateOnly(2027, 1, 1), HolidayKind.Holiday, "元旦"));
        Assert.Equal(China(2027, 1, 7, 17, 30), change.Move(due));
        // The same as computing it afresh under the new days.
        Assert.Equal(change.After.AddWorkingDays(now, 5), change.Move(due));
    }

    [Fact]
    public void A_weekend_day_worked_instead_brings_a_deadline_forward()
    {
        var now = China(2027, 1, 6, 10); // Wednesday
        var due = Before.AddWorkingTime(now, TimeSpan.FromHours(20)); // 7.5 h Wed, 9 h Thu, 3.5 h Fri: Fri 8 Jan 12:00
        Assert.Equal(China(2027, 1, 8, 12), due);
        var change = Change(now, new HolidayEntry(new DateOnly(2027, 1, 7), HolidayKind.Holiday, "假"), new HolidayEntry(new DateOnly(2027, 1, 9), HolidayKind.Workday, "班"));
        // Thursday off, Saturday worked: Wed 7.5 h, Fri 9 h, Sat 3.5 h.
        Assert.Equal(China(2027, 1, 9, 12), change.Move(due));
    }

    [Fact]
    public void Deadlines_passed_or_before_the_first_changed_day_do_not_move()
    {
        var now = China(2026, 12, 30, 10);
        var change = Change(now, new HolidayEntry(new DateOnly(2027, 1, 4), HolidayKind.Holiday, "假"));
        Assert.Equal(China(2026, 12, 29, 17, 30), change.Move(China(2026, 12, 29, 17, 30)));
        Assert.Equal(China(2027, 1, 1, 17, 30), change.Move(China(2027, 1, 1, 17, 30)));
        Assert.Null(change.Move(null));
    }
}
