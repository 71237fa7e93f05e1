using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.PostRequest;

/// <summary>
/// POST requests.{format} (form-encoded): an Open311 client files a request with its api_key. The place is lat/long, or
/// address_id (a 12-digit community or 15-digit grid code), or an address_string naming a community. It goes through the
/// same intake as every other channel (channel Open311); the ticket number is the service_request_id, and a token is
/// given too. The contact (email, names) is kept encrypted; the phone like every channel's.
/// </summary>
internal static partial class PostRequestEndpoint
{
    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{1,60}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[0-9]{12}([0-9]{3})?$")]
    private static partial Regex RegionCode();

    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapPost("/requests.{format}", async Task<Open311Result> (string format, HttpContext http, RequestsDbContext db, TicketIntake intake,
                IPersonalDataProtector protector, IntakeCommitter committer, Open311KeyCache keys, Open311Catalog catalog, IDepartmentDirectory departments, WorkingCalendar calendar,
                CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType) throw Open311Exception.BadRequest("Send the request form-encoded (application/x-www-form-urlencoded).");
                var form = await http.Request.ReadFormAsync(ct);
                string? Field(string name) => form[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
                string? Bounded(string name, int max) =>
                    Field(name) is { } v && v.Length > max ? throw Open311Exception.BadRequest($"{name} is longer than {max} characters.") : Field(name);

                var client = await keys.ClientAsync(db, Field("api_key"), ct);

                var code = Field("service_code") ?? throw Open311Exception.BadRequest("service_code is required.");
                if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var categoryId))
                    throw Open311Exception.NotFound($"No service '{code}'.");

                // The place: a point, a region code, or a community named in the address.
                double? lat = null, lon = null;
                if (Field("lat") is not null || Field("long") is not null)
                {
                    if (!double.TryParse(Field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90 ||
                        !double.TryParse(Field("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
                        throw Open311Exception.BadRequest("lat and long must both be given as decimal degrees (WGS84).");
                    (lat, lon) = (la, lo);
                }
                var address = Bounded("address_string", RequestLimits.Address);
                var addressId = Bounded("address_id", Open311Mapping.IdLength);
                string? community = null, grid = null;
                if (addressId is not null)
                {
                    if (!RegionCode().IsMatch(addressId)) throw Open311Exception.BadRequest("address_id must be a 12-digit community or 15-digit grid code.");
                    (community, grid) = addressId.Length == 15 ? (addressId[..12], addressId) : (addressId, null);
                }
                else if (lat is null && address is not null)
                    community = await catalog.CommunityNamedInAsync(address, ct)
                                ?? throw Open311Exception.BadRequest("address_string names no community of the city (or several); give lat/long or address_id.");
                if (lat is null && community is null) throw Open311Exception.BadRequest("A location is required: lat and long, address_string or address_id.");

                var email = Bounded("email", 254);
                if (email is not null && !Email().IsMatch(email)) throw Open311Exception.BadRequest("email is not an e-mail address.");
                var phone = Bounded("phone", RequestLimits.Phone);
                if (phone is not null && !PhoneNumber.TryParse(phone, out _)) throw Open311Exception.BadRequest("phone is not a phone number.");
                var firstName = Bounded("first_name", Open311Mapping.NameLength);
                var lastName = Bounded("last_name", Open311Mapping.NameLength);
                var deviceId = Bounded("device_id", Open311Mapping.IdLength);
                var accountId = Bounded("account_id", Open311Mapping.IdLength);
                var media = Bounded("media_url", Open311Mapping.UrlLength);
                if (media is not null && !(Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                    throw Open311Exception.BadRequest("media_url must be an absolute http(s) URL.");
                var description = Bounded("description", RequestLimits.Description);

                var definition = await catalog.AttributesAsync(db, categoryId, ct);
                var answers = Open311Attributes.FromForm(form);
                if (definition.Count == 0 && answers.Count > 0 && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
                    throw Open311Exception.NotFound($"No service '{code}'.");
                var attributes = Open311Attributes.Validate(definition, answers);

                // The spec makes the description optional; intake wants one: the service's name stands in.
                description ??= await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => c.Name).FirstOrDefaultAsync(ct)
                                ?? throw Open311Exception.NotFound($"No service '{code}'.");
                Intake taken;
                try
                {
                    var actor = new Actor(null, "open311:" + client.Name, new HashSet<string>(), null, null);
                    taken = await intake.TakeAsync(new IntakeCommand(description, categoryId, Urgency.Normal, null, community, grid, lon, lat, address, phone,
                        Anonymous: email is null && phone is null && firstName is null && lastName is null), actor, ct, Channel.Open311);
                }
                catch (ValidationFailedException e) when (e.Errors.ContainsKey(nameof(IntakeCommand.CategoryId)))
                {
                    throw Open311Exception.NotFound($"No service '{code}'.");
                }

                var token = Guid.NewGuid();
                db.Open311Submissions.Add(new Open311Submission
                {
                    Ticket = taken.Ticket, Token = token, ClientId = client.Id, AccountId = accountId, DeviceId = deviceId, AddressId = addressId,
                    ContactCipher = email is null && firstName is null && lastName is null ? null
                        : protector.Encrypt(JsonSerializer.Serialize(new { email, first_name = firstName, last_name = lastName })),
                    MediaUrl = media, AttributesJson = attributes, CreatedAt = taken.Ticket.CreatedAt,
                });
                await committer.SaveAsync(db);

                var days = taken.Rule.FinishWithinDays(taken.Ticket.Urgency);
                var agency = taken.Rule.DepartmentCode is { } d ? (await catalog.DepartmentNamesAsync(departments, ct)).GetValueOrDefault(d, d)
                    : (await catalog.CommunitiesAsync(ct)).Names.GetValueOrDefault(taken.Ticket.CommunityCode, taken.Ticket.CommunityCode);
                var expected = calendar.AddWorkingDays(taken.Ticket.CreatedAt, days);
                return new Open311Result(new O311List("service_requests", "request",
                [
                    new O311Object("request")
                        .Add("service_request_id", taken.Ticket.Number)
                        .Add("token", token.ToString("N"))
                        .Add("service_notice", $"已受理，由{agency}在 {days} 个工作日内（{Open311Format.W3c(expected)} 前）办结。")
                        .Add("account_id", accountId),
                ]), format, StatusCodes.Status201Created);
            })
            .DisableAntiforgery()
            .WithName("Open311PostRequest")
            .WithSummary("Open311: file a request (form-encoded, api_key required).");
}
