using Linli.Platform.Notifications;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>A notification about a case in the module's outbox, written in the same transaction as the step it reports.</summary>
internal sealed class CaseMessage : OutboxMessage
{
    public const string Kind = "service-case";

    public long? CaseId { get; set; }
    /// <summary>Set when queued with a case not yet saved (intake); EF fills <see cref="CaseId"/> in the same SaveChanges.</summary>
    public ServiceCase? Case { get; set; }

    public override string? AboutKind => CaseId is null ? null : Kind;
    public override long? AboutId => CaseId;
}
