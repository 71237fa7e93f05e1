using System.ComponentModel.DataAnnotations;
using Linli.Modules.Volunteering.Domain;

namespace Linli.Modules.Volunteering.Features.Orders;

/// <summary>A need posted for volunteers (点单): in which community, what skill, what, when, and how many volunteers.</summary>
internal sealed record PostOrderRequest(
    [property: Required, RegularExpression(@"^\d{12}$", ErrorMessage = "社区代码应为 12 位数字。")] string? CommunityCode,
    [property: Required] Skill? Skill,
    [property: Required, MaxLength(100)] string? Title,
    [property: MaxLength(1000)] string? Description,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required] DateTimeOffset? EndsAt,
    [property: Range(1, 100)] int? Capacity,
    long? ResidentId);

internal sealed record ClaimOrderRequest(long? VolunteerId);

internal sealed record CancelOrderRequest([property: Required, MaxLength(200)] string? Reason);

internal sealed record ClaimItem(long VolunteerId, string Name, DateTime ClaimedAt);

/// <summary>An order as the API shows it, with the places left and who took them.</summary>
internal sealed record OrderDetails(
    long Id, string CommunityCode, Skill Skill, string SkillLabel, string Title, string? Description, DateTime StartsAt, DateTime EndsAt,
    int Capacity, int Claimed, int PlacesLeft, OrderState State, IReadOnlyList<OrderAction> Allowed, DateTime PostedAt, DateTime? DispatchedAt,
    DateTime? CompletedAt, DateTime? CancelledAt, string? CancelReason, IReadOnlyList<ClaimItem> Claims)
{
    public static OrderDetails Of(VolunteerOrder o, IReadOnlyList<ClaimItem> claims) => new(o.Id, o.CommunityCode, o.Skill, Skills.Label(o.Skill), o.Title,
        o.Description, o.StartsAt, o.EndsAt, o.Capacity, o.Claimed, Math.Max(0, o.Capacity - o.Claimed), o.State,
        Enum.GetValues<OrderAction>().Where(a => OrderTransitions.Allows(o.State, a)).ToList(), o.PostedAt, o.DispatchedAt, o.CompletedAt, o.CancelledAt,
        o.CancelReason, claims);
}

internal sealed record OrderItem(long Id, string CommunityCode, Skill Skill, string Title, DateTime StartsAt, DateTime EndsAt, int Capacity, int Claimed, OrderState State);
