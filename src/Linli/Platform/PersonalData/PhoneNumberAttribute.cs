using System.ComponentModel.DataAnnotations;

namespace Linli.Platform.PersonalData;

/// <summary>
/// A phone number that <see cref="PhoneNumber"/> accepts. Empty passes ([Required] decides); the message is the
/// type's own (Chinese) unless <see cref="ValidationAttribute.ErrorMessage"/> names another.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class PhoneNumberAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text)) return ValidationResult.Success;
        return PhoneNumber.Problem(text) is { } problem
            ? new ValidationResult(ErrorMessage ?? problem, validationContext.MemberName is { } m ? [m] : null)
            : ValidationResult.Success;
    }
}
