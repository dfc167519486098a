namespace SalesBridge.CrmRecords;

/// <summary>
/// Why a seat holder cannot remove what the CRM import brought in: the sync would only bring it back at its next run,
/// so the item's life follows its opportunity instead (SPEC S10) and the seat holder is told where to change that.
/// </summary>
public static class ImportedItemRefusals
{
    public const string UnsaveLead =
        "This lead comes from an open opportunity you own in the CRM (it is on \"My CRM Leads\"), so it cannot be removed here. " +
        "It leaves by itself at the next sync once the opportunity closes, changes owner or drops below the pipeline stage.";

    public const string UnsaveAccount =
        "This account comes from an open opportunity you own in the CRM (it is on \"My CRM Accounts\"), so it cannot be removed here. " +
        "It leaves by itself at the next sync once the opportunity closes, changes owner or drops below the pipeline stage.";
}
