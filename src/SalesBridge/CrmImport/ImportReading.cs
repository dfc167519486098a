using SalesBridge.Dataverse;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// Reads the four tables into the contract's CRM records, page by page, each page committed together with the run's
/// checkpoint and progress: a run that dies loses at most the page in flight, and the next run carries on from the
/// page after the last committed one (B2, S21). A delta read whose token the CRM declares expired starts that table
/// over as a full read.
/// </summary>
internal sealed class ImportReading(SalesBridgeDbContext db, RunJournal journal)
{
    public async Task ReadAsync(DataverseClient client, ImportScope scope, CrmImportState state, ReadCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var writer = new MirrorWriter(db, scope, checkpoint.Touched);
        foreach (var table in ImportTables.InReadOrder)
        {
            var progress = checkpoint.For(table);
            if (progress.Done)
            {
                continue;
            }
            if (!progress.Started)
            {
                progress.Started = true;
                progress.Link = progress.Full ? null : DeltaLinkOf(state, table);
                if (progress.Full) progress.ReadId = Guid.CreateVersion7();
                progress.InsertOnly = progress.Full && await writer.IsEmptyAsync(table, cancellationToken);
            }
            try
            {
                await ReadTableAsync(client, writer, table, progress, checkpoint, cancellationToken);
            }
            catch (DataverseChangeTokenExpiredException) when (!progress.Full)
            {
                journal.Note($"The CRM's change token for {ImportTables.LogicalName(table)} had expired, so the table was read in full.");
                (progress.Full, progress.ReadId, progress.Link, progress.InsertOnly) = (true, Guid.CreateVersion7(), null, false);
                journal.Run.Mode = SyncReadMode.Full;
                await ReadTableAsync(client, writer, table, progress, checkpoint, cancellationToken);
            }
            journal.StepDone();
        }
    }

    private async Task ReadTableAsync(DataverseClient client, MirrorWriter writer, string table, TableProgress progress, ReadCheckpoint checkpoint,
        CancellationToken cancellationToken)
    {
        var label = ImportTables.Label(table);
        journal.Step($"Reading {label}");
        var read = client.ReadChanges(table, ImportTables.Columns(table, writer.Scope.StageColumn), progress.Link,
            new ChangeTrackingOptions { IncludeAnnotations = ImportTables.Annotations });
        await foreach (var page in read.ReadPagesAsync(cancellationToken))
        {
            await journal.CommitAsync(checkpoint, async () =>
            {
                var written = await writer.WriteAsync(table, page, progress, cancellationToken);
                progress.Rows += written.Rows;
                progress.Link = page.NextLink;
                if (page.NextLink is null)
                {
                    progress.DeltaLink = page.DeltaLink;
                    progress.Done = true;
                    if (progress.Full) await writer.DropUnseenAsync(table, progress.ReadId, cancellationToken);
                }
                journal.Count(c => c with { RecordsRead = c.RecordsRead + written.Rows, Updated = c.Updated + written.Updated });
                journal.Record(written.Problems);
                journal.Phase($"Reading {label}: {progress.Rows:N0} read");
            }, cancellationToken);
        }
    }

    private static string? DeltaLinkOf(CrmImportState state, string table) => table switch
    {
        ImportTables.Opportunities => state.OpportunitiesDeltaLink,
        ImportTables.Stakeholders => state.StakeholdersDeltaLink,
        ImportTables.Accounts => state.AccountsDeltaLink,
        _ => state.ContactsDeltaLink,
    };
}
