namespace SalesBridge.CrmImport;

/// <summary>
/// The four change-tracked tables the import reads, in the order it reads them (opportunities first: they decide
/// what matters), and the columns it asks for. Lookup columns come with their table's logical name
/// (<c>lookuplogicalname</c>) so a customer can be told apart as account or contact, and with their formatted value
/// (a contact's company name, for matching).
/// </summary>
internal static class ImportTables
{
    public const string Opportunities = "opportunities";
    public const string Stakeholders = "connections";
    public const string Accounts = "accounts";
    public const string Contacts = "contacts";

    public static readonly IReadOnlyList<string> InReadOrder = [Opportunities, Stakeholders, Accounts, Contacts];

    public const string Annotations = "Microsoft.Dynamics.CRM.lookuplogicalname,OData.Community.Display.V1.FormattedValue";

    /// <summary>The logical name of a table read, for errors and links.</summary>
    public static string LogicalName(string entitySet) => entitySet switch
    {
        Opportunities => "opportunity",
        Stakeholders => "connection",
        Accounts => "account",
        Contacts => "contact",
        _ => entitySet,
    };

    /// <summary>How the table is named in the run's phase, e.g. "Reading contacts".</summary>
    public static string Label(string entitySet) => entitySet == Stakeholders ? "stakeholders" : entitySet;

    public static IReadOnlyList<string> Columns(string entitySet, string? stageColumn) => entitySet switch
    {
        Opportunities => ["opportunityid", "name", "statecode", "_ownerid_value", "_parentaccountid_value", "_parentcontactid_value",
            "_customerid_value", .. stageColumn is null ? Array.Empty<string>() : [stageColumn]],
        Stakeholders => ["connectionid", "_record1id_value", "_record2id_value", "_record1roleid_value", "_record2roleid_value"],
        Accounts => ["accountid", "name", "websiteurl", "telephone1", "address1_city", "address1_stateorprovince", "address1_country"],
        Contacts => ["contactid", "firstname", "lastname", "emailaddress1", "jobtitle", "telephone1", "mobilephone", "address1_city",
            "address1_country", "_parentcustomerid_value"],
        _ => throw new ArgumentOutOfRangeException(nameof(entitySet), entitySet, "Not a table the import reads."),
    };
}
