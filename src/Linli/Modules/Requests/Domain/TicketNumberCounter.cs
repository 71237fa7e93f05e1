using Linli.Platform.Numbering;

namespace Linli.Modules.Requests.Domain;

/// <summary>Per-day counter behind ticket numbers.</summary>
internal sealed class TicketNumberCounter : DailyNumberCounter;
