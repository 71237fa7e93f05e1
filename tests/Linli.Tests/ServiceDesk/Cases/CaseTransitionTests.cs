using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using static Linli.Modules.ServiceDesk.Domain.CaseState;
using A = Linli.Modules.ServiceDesk.Domain.Cases.CaseAction;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>
/// The case's state machine without HTTP or a database: every state × every action checked against the flow written
/// out below (收件 → 一次告知 → 受理/不予受理 → 转办 → 审查 ⇄ 中止 → 办结 → 出件), then who may act.
/// </summary>
public sealed class CaseTransitionTests
{
    // The oracle, written from the handling rules rather than read from the table: action → (from, to) pairs.
    private static readonly Dictionary<A, (CaseState From, CaseState To)[]> Expected = new()
    {
        [A.Notice] = [(Received, AwaitingCompletion)],
        [A.Complete] = [(AwaitingCompletion, Received)],
        [A.Accept] = [(Received, Accepted)],
        [A.Refuse] = [(Received, NotAccepted), (AwaitingCompletion, NotAccepted)],
        [A.AcceptByLaw] = [(Received, Accepted)],
        [A.Forward] = [(Accepted, Forwarded)],
        [A.Review] = [(Accepted, UnderReview), (Forwarded, UnderReview)],
        [A.Suspend] = [(UnderReview, Suspended)],
        [A.Resume] = [(Suspended, UnderReview)],
        [A.Extend] = [(Accepted, Accepted), (Forwarded, Forwarded), (UnderReview, UnderReview), (Suspended, Suspended)],
        [A.DecideExtension] = [(Accepted, Accepted), (Forwarded, Forwarded), (UnderReview, UnderReview), (Suspended, Suspended)],
        [A.Approve] = [(UnderReview, Approved)],
        [A.Reject] = [(UnderReview, Rejected)],
        [A.HandOver] = [(Approved, HandedOver), (Rejected, HandedOver)],
        [A.Proxy] = [(Received, Received), (AwaitingCompletion, AwaitingCompletion), (Accepted, Accepted)],
        [A.HomeVisit] = [(Received, Received), (AwaitingCompletion, AwaitingCompletion), (Approved, Approved), (Rejected, Rejected)],
    };

