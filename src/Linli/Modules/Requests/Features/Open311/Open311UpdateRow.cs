using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>One status change or reply of a public request, as GET servicerequestupdates lists it.</summary>
internal sealed record Open311UpdateRow(long Id, string Number, TicketActionKind Action, TicketState ToState, DateTime At, string? Opinion);
