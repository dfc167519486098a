using SalesBridge.CrmImport;

namespace SalesBridge.Web.Pages.Shared.Components.CrmMatch;

/// <summary>The words the pages use for a match's state.</summary>
public static class MatchText
{
    public static string State(CrmMatchState state) => state switch
    {
        CrmMatchState.Matched => "Matched",
        CrmMatchState.ChosenByUser => "Chosen by a user",
        _ => "Unmatched",
    };
}
