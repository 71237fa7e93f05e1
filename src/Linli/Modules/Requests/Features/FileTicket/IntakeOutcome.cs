using Linli.Platform.Idempotency;

namespace Linli.Modules.Requests.Features.FileTicket;

/// <summary>What intake answers: the ticket just filed, or — for a repeat under the same key — the first answer.</summary>
internal sealed record IntakeOutcome(FiledTicket? Filed, IdempotentAnswer? Earlier);
