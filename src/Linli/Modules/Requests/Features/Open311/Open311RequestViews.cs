using System.Globalization;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>Tickets as the spec's request elements.</summary>
internal static class Open311RequestViews
{
    public static async Task<O311List> ListAsync(IReadOnlyList<Ticket> tickets, RequestsDbContext db, Open311Catalog catalog,
        WorkingCalendar calendar, CancellationToken ct)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var ruleIds = tickets.Select(t => t.RoutingRuleId).Distinct().ToList();
        var categoryIds = tickets.Select(t => t.CategoryId).Distinct().ToList();
        var rules = tickets.Count == 0 ? [] : await db.RoutingRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var names = tickets.Count == 0 ? [] : await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var media = tickets.Count == 0 ? [] : await db.Open311Submissions.AsNoTracking().Where(s => ids.Contains(s.TicketId) && s.MediaUrl != null)
            .ToDictionaryAsync(s => s.TicketId, s => s.MediaUrl, ct);
        var agencies = tickets.Count == 0 ? [] : await catalog.DepartmentNamesAsync(ct);
        var communities = tickets.Count == 0 ? [] : (await catalog.CommunitiesAsync(ct)).Names;
        return new O311List("service_requests", "request", tickets.Select(t =>
        {
            var rule = rules[t.RoutingRuleId];
            return (object?)new O311Object("request")
                .Add("service_request_id", t.Number)
                .Add("status", Open311Catalog.StatusOf(t.State))
                .Add("status_notes", Open311Catalog.NotesOf(t.State))
                .Add("service_name", names.GetValueOrDefault(t.CategoryId))
                .Add("service_code", t.CategoryId.ToString(CultureInfo.InvariantCulture))
                .Add("description", t.Description)
                .Add("agency_responsible", t.AssignedUnitCode is { } unit && t.State != TicketState.Returned
                    ? (Recipients.IsRegionCode(unit) ? communities.GetValueOrDefault(unit, unit) : agencies.GetValueOrDefault(unit, unit))
                    : Open311Services.Agency(rule, t.CommunityCode, agencies, communities))
                .Add("service_notice", null)
                .Add("requested_datetime", t.CreatedAt)
                .Add("updated_datetime", t.UpdatedAt)
                .Add("expected_datetime", Open311Services.Expected(t, rule, calendar))
                // The community, never the street address the submitter typed; the point to about 100 m.
                .Add("address", communities.GetValueOrDefault(t.CommunityCode))
                .Add("address_id", t.GridCode ?? t.CommunityCode)
                .Add("zipcode", null)
                .Add("lat", Coarse(t.Latitude))
                .Add("long", Coarse(t.Longitude))
                .Add("media_url", media.GetValueOrDefault(t.Id));
        }).ToList());
    }

    /// <summary>A coordinate to 3 decimals (about 100 m), so a public request does not point at a door.</summary>
    public static double? Coarse(double? degrees) => degrees is { } d ? Math.Round(d, 3, MidpointRounding.AwayFromZero) : null;
}
