using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Features.Registry;

/// <summary>One facility as its page and the API show it: every field, the opening hours per weekday and what its capacity counts.</summary>
internal sealed record FacilityDetails(
    int Id, FacilityType Type, string TypeName, string TypeNameEn, string Name, string CommunityCode, string? Address, double Longitude, double Latitude,
    double FloorArea, double? ServiceArea, string? WeeklyHours, double OpeningHoursPerDay, double? Capacity, CapacityUnit CapacityUnit, string? Operator,
    DateOnly OpenedOn, DateOnly? ClosedOn, DateOnly? CityLevelSince, bool IsSynthetic)
{
    public static FacilityDetails Of(Facility f)
    {
        var type = FacilityTypes.Of(f.Type);
        return new(f.Id, f.Type, type.Name, type.NameEn, f.Name, f.CommunityCode, f.Address, f.Longitude, f.Latitude, f.FloorArea, f.ServiceArea,
            f.WeeklyHours, f.OpeningHoursPerDay, f.Capacity, type.Capacity, f.Operator, f.OpenedOn, f.ClosedOn, f.CityLevelSince, f.IsSynthetic);
    }
}

/// <summary>A facility to register or the new state of one; the field names are those of <see cref="FacilityInput"/> (camel case in JSON).</summary>
internal sealed record FacilityRequest(
    FacilityType? Type, string? Name, string? CommunityCode, string? Address, double? Longitude, double? Latitude, double? FloorArea, double? ServiceArea,
    string? WeeklyHours, double? Capacity, string? Operator, DateOnly? OpenedOn)
{
    public FacilityInput Input => new(Type, Name, CommunityCode, Address, Longitude, Latitude, FloorArea, ServiceArea, WeeklyHours, Capacity, Operator, OpenedOn);
}

internal sealed record CloseFacilityRequest(DateOnly? ClosedOn, string? Reason);

internal sealed record FacilityTypeItem(FacilityType Type, string Code, string Name, string NameEn, string Group, CapacityUnit Capacity);

internal static class RegistryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/types", () => TypedResults.Ok(FacilityTypes.All.Select(t => new FacilityTypeItem(t.Type, t.Code, t.Name, t.NameEn, t.Group, t.Capacity))))
            .WithName("ListFacilityTypes")
            .WithSummary("The plan's facility types with their Chinese and English names, group and what their capacity counts.");
        api.MapGet("/{id:int}", async Task<Ok<FacilityDetails>> (int id, FacilitiesDbContext db, CancellationToken ct) =>
                TypedResults.Ok(FacilityDetails.Of(await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct)
                                                   ?? throw new NotFoundException("设施 {0} 不存在。", id))))
            .WithName("GetFacility")
            .WithSummary("One facility with every field of the registry.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", async Task<Created<FacilityDetails>> (FacilityRequest request, FacilityRegistry registry, CancellationToken ct) =>
            {
                var facility = await registry.CreateAsync(request.Input, ct);
                return TypedResults.Created($"/api/facilities/{facility.Id}", FacilityDetails.Of(facility));
            })
            .RequireAuthorization(FacilitiesPermissions.Edit)
            .WithName("CreateFacility")
            .WithSummary("Registers a facility in a community of the caller's area (a community worker: their own community); audited.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/{id:int}", async Task<Ok<FacilityDetails>> (int id, FacilityRequest request, FacilityRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(FacilityDetails.Of(await registry.UpdateAsync(id, request.Input, ct))))
            .RequireAuthorization(FacilitiesPermissions.Edit)
            .WithName("EditFacility")
            .WithSummary("Replaces a facility's fields (a facility in service, of the caller's area); audited.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:int}/close", async Task<Ok<FacilityDetails>> (int id, CloseFacilityRequest request, FacilityRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(FacilityDetails.Of(await registry.CloseAsync(id, request.ClosedOn, request.Reason, ct))))
            .RequireAuthorization(FacilitiesPermissions.Edit)
            .WithName("CloseFacility")
            .WithSummary("Closes a facility from a day on (it stays in the registry as history); audited.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
