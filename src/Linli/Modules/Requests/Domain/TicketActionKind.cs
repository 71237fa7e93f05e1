namespace Linli.Modules.Requests.Domain;

internal enum TicketActionKind
{
    File = 1, Dispatch, Sign, Return, AddCoHandlers, RequestExtension, ApproveExtension, RefuseExtension, Suspend, Resume,
    Whistle, ReportIn, Reply, Evaluate, Reopen, Close, AnswerDirectly, Merge, Overdue,
    /// <summary>A comment from the resident's side (through an Open311 client): in the history for the handling unit; changes nothing.</summary>
    Comment,
    WithdrawSummons, ReportInOnBehalf, ChangeCategory, RouteToCommunity,
}
