namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>The five levels of 好差评 (GB/T 39734-2020); 不满意 and 非常不满意 are 差评.</summary>
internal enum RatingLevel
{
    VerySatisfied = 5,
    Satisfied = 4,
    FairlySatisfied = 3,
    Dissatisfied = 2,
    VeryDissatisfied = 1,
}
