using System.Globalization;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Platform.Calendar;
using Linli.Platform.Notifications;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsShared;

/// <summary>The messages a booking's resident receives, written to the outbox in the transaction of the change they report.</summary>
internal static class AppointmentNotices
{
    private static string When(DateTime startsAtUtc) =>
        WorkingCalendar.ToChina(startsAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static AppointmentMessage To(Booking booking, string subject, string body, DateTime now) => new()
    {
        BookingId = booking.Id, Recipient = NotificationAddress.User(booking.ResidentUserId), Subject = subject, Body = body, CreatedAt = now,
    };

    public static AppointmentMessage Booked(Booking booking, string itemName, DateTime now) =>
        To(booking, "预约成功", $"您已预约 {When(booking.StartsAt)} 到社区窗口办理“{itemName}”，预约号 {booking.Id}。请按办事指南带齐材料。", now);

    public static AppointmentMessage Reminder(Booking booking, string itemName, DateTime now) =>
        To(booking, "预约提醒", $"提醒：您预约了 {When(booking.StartsAt)} 到社区窗口办理“{itemName}”，预约号 {booking.Id}。请按办事指南带齐材料；不能前来请提前取消。", now);

    public static AppointmentMessage Moved(Booking booking, string itemName, DateTime fromUtc, string reason, DateTime now) =>
        To(booking, "预约已改期", $"因{reason}，您 {When(fromUtc)} 办理“{itemName}”的预约已改到 {When(booking.StartsAt)}，预约号 {booking.Id}。如不方便可取消后重新预约。", now);

    public static AppointmentMessage Cancelled(Booking booking, string itemName, string reason, DateTime now) =>
        To(booking, "预约已取消", $"因{reason}，您 {When(booking.StartsAt)} 办理“{itemName}”的预约已取消，且当天之后暂无空余时段。请重新预约，给您带来不便，敬请谅解。", now);
}
