using System.Text.Json.Nodes;
using SalesBridge.Dataverse;

namespace SalesBridge.CrmSettings;

/// <summary>
/// Puts the SalesBridge solution into an org through the metadata API, step by step and idempotently: each step
/// first looks whether its component is there and leaves an existing one as it is, so a re-run after a partial
/// install (a timeout, a missing privilege fixed later) completes it and a second run changes nothing.
/// </summary>
public static class SalesBridgeSolutionInstaller
{
    public static async Task InstallAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var publisherId = await EnsurePublisherAsync(client, cancellationToken).ConfigureAwait(false);
        await EnsureSolutionAsync(client, publisherId, cancellationToken).ConfigureAwait(false);
        foreach (var table in SalesBridgeSolution.Tables)
        {
            await EnsureTableAsync(client, table, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Guid> EnsurePublisherAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var existing = await SalesBridgeSolution.FindRowAsync(client, "publishers", "uniquename", SalesBridgeSolution.PublisherUniqueName,
            ["publisherid"], cancellationToken).ConfigureAwait(false);
        if (existing is not null) return Guid.Parse(existing["publisherid"]!.GetValue<string>());
        return await client.CreateAsync("publishers", new JsonObject
        {
            ["uniquename"] = SalesBridgeSolution.PublisherUniqueName,
            ["friendlyname"] = "SalesBridge",
            ["description"] = "Publisher of the SalesBridge solution (write-back of InMails, messages and notes).",
            ["customizationprefix"] = SalesBridgeSolution.Prefix,
            ["customizationoptionvalueprefix"] = SalesBridgeSolution.OptionValuePrefix,
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureSolutionAsync(DataverseClient client, Guid publisherId, CancellationToken cancellationToken)
    {
        var existing = await SalesBridgeSolution.FindRowAsync(client, "solutions", "uniquename", SalesBridgeSolution.UniqueName,
            ["solutionid"], cancellationToken).ConfigureAwait(false);
        if (existing is not null) return;
        await client.CreateAsync("solutions", new JsonObject
        {
            ["uniquename"] = SalesBridgeSolution.UniqueName,
            ["friendlyname"] = "SalesBridge",
            ["description"] = "Activity tables SalesBridge writes InMails, messages and notes into.",
            ["version"] = "1.0.0.0",
            ["publisherid@odata.bind"] = $"/publishers({publisherId:D})",
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureTableAsync(DataverseClient client, SalesBridgeActivityTable table, CancellationToken cancellationToken)
    {
        var found = await client.FindTableAsync(table.LogicalName, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            await client.CreateTableAsync(table.Definition(), SalesBridgeSolution.UniqueName, cancellationToken).ConfigureAwait(false);
            found = await client.FindTableAsync(table.LogicalName, cancellationToken).ConfigureAwait(false)
                ?? throw new DataverseException($"The org created {table.LogicalName} but does not show it.", null, null, null);
        }
        foreach (var (logicalName, definition) in table.Columns)
        {
            if (found.Columns.Contains(logicalName, StringComparer.OrdinalIgnoreCase)) continue;
            await client.CreateColumnAsync(table.LogicalName, definition, SalesBridgeSolution.UniqueName, cancellationToken).ConfigureAwait(false);
        }
        if (!found.HasKeyOn(SalesBridgeSolution.ItemIdColumn))
        {
            await client.CreateAlternateKeyAsync(table.LogicalName, table.KeySchemaName, $"{table.DisplayName} item id",
                [SalesBridgeSolution.ItemIdColumn], SalesBridgeSolution.UniqueName, cancellationToken).ConfigureAwait(false);
        }
    }
}
