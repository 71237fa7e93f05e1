namespace Linli.Modules.Volunteering.Domain;

/// <summary>Where an order (点单) stands: posted, dispatched open for claiming, every place taken, served, or cancelled.</summary>
internal enum OrderState
{
    /// <summary>点单: posted by a resident or a worker on a resident's behalf, waiting for the community.</summary>
    Open = 1,
    /// <summary>派单: the community opened it for claiming; places are left.</summary>
    Dispatched = 2,
    /// <summary>接单: every place is taken.</summary>
    Claimed = 3,
    /// <summary>完成: served; the hours are in the ledger.</summary>
    Done = 4,
    Cancelled = 5,
}

internal enum OrderAction { Dispatch = 1, Claim, Fill, Complete, Cancel }

/// <summary>
/// The order's one state machine, a table used by the endpoints, the page and the claim's conditional update alike.
/// A claim keeps an order <see cref="OrderState.Dispatched"/> until its last place is taken (<see cref="OrderAction.Fill"/>);
/// an order may be completed once at least one volunteer took it, whether or not every place was taken.
/// </summary>
internal static class OrderTransitions
{
    private static readonly Dictionary<(OrderState From, OrderAction Action), OrderState> Table = new()
    {
        [(OrderState.Open, OrderAction.Dispatch)] = OrderState.Dispatched,
        [(OrderState.Open, OrderAction.Cancel)] = OrderState.Cancelled,
        [(OrderState.Dispatched, OrderAction.Claim)] = OrderState.Dispatched,
        [(OrderState.Dispatched, OrderAction.Fill)] = OrderState.Claimed,
        [(OrderState.Dispatched, OrderAction.Complete)] = OrderState.Done,
        [(OrderState.Dispatched, OrderAction.Cancel)] = OrderState.Cancelled,
        [(OrderState.Claimed, OrderAction.Complete)] = OrderState.Done,
        [(OrderState.Claimed, OrderAction.Cancel)] = OrderState.Cancelled,
    };

    public static bool Allows(OrderState from, OrderAction action) => Table.ContainsKey((from, action));

    /// <summary>The state after <paramref name="action"/>, or null when the table has no such move.</summary>
    public static OrderState? Next(OrderState from, OrderAction action) => Table.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>The states from which <paramref name="action"/> may be taken (for a conditional update's WHERE).</summary>
    public static IReadOnlyList<OrderState> From(OrderAction action) => Table.Keys.Where(k => k.Action == action).Select(k => k.From).ToList();

    /// <summary>The one state a claim is taken from; the claim's conditional UPDATE matches it, so a claim on any other state changes no row.</summary>
    public static OrderState ClaimableState => From(OrderAction.Claim).Single();

    /// <summary>The state after a claim that takes place number <paramref name="claimedAfter"/> of <paramref name="capacity"/>.</summary>
    public static OrderState AfterClaim(int claimedAfter, int capacity) =>
        Next(ClaimableState, claimedAfter >= capacity ? OrderAction.Fill : OrderAction.Claim)!.Value;

    public static bool IsFinal(OrderState state) => Enum.GetValues<OrderAction>().All(a => !Allows(state, a));
}