    // As numbers: the enums are internal to the product and a public test method cannot take them.
    public static TheoryData<int, int> Pairs()
    {
        var data = new TheoryData<int, int>();
        foreach (var state in Enum.GetValues<CaseState>())
        foreach (var action in Enum.GetValues<A>())
            data.Add((int)state, (int)action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_state_and_action_leads_where_the_flow_says_or_is_refused_with_the_current_state(int stateNumber, int actionNumber)
    {
        var (state, action) = ((CaseState)stateNumber, (A)actionNumber);
        var expected = Expected[action].Where(p => p.From == state).Select(p => (CaseState?)p.To).SingleOrDefault();
        Assert.Equal(expected, CaseTransitions.Next(state, action));
        var serviceCase = Case(state);
        if (expected is { } to)
        {
            Assert.Equal(to, CaseTransitions.Require(serviceCase, action));
            Assert.Contains(action, CaseTransitions.Allowed(state));
        }
        else
        {
            var conflict = Assert.Throws<ConflictException>(() => CaseTransitions.Require(serviceCase, action));
            Assert.Equal(state.ToString(), conflict.Details["state"]);
            Assert.DoesNotContain(action, CaseTransitions.Allowed(state));
        }
    }

    [Fact]
    public void Not_accepted_and_handed_over_are_final_and_the_clock_stops_only_while_waiting_or_suspended()
    {
        Assert.Equal([NotAccepted, HandedOver], Enum.GetValues<CaseState>().Where(CaseTransitions.IsFinal));
        Assert.Equal([AwaitingCompletion, Suspended], Enum.GetValues<CaseState>().Where(CaseTransitions.ClockStopped));
    }

    [Fact]
    public void The_window_steps_belong_to_the_accepting_community_and_the_decision_to_the_department()
    {
        var c = Case(UnderReview);
        var window = Worker(Roles.CommunityWorker, c.AcceptingCommunityCode);
        var home = Worker(Roles.CommunityWorker, c.HomeCommunityCode);
        var department = new CaseActor("d", "d", new HashSet<string> { Roles.DepartmentStaff }, null, c.DepartmentCode);
        var otherDepartment = new CaseActor("o", "o", new HashSet<string> { Roles.DepartmentStaff }, null, "other");
        var district = Worker(Roles.DistrictStaff, c.AcceptingCommunityCode[..6]);

        Assert.True(CaseRules.MayAct(A.Approve, department, c, CommunitySteps.Receive));
        Assert.False(CaseRules.MayAct(A.Approve, otherDepartment, c, CommunitySteps.Receive));
        Assert.False(CaseRules.MayAct(A.Approve, window, c, CommunitySteps.Receive));
        Assert.True(CaseRules.MayAct(A.Approve, window, c, CommunitySteps.Receive | CommunitySteps.Decide));
        Assert.True(CaseRules.MayAct(A.Accept, window, c, CommunitySteps.Receive));
        Assert.False(CaseRules.MayAct(A.Accept, home, c, CommunitySteps.Receive));
        Assert.False(CaseRules.MayAct(A.Accept, department, c, CommunitySteps.Receive));
        Assert.True(CaseRules.MayAct(A.DecideExtension, district, c, CommunitySteps.Receive));
        Assert.False(CaseRules.MayAct(A.DecideExtension, window, c, CommunitySteps.Receive));
        Assert.False(CaseRules.MayAct(A.Accept, CaseActor.System, c, CommunitySteps.Receive));
        Assert.True(CaseRules.MayAct(A.AcceptByLaw, CaseActor.System, c, CommunitySteps.Receive));

        c.ProxyUserId = "proxy";
        Assert.True(CaseRules.MayAct(A.Accept, Worker(Roles.CommunityWorker, "210102002001", "proxy"), c, CommunitySteps.Receive));
    }

    // Each kind of actor, with what the handling rules give them (written out, not read from CaseRules).
    private static readonly (string Kind, CaseActor Actor, A[] Theirs)[] Actors =
    [
        ("accepting worker", Worker(Roles.CommunityWorker, "210124100201"),
            [A.Notice, A.Complete, A.Accept, A.Refuse, A.Forward, A.HandOver, A.Proxy, A.HomeVisit]),
        ("home worker", Worker(Roles.CommunityWorker, "210102001002"), [A.Proxy, A.HomeVisit]),
        ("proxy", Worker(Roles.CommunityWorker, "210102002001", "proxy"),
            [A.Notice, A.Complete, A.Accept, A.Refuse, A.Forward, A.HandOver, A.Proxy, A.HomeVisit]),
        ("department", new CaseActor("d", "d", new HashSet<string> { Roles.DepartmentStaff }, null, "civil"),
            [A.Review, A.Suspend, A.Resume, A.Extend, A.Approve, A.Reject]),
        // The street over the accepting community is region staff there too: the window's steps and the extension's decision.
        ("street", Worker(Roles.StreetStaff, "210124100"),
            [A.Notice, A.Complete, A.Accept, A.Refuse, A.Forward, A.HandOver, A.Proxy, A.HomeVisit, A.DecideExtension]),
    ];

    public static TheoryData<int, int> StatesAndActors()
    {
        var data = new TheoryData<int, int>();
        foreach (var state in Enum.GetValues<CaseState>())
        for (var actor = 0; actor < Actors.Length; actor++)
            data.Add((int)state, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(StatesAndActors))]
    public void What_a_page_offers_is_exactly_what_the_workflow_lets_the_actor_do(int stateNumber, int actorIndex)
    {
        var (kind, actor, theirs) = Actors[actorIndex];
        foreach (var (extension, eligible) in new[] { ("none", true), ("pending", false), ("decided", true), ("none", false) })
        {
            var c = Case((CaseState)stateNumber);
            c.ProxyUserId = "proxy";
            c.HomeVisitEligible = eligible;
            if (extension != "none") c.ExtensionRequestedAt = DateTime.UnixEpoch;
            if (extension == "decided") c.ExtensionDecidedAt = DateTime.UnixEpoch;
            var offered = CaseRules.Offered(actor, c, CommunitySteps.Receive);
            foreach (var action in Enum.GetValues<A>())
            {
                var permitted = Permits(action, actor, c);
                Assert.True(offered.Contains(action) == permitted, $"{kind}, {c.State}, extension {extension}, eligible {eligible}: {action} offered {offered.Contains(action)}, workflow {permitted}");
                var expected = action != A.AcceptByLaw && CaseTransitions.Next(c.State, action) is not null && theirs.Contains(action)
                               && (action != A.Extend || extension == "none")
                               && (action != A.DecideExtension || extension == "pending")
                               && (action != A.HomeVisit || eligible);
                Assert.True(expected == permitted, $"{kind}, {c.State}, extension {extension}, eligible {eligible}: {action} expected {expected}, workflow {permitted}");
            }
        }
    }

    // The workflow's gate: every step passes CaseRules.Ensure, which throws 409 or 403 when the step is not the actor's now.
    private static bool Permits(A action, CaseActor actor, ServiceCase c)
    {
        try
        {
            CaseRules.Ensure(action, actor, c, CommunitySteps.Receive);
            return true;
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException)
        {
            return false;
        }
    }

    [Fact]
    public void A_second_notice_may_repeat_what_the_first_asked_but_not_add_to_it_unless_the_item_changed()
    {
        var first = new CaseNotice { Number = "n-1", ItemVersionId = 7, IssuedByUserId = "u", IssuedByName = "u",
            Items = [new CaseNoticeItem { MaterialId = 1, Name = "户口簿", Reason = "缺少" }, new CaseNoticeItem { MaterialId = 2, Name = "照片", Reason = "模糊" }] };
        Assert.Empty(MaterialRules.NewDemands([], [1, 2, 3], 7));
        Assert.Empty(MaterialRules.NewDemands([first], [2], 7));
        Assert.Equal([3L], MaterialRules.NewDemands([first], [2, 3], 7));
        Assert.Empty(MaterialRules.NewDemands([first], [2, 3], 8));
    }

    [Fact]
    public void Only_a_mandatory_material_neither_received_supplied_nor_promised_blocks_acceptance()
    {
        static CaseMaterial M(MaterialStatus s, bool mandatory = true, bool later = false, bool committed = false) =>
            new() { Name = "m", Status = s, Mandatory = mandatory, AcceptLater = later, CommitmentDueAt = committed ? DateTime.UtcNow : null };
        Assert.True(MaterialRules.BlocksAcceptance(M(MaterialStatus.Missing)));
        Assert.True(MaterialRules.BlocksAcceptance(M(MaterialStatus.Defective)));
        Assert.False(MaterialRules.BlocksAcceptance(M(MaterialStatus.Missing, mandatory: false)));
        Assert.False(MaterialRules.BlocksAcceptance(M(MaterialStatus.Received)));
        Assert.False(MaterialRules.BlocksAcceptance(M(MaterialStatus.Supplied)));
        Assert.False(MaterialRules.BlocksAcceptance(M(MaterialStatus.Deferred, later: true, committed: true)));
        Assert.True(MaterialRules.BlocksAcceptance(M(MaterialStatus.Deferred, later: true, committed: false)));
        Assert.True(MaterialRules.BlocksAcceptance(M(MaterialStatus.Deferred, later: false, committed: true)));
    }

    private static CaseActor Worker(string role, string area, string id = "w") => new(id, id, new HashSet<string> { role }, area, null);

    private static ServiceCase Case(CaseState state) => new()
    {
        Number = "20261201000001", State = state, ApplicantName = "张三", ApplicantIdCipher = [], ApplicantIdHash = [], ApplicantIdMasked = "2101**************",
        AcceptingCommunityCode = "210124100201", HomeCommunityCode = "210102001002", DepartmentCode = "civil", OwnerUserId = "owner", OwnerName = "owner",
    };
}
