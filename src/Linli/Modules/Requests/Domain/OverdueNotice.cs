using Linli.Platform.Calendar;

namespace Linli.Modules.Requests.Domain;

/// <summary>How an overdue deadline is named in a ticket's history, by the watcher and by the synthetic history alike.</summary>
internal static class OverdueNotice
{
    public static string What(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Sign => "超期未签收",
        DeadlineKind.Finish => "超期未办结",
        _ => "超时未报到",
    };

    public static string Opinion(DeadlineKind kind, DateTime dueAtUtc) => $"{What(kind)}（时限 {WorkingCalendar.ToChina(dueAtUtc):yyyy-MM-dd HH:mm}）";
}
