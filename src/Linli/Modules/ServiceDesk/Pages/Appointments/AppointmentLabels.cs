using Linli.Modules.ServiceDesk.Domain.Appointments;

namespace Linli.Modules.ServiceDesk.Pages.Appointments;

/// <summary>The Chinese names of the appointments' states (resource keys; never a raw code on a page).</summary>
internal static class AppointmentLabels
{
    public static string Of(BookingState state) => state switch
    {
        BookingState.Booked => "已预约",
        BookingState.CheckedIn => "已签到",
        BookingState.Cancelled => "已取消",
        BookingState.Missed => "未到场",
        _ => "未知",
    };

    public static string Of(QueueEntryState state) => state switch
    {
        QueueEntryState.Waiting => "等候中",
        QueueEntryState.Called => "已叫号",
        QueueEntryState.Done => "已办理",
        QueueEntryState.Missed => "过号",
        _ => "未知",
    };

    public static string Of(QueueEntryKind kind) => kind == QueueEntryKind.Booking ? "预约" : "现场";

    public static readonly IReadOnlyList<string> All =
    [
        .. Enum.GetValues<BookingState>().Select(Of), .. Enum.GetValues<QueueEntryState>().Select(Of), .. Enum.GetValues<QueueEntryKind>().Select(Of), "未知",
    ];
}
