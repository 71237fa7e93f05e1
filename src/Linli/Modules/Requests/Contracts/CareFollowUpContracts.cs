namespace Linli.Modules.Requests.Contracts;

/// <summary>
/// A follow-up of a care visit (关爱探访) whose finding is that the resident needs help: filed as a patrol finding of the
/// visitor in the resident's community (and grid), under the social-assistance category, so the community handles it
/// like any other request. No personal number travels with it.
/// </summary>
public sealed record CareFollowUp(string CommunityCode, string? GridCode, string Description, bool Urgent);

/// <summary>The ticket a follow-up opened.</summary>
public sealed record CareFollowUpTicket(long TicketId, string Number);

/// <summary>Opens tickets in Requests for the Care module's follow-ups, as the signed-in visitor.</summary>
public interface ICareFollowUps
{
    /// <summary>The category the follow-ups are filed under (民政/社会救助/其他, by its seed key).</summary>
    const string CategoryKey = "民政/社会救助/其他";

    Task<CareFollowUpTicket> OpenAsync(CareFollowUp followUp, CancellationToken cancellationToken = default);
}
