using System.ComponentModel.DataAnnotations;
using Linli.Platform.Ui;

namespace Linli.Platform.Validation;

/// <summary>A date a filter may name: 2000–2100 (<see cref="Display.FirstDay"/>…<see cref="Display.LastDay"/>); outside them it is a typing error, not a question.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class PlausibleDateAttribute() : ValidationAttribute("请选择 2000 年至 2100 年之间的日期。")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        DateTime d => Display.IsPlausible(DateOnly.FromDateTime(d)),
        DateTimeOffset d => Display.IsPlausible(DateOnly.FromDateTime(d.UtcDateTime)),
        DateOnly d => Display.IsPlausible(d),
        _ => false,
    };
}
