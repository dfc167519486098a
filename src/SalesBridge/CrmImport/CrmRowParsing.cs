using System.Text.Json.Nodes;

namespace SalesBridge.CrmImport;

/// <summary>Turns Web API rows into the values the import keeps; null for a row without a usable id.</summary>
internal static class CrmRowParsing
{
    public static OpportunityRow? Opportunity(JsonObject row, ImportScope scope)
    {
        if (CrmRows.Id(row, "opportunityid") is not { } id) return null;
        var customer = CrmRows.Id(row, "_customerid_value");
        // Without the annotation a customer cannot be placed; an account is by far the common case.
        var customerIsAccount = CrmRows.LookupTableOf(row, "_customerid_value") is null or "account";
        var owner = CrmRows.LookupTableOf(row, "_ownerid_value") is null or "systemuser" ? CrmRows.Id(row, "_ownerid_value") : null;
        return new OpportunityRow(id, CrmRows.Text(row, "name", CrmOpportunityRecord.MaxNameLength) ?? "",
            IsOpen: CrmRows.Number(row, "statecode") is null or 0, owner,
            scope.StageColumn is { } column ? CrmRows.Number(row, column) : null,
            CrmRows.Id(row, "_parentaccountid_value"), CrmRows.Id(row, "_parentcontactid_value"), customer, customerIsAccount);
    }

    public static StakeholderRow? Stakeholder(JsonObject row, ImportScope scope)
    {
        if (CrmRows.Id(row, "connectionid") is not { } id) return null;
        var (record1, table1, role1) = (CrmRows.Id(row, "_record1id_value"), CrmRows.LookupTableOf(row, "_record1id_value"), CrmRows.Id(row, "_record1roleid_value"));
        var (record2, table2, role2) = (CrmRows.Id(row, "_record2id_value"), CrmRows.LookupTableOf(row, "_record2id_value"), CrmRows.Id(row, "_record2roleid_value"));
        // Dynamics writes a connection and its reciprocal; either direction names the contact's role on its own side.
        (Guid, Guid)? link = (table1, table2) switch
        {
            ("opportunity", "contact") when IsStakeholder(role2) => (record1!.Value, record2!.Value),
            ("contact", "opportunity") when IsStakeholder(role1) => (record2!.Value, record1!.Value),
            _ => null,
        };
        return new StakeholderRow(id, link);

        bool IsStakeholder(Guid? role) => role is { } r && scope.StakeholderRoleIds.Contains(r);
    }

    public static AccountRow? Account(JsonObject row) => CrmRows.Id(row, "accountid") is not { } id ? null : new AccountRow(id,
        CrmRows.Text(row, "name", CrmAccountRecord.MaxNameLength) ?? "",
        CrmRows.Text(row, "websiteurl", CrmAccountRecord.MaxTextLength),
        CrmRows.Text(row, "telephone1", CrmAccountRecord.MaxTextLength),
        CrmRows.Text(row, "address1_city", CrmAccountRecord.MaxTextLength),
        CrmRows.Text(row, "address1_stateorprovince", CrmAccountRecord.MaxTextLength),
        CrmRows.Text(row, "address1_country", CrmAccountRecord.MaxTextLength));

    public static ContactRow? Contact(JsonObject row)
    {
        if (CrmRows.Id(row, "contactid") is not { } id) return null;
        var parentIsAccount = CrmRows.LookupTableOf(row, "_parentcustomerid_value") is null or "account";
        var parent = parentIsAccount ? CrmRows.Id(row, "_parentcustomerid_value") : null;
        return new ContactRow(id,
            CrmRows.Text(row, "firstname", CrmContactRecord.MaxNameLength),
            CrmRows.Text(row, "lastname", CrmContactRecord.MaxNameLength),
            CrmRows.Text(row, "emailaddress1", CrmContactRecord.MaxTextLength),
            CrmRows.Text(row, "jobtitle", CrmContactRecord.MaxTextLength),
            CrmRows.Text(row, "telephone1", CrmContactRecord.MaxTextLength) ?? CrmRows.Text(row, "mobilephone", CrmContactRecord.MaxTextLength),
            CrmRows.Text(row, "address1_city", CrmContactRecord.MaxTextLength),
            CrmRows.Text(row, "address1_country", CrmContactRecord.MaxTextLength),
            parent,
            parent is null ? null : CrmRows.FormattedValue(row, "_parentcustomerid_value", CrmContactRecord.MaxTextLength));
    }
}

