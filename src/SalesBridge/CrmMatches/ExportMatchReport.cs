using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmImport;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>
/// The match report as CSV (B5: no row cap): the same rows, order and filters as <see cref="ListMatchReport"/>, streamed
/// from the database to the response so memory stays flat however many records the org has.
/// </summary>
public sealed class ExportMatchReport(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request
    {
        public string? State { get; init; }
        public string? Kind { get; init; }
    }

    public static readonly string[] Header =
        ["kind", "crm_id", "name", "detail", "state", "score", "counterpart_id", "counterpart", "seat_holders", "summary", "record_id", "evidence"];

    /// <summary>Checks the caller and the filters now (so a refusal is an error status, not a broken download), then returns the writer.</summary>
    public Func<Stream, CancellationToken, Task> Handle(Caller caller, Request request)
    {
        caller.RequireContractAdmin();
        var state = MatchReportQueries.State(request.State);
        var kind = MatchReportQueries.Kind(request.Kind);
        return (stream, cancellationToken) => WriteAsync(stream, Rows(caller.ContractId, state, kind, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<MatchReportRow> Rows(Guid contractId, CrmMatchState? state, CrmRecordKind? kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (kind is null or CrmRecordKind.Contact)
        {
            await foreach (var row in MatchReportQueries.Contacts(db, contractId, state).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) yield return row;
        }
        if (kind is null or CrmRecordKind.Account)
        {
            await foreach (var row in MatchReportQueries.Accounts(db, contractId, state).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) yield return row;
        }
    }

    private static async Task WriteAsync(Stream stream, IAsyncEnumerable<MatchReportRow> rows, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(stream, leaveOpen: true);
        // Names come from the CRM: a leading =, +, - or @ would run as a formula in a spreadsheet, so such cells are escaped.
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in Header) csv.WriteField(column);
        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Kind == CrmRecordKind.Contact ? "contact" : "account");
            csv.WriteField(row.CrmId.ToString("D"));
            csv.WriteField(row.Name);
            csv.WriteField(row.Detail);
            csv.WriteField(StateName(row.State));
            csv.WriteField(row.Score?.ToString("0.####", CultureInfo.InvariantCulture));
            csv.WriteField(row.CounterpartId?.ToString("D"));
            csv.WriteField(row.CounterpartName);
            csv.WriteField(row.SeatHolders);
            csv.WriteField(row.Summary);
            csv.WriteField(row.RecordId.ToString("D"));
            // Last, so tools reading the earlier columns by position keep working.
            csv.WriteField(MatchEvidence.Line(row.Evidence));
            await csv.NextRecordAsync();
            // Flushed now and then so a long download starts at once and the buffer stays small.
            if (++written % 1_000 == 0) await csv.FlushAsync();
        }
        await csv.FlushAsync();
    }

    public static string StateName(CrmMatchState state) => state switch
    {
        CrmMatchState.Matched => "matched",
        CrmMatchState.ChosenByUser => "chosen",
        _ => "unmatched",
    };
}
