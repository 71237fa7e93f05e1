using System.ComponentModel.DataAnnotations;
using Linli.Platform.PersonalData;

namespace Linli.Modules.Residents.Features.Shared;

/// <summary>An 18-digit citizen ID number with a real birth date and a correct GB 11643 check character.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class IdNumberAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null or string { Length: 0 }) return ValidationResult.Success; // [Required] decides
        var clock = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return IdNumber.Problem(value as string, Views.Today(clock)) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } m ? [m] : null)
            : ValidationResult.Success;
    }
}
