using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;

namespace SalesBridge.CrmImport;

/// <summary>What a failed run tells admins: one of the SPEC S4 messages, and beneath it what the CRM said.</summary>
internal static class ImportFailureMessage
{
    public static string Of(Exception failure) => failure switch
    {
        DataverseException crm => CrmRequestFailedException.From(crm).Message,
        Errors.RequestRefusedException refused => refused.Message,
        _ => $"SalesBridge could not finish the sync ({failure.GetType().Name}). The next run tries again; operators find the details in the log.",
    };
}
