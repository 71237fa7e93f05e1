namespace Linli.Modules.Workforce.Contracts;

/// <summary>What a member of the community workforce is.</summary>
public enum WorkerRole
{
    /// <summary>社区工作者: full-time worker of an urban community.</summary>
    CommunityWorker = 1,
    /// <summary>村委会成员: member of a village committee (村“两委”).</summary>
    VillageCommitteeMember = 2,
}
