using System.Data;
using System.Data.Common;
using Linli.Modules.Requests.Data;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// Ticket numbers: the China-time day and a per-day sequence (20260929000017). The counter moves in one atomic upsert
/// outside the ticket's transaction, so concurrent intakes never wait on each other's commit; a failed intake leaves a
/// gap, never a duplicate.
/// </summary>
internal static class TicketNumbers
{
    public static async Task<string> NextAsync(RequestsDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var day = WorkingCalendar.ToChina(nowUtc).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var entity = db.Model.FindEntityType(typeof(TicketNumberCounter))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO {table} AS c (day, last_number) VALUES (@day, 1) " +
                                  "ON CONFLICT (day) DO UPDATE SET last_number = c.last_number + 1 RETURNING last_number";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@day";
            parameter.Value = day;
            command.Parameters.Add(parameter);
            var next = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return $"{day}{next:D6}";
        }
        finally
        {
            if (openedHere) await db.Database.CloseConnectionAsync();
        }
    }
}
