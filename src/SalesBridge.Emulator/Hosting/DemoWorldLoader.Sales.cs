using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Hosting;

public sealed partial class DemoWorldLoader
{
    private void LoadSales(DemoWorld.GeneratedWorld world)
    {
        var accounts = org.Schema.GetTable("account");
        foreach (var a in world.Accounts)
        {
            Insert(accounts, a.Id, a.OwnerId, a.CreatedOn, new()
            {
                ["name"] = a.Name, ["accountnumber"] = a.AccountNumber, ["websiteurl"] = a.WebsiteUrl, ["telephone1"] = a.Telephone1,
                ["address1_city"] = a.City, ["address1_stateorprovince"] = a.StateOrProvince, ["address1_country"] = a.Country,
                ["industrycode"] = a.IndustryCode, ["numberofemployees"] = a.NumberOfEmployees,
                ["ownerid"] = new EntityReference("systemuser", a.OwnerId),
            });
        }
        var contacts = org.Schema.GetTable("contact");
        foreach (var c in world.Contacts)
        {
            Insert(contacts, c.Id, c.OwnerId, c.CreatedOn, new()
            {
                ["firstname"] = c.FirstName, ["lastname"] = c.LastName, ["emailaddress1"] = c.EmailAddress1, ["jobtitle"] = c.JobTitle,
                ["telephone1"] = c.Telephone1, ["mobilephone"] = c.MobilePhone, ["address1_city"] = c.City, ["address1_country"] = c.Country,
                ["parentcustomerid"] = c.ParentAccountId is { } parent ? new EntityReference("account", parent) : null,
                ["ownerid"] = new EntityReference("systemuser", c.OwnerId),
            });
        }
        // Primary contacts point forward at contacts, so they are set once both tables are filled.
        var accountStore = org.Store.Table("account");
        foreach (var a in world.Accounts)
        {
            if (a.PrimaryContactId is not { } primary || accountStore.Find(a.Id) is not { } row) continue;
            scope.Put(row.With(new Dictionary<string, object?> { ["primarycontactid"] = new EntityReference("contact", primary) }, row.Version));
        }
        var leads = org.Schema.GetTable("lead");
        foreach (var l in world.Leads)
        {
            Insert(leads, l.Id, l.OwnerId, l.CreatedOn, new()
            {
                ["subject"] = $"Interest from {l.CompanyName}", ["firstname"] = l.FirstName, ["lastname"] = l.LastName,
                ["companyname"] = l.CompanyName, ["emailaddress1"] = l.EmailAddress1, ["jobtitle"] = l.JobTitle,
                ["ownerid"] = new EntityReference("systemuser", l.OwnerId),
            });
        }
        LoadOpportunities(world);
    }

    private void LoadOpportunities(DemoWorld.GeneratedWorld world)
    {
        var opportunities = org.Schema.GetTable("opportunity");
        foreach (var o in world.Opportunities)
        {
            Insert(opportunities, o.Id, o.OwnerId, o.CreatedOn, new()
            {
                ["name"] = o.Name, ["statecode"] = o.StateCode, ["statuscode"] = o.StatusCode,
                ["salesstage"] = o.SalesStage, ["salesstagecode"] = 1, ["stepname"] = o.StepName,
                ["estimatedvalue"] = o.EstimatedValue, ["actualvalue"] = o.ActualValue,
                ["estimatedclosedate"] = new DateTimeOffset(o.EstimatedCloseDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                [DemoWorldChoices.PipelinePhaseColumn] = o.PipelinePhase, [DemoWorldChoices.ContractValueColumn] = o.ContractValue,
                ["parentaccountid"] = o.ParentAccountId is { } account ? new EntityReference("account", account) : null,
                ["parentcontactid"] = o.ParentContactId is { } contact ? new EntityReference("contact", contact) : null,
                ["customerid"] = new EntityReference(o.CustomerIsAccount ? "account" : "contact", o.CustomerId),
                ["ownerid"] = new EntityReference("systemuser", o.OwnerId),
            });
        }
        var connections = org.Schema.GetTable("connection");
        var owners = world.Opportunities.ToDictionary(o => o.Id, o => o.OwnerId);
        foreach (var s in world.Stakeholders)
        {
            var owner = owners[s.OpportunityId];
            Insert(connections, s.Id, owner, world.Spec.Now.AddDays(-30), new()
            {
                ["record1id"] = new EntityReference("opportunity", s.OpportunityId),
                ["record2id"] = new EntityReference("contact", s.ContactId),
                ["record2roleid"] = new EntityReference("connectionrole", _stakeholderRole),
                ["ownerid"] = new EntityReference("systemuser", owner),
            });
        }
    }

    private void Insert(Schema.TableDefinition table, Guid id, Guid createdBy, DateTimeOffset createdOn, Dictionary<string, object?> values)
    {
        var bu = org.Store.Find("systemuser", createdBy)?.Reference("businessunitid")?.Id ?? Guid.Empty;
        org.Writer.Insert(scope, table, id, values, new Caller(createdBy, bu), createdOn);
    }
}
