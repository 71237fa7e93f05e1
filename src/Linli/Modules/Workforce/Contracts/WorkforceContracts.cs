namespace Linli.Modules.Workforce.Contracts;

/// <summary>What a member of the community workforce is.</summary>
public enum WorkerRole
{
    /// <summary>社区工作者: full-time worker of an urban community who sits on no committee.</summary>
    CommunityWorker = 1,
    /// <summary>村民委员会成员: member of a villagers' committee (村“两委”).</summary>
    VillageCommitteeMember = 2,
    /// <summary>
    /// 居民委员会成员: member of an urban community's residents' committee. Committee members are full-time community workers
    /// too, so they count among the community workers (workforce.community_workers) as well as on their own.
    /// </summary>
    ResidentsCommitteeMember = 3,
}
