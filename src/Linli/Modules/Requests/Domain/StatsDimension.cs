namespace Linli.Modules.Requests.Domain;

/// <summary>
/// What a row of the daily roll-up is counted by: the street (9-digit code), the leaf category or the lead unit, the
/// latter two both for the whole city (<see cref="TicketDailyStats.Region"/> the city's 4 digits) and per district (6
/// digits), so that a district's window by category or unit adds up roll-up rows too instead of reading its tickets.
/// </summary>
internal enum StatsDimension
{
    Street = 1, Category = 2, Unit = 3, CategoryByDistrict = 4, UnitByDistrict = 5,
    /// <summary>The same per calendar month (<see cref="TicketDailyStats.Day"/> is the month's first day): a year adds up twelve rows a key.</summary>
    StreetMonth = 11, CategoryMonth = 12, UnitMonth = 13, CategoryByDistrictMonth = 14, UnitByDistrictMonth = 15,
}
