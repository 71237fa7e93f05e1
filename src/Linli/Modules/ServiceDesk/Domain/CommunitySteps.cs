namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>The steps of an item done at the community (社区环节); the rest happens in the deciding department.</summary>
[Flags]
internal enum CommunitySteps
{
    None = 0,
    /// <summary>收件.</summary>
    Receive = 1,
    /// <summary>受理.</summary>
    Accept = 2,
    /// <summary>审查.</summary>
    Review = 4,
    /// <summary>办结.</summary>
    Decide = 8,
    /// <summary>出件.</summary>
    HandOver = 16,
}
