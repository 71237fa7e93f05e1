namespace Linli.Modules.Residents.Contracts;

/// <summary>
/// What the volunteer register needs of a resident to register them (志愿服务记录办法: real name, one registration per
/// person): the resident's id (the pool holds one resident per ID number, so one registration per resident is one per
/// ID number), real name and community. Never a number, masked or not.
/// </summary>
public sealed record VolunteerResident(long ResidentId, string CommunityCode, string Name);

/// <summary>Reads residents for the volunteer register, within the caller's area scope: outside it a resident does not exist.</summary>
public interface IVolunteerResidents
{
    Task<VolunteerResident?> FindAsync(long residentId, CancellationToken cancellationToken = default);
}
