using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.ContractImplementations;

/// <summary>
/// A care follow-up goes through the one intake every channel shares (<see cref="FileTicketHandler"/>): a grid or
/// community worker's filing is a patrol finding of their area, routed by the category's rule like any other.
/// </summary>
internal sealed class CareFollowUps(RequestsDbContext db, FileTicketHandler handler, IHttpContextAccessor http, IAreaScope scope) : ICareFollowUps
{
    public async Task<CareFollowUpTicket> OpenAsync(CareFollowUp followUp, CancellationToken cancellationToken = default)
    {
        var categoryId = await db.Categories.AsNoTracking().Where(c => c.SeedKey == ICareFollowUps.CategoryKey).Select(c => (int?)c.Id)
                             .FirstOrDefaultAsync(cancellationToken)
                         ?? throw new ConflictException("关爱探访的跟进分类（民政/社会救助/其他）不存在，无法生成工单。");
        var request = new FileTicketRequest(followUp.Description[..Math.Min(followUp.Description.Length, RequestLimits.Description)], categoryId,
            followUp.Urgent ? Urgency.Urgent : Urgency.Normal, CommunityCode: followUp.CommunityCode, GridCode: followUp.GridCode);
        FileTicketHandler.Validate(request);
        var filed = await handler.HandleAsync(request, Actor.From(http.HttpContext?.User, scope), cancellationToken);
        return new CareFollowUpTicket(filed.Ticket.Id, filed.Ticket.Number);
    }
}
