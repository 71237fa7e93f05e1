using Linli.Modules.Volunteering.Domain;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Volunteering;

/// <summary>The order's state machine as a table, without a database.</summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed class OrderTransitionTests
{
    [Theory]
    [InlineData("Open", "Dispatch", "Dispatched")]
    [InlineData("Open", "Cancel", "Cancelled")]
    [InlineData("Dispatched", "Claim", "Dispatched")]
    [InlineData("Dispatched", "Fill", "Claimed")]
    [InlineData("Dispatched", "Complete", "Done")]
    [InlineData("Dispatched", "Cancel", "Cancelled")]
    [InlineData("Claimed", "Complete", "Done")]
    [InlineData("Claimed", "Cancel", "Cancelled")]
    public void Each_legal_move_leads_to_its_state(string from, string action, string to) =>
        Assert.Equal(Enum.Parse<OrderState>(to), OrderTransitions.Next(Enum.Parse<OrderState>(from), Enum.Parse<OrderAction>(action)));

    [Fact]
    public void Every_other_move_is_refused()
    {
        var legal = new HashSet<(OrderState, OrderAction)>
        {
            (OrderState.Open, OrderAction.Dispatch), (OrderState.Open, OrderAction.Cancel), (OrderState.Dispatched, OrderAction.Claim),
            (OrderState.Dispatched, OrderAction.Fill), (OrderState.Dispatched, OrderAction.Complete), (OrderState.Dispatched, OrderAction.Cancel),
            (OrderState.Claimed, OrderAction.Complete), (OrderState.Claimed, OrderAction.Cancel),
        };
        foreach (var state in Enum.GetValues<OrderState>())
        foreach (var action in Enum.GetValues<OrderAction>())
        {
            Assert.Equal(legal.Contains((state, action)), OrderTransitions.Allows(state, action));
            if (!legal.Contains((state, action))) Assert.Null(OrderTransitions.Next(state, action));
        }
    }

    [Fact]
    public void An_open_order_cannot_be_claimed_before_the_community_dispatches_it()
    {
        Assert.False(OrderTransitions.Allows(OrderState.Open, OrderAction.Claim));
        Assert.Equal(OrderState.Dispatched, OrderTransitions.ClaimableState);
    }

    [Theory]
    [InlineData(1, 3, "Dispatched")]
    [InlineData(2, 3, "Dispatched")]
    [InlineData(3, 3, "Claimed")]
    [InlineData(1, 1, "Claimed")]
    public void A_claim_fills_the_order_only_with_its_last_place(int claimedAfter, int capacity, string expected) =>
        Assert.Equal(Enum.Parse<OrderState>(expected), OrderTransitions.AfterClaim(claimedAfter, capacity));

    [Fact]
    public void Done_and_cancelled_are_final()
    {
        Assert.True(OrderTransitions.IsFinal(OrderState.Done));
        Assert.True(OrderTransitions.IsFinal(OrderState.Cancelled));
        Assert.False(OrderTransitions.IsFinal(OrderState.Open));
        Assert.False(OrderTransitions.IsFinal(OrderState.Claimed));
    }
}
