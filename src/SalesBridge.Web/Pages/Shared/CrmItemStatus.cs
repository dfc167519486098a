using SalesBridge.WriteBack;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Pages.Shared;

/// <summary>
/// What the notes panel and the thread page show next to a copied item (SPEC S14), in one partial (<c>_CrmItemStatus</c>) so
/// both say it alike: "In CRM" linking the activity, "Queued", the unresolved wording, or the reason it waits, was skipped or failed.
/// </summary>
public sealed record CrmItemStatus(Guid ItemId, ItemCrmState State, string ReturnUrl)
{
    public const string UnresolvedText = "Not in CRM yet: open activity, person unresolved";

    /// <summary>The words shown; the reasons already carry their "Waiting:"/"Skipped:" prefix from the writer.</summary>
    public string Text => State.Status switch
    {
        WriteBackStatus.Queued => "Queued",
        WriteBackStatus.Written => "In CRM",
        WriteBackStatus.Unresolved => UnresolvedText,
        WriteBackStatus.Waiting => Prefixed("Waiting: "),
        WriteBackStatus.Skipped => Prefixed("Skipped: "),
        _ => Prefixed("Failed: "),
    };

    public string TagClass => State.Status switch
    {
        WriteBackStatus.Written => "tag ok",
        WriteBackStatus.Unresolved or WriteBackStatus.Waiting => "tag warn",
        WriteBackStatus.Skipped => "tag skip",
        WriteBackStatus.Failed => "tag fail",
        _ => "tag",
    };

    private string Prefixed(string prefix) =>
        State.Reason is not { Length: > 0 } reason ? prefix.TrimEnd(' ', ':')
        : reason.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? reason
        : prefix + reason;
}
