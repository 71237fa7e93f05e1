using System.Security.Claims;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;

namespace Linli.Tests.Requests;

/// <summary>The one view rule of a ticket, on its own: what the reporter may not see, and who counts as the reporter.</summary>
public sealed class TicketViewRuleTests
{
    private static Ticket Ticket()
    {
        var t = new Ticket { Id = 1, Number = "20260301000001", Description = "路灯不亮", CommunityCode = "210102001002", Reply = "已修好" };
        t.Units.Add(new TicketUnit { Id = 1, UnitCode = "water", Role = UnitRole.Summoned, Report = "内部报到说明", ReportedAt = DateTime.UtcNow, ReportedBy = "王科长" });
        t.Units.Add(new TicketUnit { Id = 2, UnitCode = "gas", Role = UnitRole.Summoned, IsActive = false, WithdrawnAt = DateTime.UtcNow, WithdrawReason = "召集有误" });
        return t;
    }

    private static TicketAction[] Actions() =>
    [
        new() { Id = 1, UserName = "hotline", Action = TicketActionKind.Dispatch, Opinion = "内部备注", At = DateTime.UtcNow },
    ];

    [Fact]
    public void The_reporter_sees_steps_and_units_but_no_report_texts_staff_names_notes_or_withdrawal_reasons()
    {
        var view = TicketView.Of(Ticket(), TicketAudience.Reporter, Actions());
        Assert.Equal(["water", "gas"], view.Units.Select(u => u.UnitCode));
        Assert.Null(view.Units[0].Report);
        Assert.NotNull(view.Units[0].ReportedAt);
        Assert.Null(view.Units[0].ReportedBy);
        Assert.NotNull(view.Units[1].WithdrawnAt);
        Assert.Null(view.Units[1].WithdrawReason);
        var action = Assert.Single(view.Actions!);
        Assert.Equal(("Dispatch", null, null), (action.Action, action.UserName, action.Opinion));
        Assert.Equal("已修好", view.Reply);
    }

    [Fact]
    public void Staff_see_everything()
    {
        var view = TicketView.Of(Ticket(), TicketAudience.Staff, Actions());
        Assert.Equal(("内部报到说明", "王科长"), (view.Units[0].Report, view.Units[0].ReportedBy));
        Assert.Equal("召集有误", view.Units[1].WithdrawReason);
        Assert.Equal(("hotline", "内部备注"), (view.Actions![0].UserName, view.Actions[0].Opinion));
    }

    [Theory]
    [InlineData(Roles.Resident, false)]
    [InlineData(Roles.Volunteer, false)]
    [InlineData(null, false)]
    [InlineData(Roles.HotlineOperator, true)]
    [InlineData(Roles.GridWorker, true)]
    [InlineData(Roles.DepartmentStaff, true)]
    [InlineData(Roles.Supervisor, true)]
    public void Anyone_without_a_staff_role_is_shown_the_reporters_view(string? role, bool staff)
    {
        var expected = staff ? TicketAudience.Staff : TicketAudience.Reporter;
        var identity = new ClaimsIdentity(role is null ? [] : [new Claim(ClaimTypes.Role, role)], "test");
        Assert.Equal(expected, TicketViewRule.AudienceOf(new ClaimsPrincipal(identity)));
        Assert.Equal(expected, TicketViewRule.AudienceOf(new Actor("u", "u", role is null ? new HashSet<string>() : new HashSet<string> { role }, null, null)));
    }
}
