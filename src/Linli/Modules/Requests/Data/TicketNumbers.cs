using Linli.Modules.Requests.Domain;
using Linli.Platform.Numbering;

namespace Linli.Modules.Requests.Data;

/// <summary>Ticket numbers (20260929000017): the platform's daily numbers over the module's counter table.</summary>
internal sealed class TicketNumbers() : DailyNumbers<TicketNumberCounter>("");