internal sealed record OpportunityRow(Guid CrmId, string Name, bool IsOpen, Guid? OwnerCrmUserId, int? StageValue,
    Guid? AccountCrmId, Guid? ContactCrmId, Guid? CustomerCrmId, bool CustomerIsAccount)
{
    public void CopyTo(CrmOpportunityRecord record)
    {
        record.Name = Name;
        record.OwnerCrmUserId = OwnerCrmUserId;
        record.StageValue = StageValue;
        record.AccountCrmId = AccountCrmId;
        record.ContactCrmId = ContactCrmId;
        record.CustomerCrmId = CustomerCrmId;
        record.CustomerIsAccount = CustomerIsAccount;
    }
}

/// <summary>A connection; <see cref="Link"/> is (opportunity, contact) when it names a stakeholder, else null.</summary>
internal sealed record StakeholderRow(Guid CrmId, (Guid Opportunity, Guid Contact)? Link);

internal sealed record AccountRow(Guid CrmId, string Name, string? Website, string? Phone, string? City, string? Region, string? Country)
{
    /// <summary>Copies the values and says what changed. A change in what matching compares queues the record for matching.</summary>
    public RecordCopy CopyTo(CrmAccountRecord record)
    {
        var matchFieldsChanged = record.Name != Name || record.Website != Website || record.Phone != Phone || record.City != City
            || record.Region != Region || record.Country != Country;
        var changed = matchFieldsChanged || record.RemovedFromCrm;
        (record.Name, record.Website, record.Phone, record.City, record.Region, record.Country) = (Name, Website, Phone, City, Region, Country);
        record.RemovedFromCrm = false;
        if (!matchFieldsChanged) return changed ? RecordCopy.Changed : RecordCopy.Unchanged;
        record.MatchPending = true;
        record.RefreshSearchText();
        return RecordCopy.MatchFieldsChanged;
    }
}

internal sealed record ContactRow(Guid CrmId, string? FirstName, string? LastName, string? Email, string? JobTitle, string? Phone,
    string? City, string? Country, Guid? AccountCrmId, string? CompanyName)
{
    /// <summary>Copies the values and says what changed. A change in what matching compares queues the record for matching.</summary>
    public RecordCopy CopyTo(CrmContactRecord record)
    {
        var matchFieldsChanged = record.FirstName != FirstName || record.LastName != LastName || record.Email != Email || record.JobTitle != JobTitle
            || record.Phone != Phone || record.City != City || record.Country != Country || record.CompanyName != CompanyName;
        var changed = matchFieldsChanged || record.AccountCrmId != AccountCrmId || record.RemovedFromCrm;
        (record.FirstName, record.LastName, record.Email, record.JobTitle, record.Phone, record.City, record.Country) =
            (FirstName, LastName, Email, JobTitle, Phone, City, Country);
        (record.AccountCrmId, record.CompanyName) = (AccountCrmId, CompanyName);
        record.RemovedFromCrm = false;
        if (!matchFieldsChanged) return changed ? RecordCopy.Changed : RecordCopy.Unchanged;
        record.MatchPending = true;
        record.RefreshSearchText();
        return RecordCopy.MatchFieldsChanged;
    }
}

/// <summary>What copying a CRM row onto its record changed: nothing, values only, or values matching compares.</summary>
internal enum RecordCopy
{
    Unchanged,
    Changed,
    MatchFieldsChanged,
}
