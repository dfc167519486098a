namespace SalesBridge.Emulator.Schema;

public static partial class StandardSchema
{
    /// <summary>Custom columns a customer added to opportunity, as real orgs have (publisher prefix <c>new_</c>).</summary>
    public const string CustomPipelinePhase = "new_pipelinephase";
    public const string CustomContractValue = "new_contractvalue";

    public static readonly OptionSetDefinition IndustryCodes = new("account_industrycode",
    [
        new(1, "Accounting"), new(2, "Agriculture and Non-petrol Natural Resource Extraction"),
        new(3, "Broadcasting Printing and Publishing"), new(4, "Brokers"), new(5, "Building Supply Retail"),
        new(6, "Business Services"), new(7, "Consulting"), new(8, "Consumer Services"),
        new(9, "Design, Direction and Creative Management"), new(10, "Distributors, Dispatchers and Processors"),
        new(11, "Doctor's Offices and Clinics"), new(12, "Durable Manufacturing"), new(13, "Eating and Drinking Places"),
        new(14, "Entertainment Retail"), new(15, "Equipment Rental and Leasing"), new(16, "Financial"),
        new(17, "Food and Tobacco Processing"), new(18, "Inbound Capital Intensive Processing"),
        new(19, "Inbound Repair and Services"), new(20, "Insurance"), new(21, "Legal Services"),
        new(22, "Non-Durable Merchandise Retail"), new(23, "Outbound Consumer Service"),
        new(24, "Petrochemical Extraction and Distribution"), new(25, "Service Retail"), new(26, "SIG Affiliations"),
        new(27, "Social Services"), new(28, "Special Outbound Trade Contractors"), new(29, "Specialty Realty"),
        new(30, "Transportation"), new(31, "Utility Creation and Distribution"), new(32, "Vehicle Retail"),
        new(33, "Wholesale"),
    ]);

    public static readonly OptionSetDefinition SalesStages = new("opportunity_salesstage",
        [new(0, "Qualify"), new(1, "Develop"), new(2, "Propose"), new(3, "Close")]);

    public static readonly OptionSetDefinition PipelinePhases = new("new_pipelinephase",
    [
        new(100000000, "Prospecting"), new(100000001, "Discovery"), new(100000002, "Solution Design"),
        new(100000003, "Proposal"), new(100000004, "Negotiation"),
    ]);

    private static void AddAccount(OrgSchema schema) =>
        Table(schema, "account", "accounts", "Account", 1, "name", changeTracking: true)
            .String("name", 160, primaryName: true)
            .String("accountnumber", 20).String("websiteurl", 200).String("telephone1", 50).String("emailaddress1", 100)
            .String("address1_line1", 250).String("address1_city", 80).String("address1_stateorprovince", 50)
            .String("address1_postalcode", 20).String("address1_country", 80)
            .Choice("industrycode", IndustryCodes)
            .Column("numberofemployees", AttributeType.Integer)
            .Column("revenue", AttributeType.Money)
            .Memo("description")
            .Lookup("primarycontactid", "contact", "account_primary_contact")
            .Lookup("parentaccountid", "account", "account_parent_account")
            .ActiveInactive().WithSystemColumns()
            // Not a default key of Dataverse: the demo org defines it, as many customers do, so that rows can be
            // addressed as accounts(accountnumber='A1').
            .Key("accountnumber_key", "accountnumber")
            .Build();

    private static void AddContact(OrgSchema schema) =>
        Table(schema, "contact", "contacts", "Contact", 2, "fullname", changeTracking: true)
            .String("firstname", 50).String("lastname", 50, required: "ApplicationRequired").String("middlename", 50)
            .Add(new AttributeDefinition { LogicalName = "fullname", Type = AttributeType.String, MaxLength = 160, IsPrimaryName = true, IsValidForWrite = false })
            .String("emailaddress1", 100).String("emailaddress2", 100).String("jobtitle", 100)
            .String("telephone1", 50).String("mobilephone", 50)
            .String("address1_line1", 250).String("address1_city", 80).String("address1_stateorprovince", 50)
            .String("address1_postalcode", 20).String("address1_country", 80)
            .Memo("description")
            .Polymorphic("parentcustomerid", AttributeType.Customer,
                ("account", "contact_customer_accounts", "parentcustomerid_account"),
                ("contact", "contact_customer_contacts", "parentcustomerid_contact"))
            .ActiveInactive().WithSystemColumns()
            .Build();

    private static void AddLead(OrgSchema schema) =>
        Table(schema, "lead", "leads", "Lead", 4, "fullname", changeTracking: true)
            .String("subject", 300)
            .String("firstname", 50).String("lastname", 50, required: "ApplicationRequired")
            .Add(new AttributeDefinition { LogicalName = "fullname", Type = AttributeType.String, MaxLength = 160, IsPrimaryName = true, IsValidForWrite = false })
            .String("companyname", 100).String("emailaddress1", 100).String("jobtitle", 100).String("telephone1", 50)
            .String("websiteurl", 200).String("address1_city", 80).String("address1_country", 80)
            .Memo("description")
            .Lookup("parentaccountid", "account", "account_parent_account_lead", "parentaccountid")
            .Lookup("parentcontactid", "contact", "contact_parent_contact_lead", "parentcontactid")
            .WithState(
                new("lead_statecode", [new(0, "Open"), new(1, "Qualified"), new(2, "Disqualified")]),
                new("lead_statuscode", [
                    new(1, "New", 0), new(2, "Contacted", 0), new(3, "Qualified", 1), new(4, "Lost", 2),
                    new(5, "Cannot Contact", 2), new(6, "No Longer Interested", 2), new(7, "Canceled", 2)]))
            .WithSystemColumns()
            .Build();

    private static void AddOpportunity(OrgSchema schema) =>
        Table(schema, "opportunity", "opportunities", "Opportunity", 3, "name", changeTracking: true)
            .String("name", 300, primaryName: true)
            // Display names as in Dataverse's opportunity table reference; settings pages show them.
            .Choice("salesstage", SalesStages, displayName: "Sales Stage")
            .Choice("salesstagecode", new("opportunity_salesstagecode", [new(1, "Default Value")]), displayName: "Process Code")
            .String("stepname", 200)
            .Column("estimatedvalue", AttributeType.Money, displayName: "Est. Revenue")
            .Column("actualvalue", AttributeType.Money, displayName: "Actual Revenue")
            .Column("estimatedclosedate", AttributeType.DateTime).Column("actualclosedate", AttributeType.DateTime)
            .Column("closeprobability", AttributeType.Integer)
            .Memo("description")
            .Choice(CustomPipelinePhase, PipelinePhases, custom: true, displayName: "Pipeline Phase")
            .Column(CustomContractValue, AttributeType.Money, custom: true, displayName: "Contract Value")
            .Lookup("parentaccountid", "account", "opportunity_parent_account")
            .Lookup("parentcontactid", "contact", "opportunity_parent_contact")
            .Polymorphic("customerid", AttributeType.Customer,
                ("account", "opportunity_customer_accounts", "customerid_account"),
                ("contact", "opportunity_customer_contacts", "customerid_contact"))
            .WithState(
                new("opportunity_statecode", [new(0, "Open"), new(1, "Won"), new(2, "Lost")]),
                new("opportunity_statuscode", [
                    new(1, "In Progress", 0), new(2, "On Hold", 0), new(3, "Won", 1), new(4, "Canceled", 2), new(5, "Out-Sold", 2)]))
            .WithSystemColumns()
            .Build();
}
