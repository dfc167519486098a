using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmRecords;
using SalesBridge.Errors;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.Persistence;

namespace SalesBridge.Leads;

/// <summary>The caller's own saved leads and how they are read as <see cref="SavedLeadSummary"/>.</summary>
internal static class SavedLeadQueries
{
    public static IQueryable<SavedLead> OwnedBy(this IQueryable<SavedLead> leads, Caller caller) =>
        leads.Where(lead => lead.ContractId == caller.ContractId && lead.OwnerId == caller.UserId);

    public static IQueryable<SavedLeadSummary> ToSummaries(this IQueryable<SavedLead> leads) =>
        leads.Select(lead => lead.Person != null
            ? new SavedLeadSummary(lead.Id, lead.PersonId, lead.Person.FirstName, lead.Person.LastName, lead.Person.Title,
                lead.Person.CompanyName, lead.Person.CompanyId, lead.Person.City, lead.Person.Country, lead.SavedAt, lead.SavedByHand)
            {
                CrmContactId = lead.CrmContact != null ? lead.CrmContact.CrmId : null, ImportedFromCrm = lead.ImportedFromCrm,
            }
            : new SavedLeadSummary(lead.Id, null, lead.CrmContact!.FirstName ?? "", lead.CrmContact.LastName ?? "", lead.CrmContact.JobTitle,
                lead.CrmContact.CompanyName, null, lead.CrmContact.City, lead.CrmContact.Country, lead.SavedAt, lead.SavedByHand)
            {
                CrmContactId = lead.CrmContact.CrmId, ImportedFromCrm = lead.ImportedFromCrm,
            });

    /// <exception cref="NotFoundException">No such saved lead of the caller.</exception>
    public static async Task<SavedLeadSummary> ReadMineAsync(this SalesBridgeDbContext db, Caller caller, Guid savedLeadId, CancellationToken cancellationToken)
    {
        var lead = await db.SavedLeads.OwnedBy(caller).Where(l => l.Id == savedLeadId).ToSummaries().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Saved lead", savedLeadId);
        var tags = await ListTags.OfLeadsAsync(db, caller, [lead.Id], cancellationToken);
        var organizationUrl = await CrmRecordLink.OrganizationUrlAsync(db, caller.ContractId, cancellationToken);
        return lead with { Lists = tags[lead.Id].ToList(), CrmUrl = CrmRecordLink.ForOptional(organizationUrl, CrmRecordLink.Contact, lead.CrmContactId) };
    }

    public static async Task<Page<SavedLeadSummary>> WithListsAndCrmLinksAsync(this Page<SavedLeadSummary> page, SalesBridgeDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var tags = await ListTags.OfLeadsAsync(db, caller, page.Items.Select(lead => lead.Id).ToList(), cancellationToken);
        var organizationUrl = await CrmRecordLink.OrganizationUrlAsync(db, caller.ContractId, cancellationToken);
        return page with
        {
            Items = page.Items.Select(lead => lead with
            {
                Lists = tags[lead.Id].ToList(), CrmUrl = CrmRecordLink.ForOptional(organizationUrl, CrmRecordLink.Contact, lead.CrmContactId),
            }).ToList(),
        };
    }
}
