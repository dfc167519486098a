using System.Globalization;
using SalesBridge.CrmImport;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// One bar chart of the last runs, drawn as inline SVG on the server (works offline and without script; each bar has
/// a text title, and the same figures are in the history table).
/// </summary>
public sealed record SyncRunChart(string Id, string Title, string Unit, IReadOnlyList<SyncRunChart.Bar> Bars)
{
    public const double Width = 400, Height = 120;

    public sealed record Bar(double Value, string Text, string CssClass);

    public double Max => Math.Max(1, Bars.Count == 0 ? 0 : Bars.Max(b => b.Value));

    public static SyncRunChart Duration(IReadOnlyList<SyncRunChartPoint> runs) => new("chart-duration", "Duration", " s",
        runs.Select(r => new Bar(r.DurationSeconds, $"{r.StartedAt:u}: {SyncRunText.Duration(TimeSpan.FromSeconds(r.DurationSeconds))}", ClassOf(r))).ToList());

    public static SyncRunChart CrmCalls(IReadOnlyList<SyncRunChartPoint> runs) => new("chart-crm-calls", "CRM calls", "",
        runs.Select(r => new Bar(r.CrmRequests, $"{r.StartedAt:u}: {r.CrmRequests} CRM calls", ClassOf(r))).ToList());

    public static SyncRunChart Changes(IReadOnlyList<SyncRunChartPoint> runs) => new("chart-changes", "Records added, updated, removed", "",
        runs.Select(r => new Bar(r.Added + r.Updated + r.Removed, $"{r.StartedAt:u}: {r.Added} added, {r.Updated} updated, {r.Removed} removed", ClassOf(r))).ToList());

    /// <summary>SVG coordinates are culture-free numbers.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string ClassOf(SyncRunChartPoint run) => run.Status switch
    {
        SyncRunStatus.Failed => "bar fail",
        SyncRunStatus.SucceededWithErrors or SyncRunStatus.Interrupted => "bar warn",
        _ => "bar",
    };
}
