using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.GetResident;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.CreateResident;

internal sealed record NewHousehold(
    [property: Required, RegularExpression(@"^\d{12}$", ErrorMessage = "社区代码应为 12 位数字。")] string CommunityCode,
    [property: RegularExpression(@"^\d{15}$", ErrorMessage = "网格代码应为 15 位数字。")] string? GridCode,
    [property: Required, MaxLength(200)] string Address,
    [property: MaxLength(20)] string? Building,
    [property: MaxLength(20)] string? Unit,
    [property: MaxLength(20)] string? Room,
    [property: Range(-180.0, 180.0)] double? Longitude,
    [property: Range(-90.0, 90.0)] double? Latitude);

internal sealed record NewTag(PopulationTagKind Tag, [property: Range(1, 4)] int? Grade, DateOnly? StartDate, DateOnly? EndDate);

/// <summary>
/// A new resident, either joining an existing household (<see cref="HouseholdId"/>) or founding a new one
/// (<see cref="Household"/>). Gender and birth date follow from the ID number; when given they must agree with it.
/// 60+/80+ tags follow from the birth date and are added by themselves.
/// </summary>
internal sealed record CreateResidentRequest(
    long? HouseholdId,
    NewHousehold? Household,
    [property: Required, MaxLength(50)] string Name,
    [property: Required, IdNumber] string IdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    [property: PhoneNumber] string? Phone,
    RelationToHead? RelationToHead,
    [property: MaxLength(200)] string? RegisteredAddress,
    [property: MaxLength(200)] string? ActualAddress,
    IReadOnlyList<NewTag>? Tags) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((HouseholdId is null) == (Household is null))
            yield return new ValidationResult("请指定已有的户（householdId）或新建的户（household），二者选一。", [nameof(HouseholdId), nameof(Household)]);
        if (Household is not null)
        {
            var nested = new List<ValidationResult>();
            Validator.TryValidateObject(Household, new ValidationContext(Household, validationContext, null), nested, validateAllProperties: true);
            foreach (var r in nested) yield return new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{nameof(Household)}.{m}").ToArray());
        }
        for (var i = 0; i < (Tags?.Count ?? 0); i++)
        {
            var nested = new List<ValidationResult>();
            Validator.TryValidateObject(Tags![i], new ValidationContext(Tags[i], validationContext, null), nested, validateAllProperties: true);
            foreach (var r in nested) yield return new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{nameof(Tags)}[{i}].{m}").ToArray());
        }
    }
}

/// <summary>The result of a create: the new resident's id, or why the caller may not create there.</summary>
internal sealed record CreateOutcome(long? ResidentId, string? Refusal);

/// <summary>Registers one resident: checks, encrypts the numbers, writes household, resident and tags, and counts them.</summary>
internal sealed class CreateResidentHandler(ResidentsDbContext db, PlacementRules placement, IPersonalDataProtector protector, TimeProvider clock)
{
    public async Task<CreateOutcome> CreateAsync(CreateResidentRequest request, CancellationToken cancellationToken)
    {
        var today = Views.Today(clock);
        if (!Domain.IdNumber.TryParse(request.IdNumber, today, out var id))
            throw ValidationFailedException.For(nameof(request.IdNumber), Domain.IdNumber.Problem(request.IdNumber, today)!);
        var errors = new Dictionary<string, string[]>();
        if (request.Gender is { } gender && gender != id.Gender) errors[nameof(request.Gender)] = ["性别与身份证号不符。"];
        if (request.BirthDate is { } birth && birth != id.BirthDate) errors[nameof(request.BirthDate)] = ["出生日期与身份证号不符。"];
        var tags = (request.Tags ?? []).Select(t => new TagInput(t.Tag, t.Grade, t.StartDate, t.EndDate)).ToList();
        for (var i = 0; i < tags.Count; i++)
            if (TagRules.Problem(tags[i], id.BirthDate, today) is { } problem) errors[$"{nameof(request.Tags)}[{i}]"] = [problem];

        Household household;
        var newHousehold = request.Household is not null;
        if (request.Household is { } h)
        {
            if (await placement.CheckAsync(h.CommunityCode, h.GridCode, cancellationToken) is { } p)
            {
                if (p.OutsideScope) return new CreateOutcome(null, p.Message);
                errors[p.Field == PlacementField.Community ? "Household.CommunityCode" : "Household.GridCode"] = [p.Message];
            }
            household = new Household
            {
                CommunityCode = h.CommunityCode, GridCode = string.IsNullOrEmpty(h.GridCode) ? null : h.GridCode, Address = h.Address.Trim(),
                Building = h.Building, Unit = h.Unit, Room = h.Room, Longitude = h.Longitude, Latitude = h.Latitude,
            };
        }
        else
        {
            // The query filter hides households outside the caller's area: they answer 404 like unknown ones.
            household = await db.Households.FirstOrDefaultAsync(x => x.Id == request.HouseholdId, cancellationToken)
                        ?? throw new NotFoundException($"There is no household {request.HouseholdId}.");
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var idNumber = protector.SealIdNumber(id.Value);
        // Unique across the whole pool, whoever can see the other record.
        if (await db.Residents.IgnoreQueryFilters().AnyAsync(r => r.IdNumberHash == idNumber.Hash, cancellationToken))
            throw new ConflictException("此身份证号已登记。");
        var phone = protector.SealPhone(request.Phone);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (newHousehold)
        {
            db.Households.Add(household);
            await db.SaveChangesAsync(cancellationToken);
        }
        var resident = new Resident
        {
            HouseholdId = household.Id, CommunityCode = household.CommunityCode, GridCode = household.GridCode,
            Name = request.Name.Trim(), IdNumberCipher = idNumber.Cipher, IdNumberHash = idNumber.Hash, IdNumberMasked = idNumber.Masked,
            PhoneCipher = phone?.Cipher, PhoneHash = phone?.Hash, PhoneMasked = phone?.Masked,
            Gender = id.Gender, BirthDate = id.BirthDate, RelationToHead = request.RelationToHead ?? RelationToHead.Other,
            RegisteredAddress = request.RegisteredAddress?.Trim(), ActualAddress = request.ActualAddress?.Trim(),
            Tags = TagRules.Build(tags, id.BirthDate, today, household.CommunityCode),
        };
        db.Residents.Add(resident);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent create won the unique index: the same answer as the check above.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await db.Residents.IgnoreQueryFilters().AsNoTracking().AnyAsync(r => r.IdNumberHash == idNumber.Hash, cancellationToken))
                throw new ConflictException("此身份证号已登记。");
            throw;
        }
        await UnitCountStore.AddAsync(db, household.GridCode ?? household.CommunityCode, newHousehold ? 1 : 0, 1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreateOutcome(resident.Id, null);
    }
}

internal static class CreateResidentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Results<Created<ResidentDetails>, ProblemHttpResult>> (
                CreateResidentRequest request, CreateResidentHandler handler, ResidentDetailsQuery details, CancellationToken ct) =>
            {
                var outcome = await handler.CreateAsync(request, ct);
                if (outcome.ResidentId is not { } id)
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your area.", detail: outcome.Refusal);
                return TypedResults.Created($"/api/residents/{id}", await details.GetAsync(id, ct));
            })
            .RequireAuthorization(Permissions.ImportPeople)
            .WithName("CreateResident")
            .WithSummary("Registers a resident (in an existing or a new household). The ID number is checked (GB 11643) and stored encrypted.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
