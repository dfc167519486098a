using System.Globalization;
using SalesBridge.Access;
using SalesBridge.CrmImport;
using SalesBridge.Text;

namespace SalesBridge.CrmMatches;

/// <summary>
/// The match a person's choice leaves on a record. The chooser and time go into the summary because the record keeps
/// no other column for them (the model is fixed), and the summary is what every screen and the report already show.
/// </summary>
internal static class ChosenMatch
{
    public static CrmMatch For(Caller caller, DateTimeOffset at, string? counterpartName) => Chosen(
        counterpartName is null
            ? $"No match: chosen by {caller.DisplayName} on {Stamp(at)}."
            : $"Matched to {counterpartName}: chosen by {caller.DisplayName} on {Stamp(at)}.");

    public static CrmMatch Created(Caller caller, DateTimeOffset at, string counterpartName) =>
        Chosen($"Created from the workspace for {counterpartName} by {caller.DisplayName} on {Stamp(at)}.");

    /// <summary>
    /// The record that held a person someone has now chosen for another record. It goes back to automatic matching
    /// (pending, so the next run looks for another counterpart; the chosen person is held and cannot come back).
    /// </summary>
    public static CrmMatch Untied(Caller caller, DateTimeOffset at, string counterpartName, string otherRecordName) => new()
    {
        State = CrmMatchState.Unmatched,
        Score = null,
        Summary = Cut($"Untied: {caller.DisplayName} chose {counterpartName} for the CRM record \"{otherRecordName}\" on {Stamp(at)}."),
    };

    private static CrmMatch Chosen(string summary) => new() { State = CrmMatchState.ChosenByUser, Score = null, Summary = Cut(summary) };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Cut(string text) => ColumnFit.Shortened(text, CrmMatch.MaxSummaryLength);
}
