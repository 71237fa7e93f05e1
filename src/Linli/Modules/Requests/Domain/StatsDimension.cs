namespace Linli.Modules.Requests.Domain;

/// <summary>What a row of the daily roll-up is counted by: the street (9-digit code), the leaf category or the lead unit.</summary>
internal enum StatsDimension
{
    Street = 1, Category = 2, Unit = 3,
    /// <summary>The same per calendar month (<see cref="TicketDailyStats.Day"/> is the month's first day): a year adds up twelve rows a key.</summary>
    StreetMonth = 11, CategoryMonth = 12, UnitMonth = 13,
}
