using Linli.Platform.Auth;

namespace Linli.Modules.Volunteering;

/// <summary>Who may read and keep the volunteer register and its orders; the endpoints, the pages and the navigation ask by these names.</summary>
internal static class VolunteeringPermissions
{
    /// <summary>Reading volunteers, orders and hours of the caller's area.</summary>
    public const string Read = "volunteering.read";
    /// <summary>Registering volunteers, posting, dispatching, completing and cancelling orders, correcting hours, within the caller's area.</summary>
    public const string Manage = "volunteering.manage";
    /// <summary>Taking a place on an order (接单): the volunteer for themselves, a worker for a volunteer of their area.</summary>
    public const string Claim = "volunteering.claim";
    /// <summary>Posting a need (点单): a resident for themselves, staff for a resident of their area.</summary>
    public const string Post = "volunteering.post";

    public static readonly Permission[] Declared =
    [
        new(Read, [Roles.CommunityWorker, Roles.GridWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator]),
        new(Manage, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff]),
        new(Claim, [Roles.Volunteer, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff]),
        new(Post, [Roles.Resident, Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff]),
    ];
}
