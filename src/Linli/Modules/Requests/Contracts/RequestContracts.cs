namespace Linli.Modules.Requests.Contracts;

/// <summary>How fast a ticket must be handled; each routing rule has deadlines for both.</summary>
public enum Urgency { Normal = 1, Urgent = 2 }

/// <summary>Where a ticket came from (来源渠道).</summary>
public enum Channel { Hotline = 1, Web = 2, MiniProgram = 3, GridPatrol = 4, Open311 = 5, Proactive = 6 }

/// <summary>The life of a ticket (工单状态).</summary>
public enum TicketState
{
    /// <summary>受理: taken in by the centre, not yet sent anywhere.</summary>
    Received = 1,
    /// <summary>派单: sent to a unit, waiting for it to sign.</summary>
    Dispatched = 2,
    /// <summary>退单: sent back to the centre by the unit, with a reason.</summary>
    Returned = 3,
    /// <summary>签收/办理中: signed for and being handled.</summary>
    InProgress = 4,
    /// <summary>挂起: handling paused with a reason; the finish deadline stops.</summary>
    Suspended = 5,
    /// <summary>答复: the unit has answered the resident; waiting for the visit back.</summary>
    Replied = 6,
    /// <summary>办结.</summary>
    Closed = 7,
    /// <summary>并单: a duplicate that follows an earlier ticket.</summary>
    Merged = 8,
}

/// <summary>The resident's verdict at the visit back (回访评价).</summary>
public enum Rating { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }
