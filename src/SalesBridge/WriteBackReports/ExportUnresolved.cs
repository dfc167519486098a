using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.WriteBackReports;

/// <summary>
/// The contract's unresolved task report as CSV, every row (no cap): read and written a thousand people at a time, so
/// memory stays flat and the download starts at once however long the report is.
/// </summary>
public sealed class ExportUnresolved(SalesBridgeDbContext db) : IUseCase
{
    private const int Chunk = 1_000;

    public sealed record Request
    {
        public Guid? SeatHolderId { get; init; }
    }

    public static readonly string[] Header =
        ["person_id", "company_id", "name", "title", "company", "open_activities", "oldest", "seat_holders"];

    /// <summary>Checks the caller and the filter now (so a refusal is an error status, not a broken download), then returns the writer.</summary>
    public async Task<Func<Stream, CancellationToken, Task>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        await ListUnresolved.RequireUserAsync(db, caller, request.SeatHolderId, cancellationToken);
        return (stream, token) => WriteAsync(stream, caller, request.SeatHolderId, token);
    }

    private async Task WriteAsync(Stream stream, Caller caller, Guid? seatHolderId, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(stream, leaveOpen: true);
        // Names come from the directory: a leading =, +, - or @ would run as a formula in a spreadsheet, so such cells are escaped.
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in Header) csv.WriteField(column);
        await csv.NextRecordAsync();
        for (var skip = 0; ; skip += Chunk)
        {
            var groups = await UnresolvedQueries.Groups(db, caller.ContractId, seatHolderId).Skip(skip).Take(Chunk).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var row in await UnresolvedQueries.DescribeAsync(db, caller, seatHolderId, groups, cancellationToken))
            {
                csv.WriteField(row.PersonId?.ToString("D"));
                csv.WriteField(row.CompanyId?.ToString("D"));
                csv.WriteField(row.Name);
                csv.WriteField(row.Title);
                csv.WriteField(row.CompanyName);
                csv.WriteField(row.OpenActivities.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.Oldest.ToString("o", CultureInfo.InvariantCulture));
                csv.WriteField(string.Join("; ", row.SeatHolders.Select(h => h.DisplayName)));
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
            if (groups.Count < Chunk) break;
        }
    }
}
