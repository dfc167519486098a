namespace SalesBridge.Emulator.Schema;

public static partial class StandardSchema
{
    /// <summary>The tables a connection's record1id/record2id may point at.</summary>
    private static readonly string[] ConnectableTables = ["account", "contact", "lead", "opportunity", "systemuser"];

    private static void AddConnections(OrgSchema schema)
    {
        Table(schema, "connectionrole", "connectionroles", "ConnectionRole", 3231, "name", OwnershipType.OrganizationOwned)
            .String("name", 100, primaryName: true)
            .Memo("description")
            .Choice("category", new("connectionrole_category", [
                new(1, "Business"), new(2, "Family"), new(3, "Social"), new(4, "Sales"), new(5, "Other"),
                new(1000, "Stakeholder"), new(1001, "Sales Team"), new(1002, "Service")]))
            .ActiveInactive()
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Build();

        Table(schema, "connection", "connections", "Connection", 3234, "name", changeTracking: true)
            .String("name", 500, primaryName: true)
            .Memo("description")
            .Column("ismaster", AttributeType.Boolean, writable: false)
            .Polymorphic("record1id", AttributeType.Lookup, ConnectableTables
                .Select(t => (t, $"{t}_connections1", $"record1id_{t}")).ToArray())
            .Polymorphic("record2id", AttributeType.Lookup, ConnectableTables
                .Select(t => (t, $"{t}_connections2", $"record2id_{t}")).ToArray())
            .Lookup("record1roleid", "connectionrole", "connection_role_connections1")
            .Lookup("record2roleid", "connectionrole", "connection_role_connections2")
            .Lookup("relatedconnectionid", "connection", "connection_related_connection", writable: false)
            .ActiveInactive().WithSystemColumns()
            .Build();
    }

    private static void AddAnnotation(OrgSchema schema) =>
        Table(schema, "annotation", "annotations", "Annotation", 5, "subject")
            .String("subject", 500, primaryName: true)
            .Memo("notetext", 100000)
            .String("filename", 255).String("mimetype", 256)
            .Memo("documentbody", int.MaxValue)
            .Column("isdocument", AttributeType.Boolean)
            .Column("filesize", AttributeType.Integer, writable: false)
            .Polymorphic("objectid", AttributeType.Lookup,
                ("account", "Account_Annotation", "objectid_account"),
                ("contact", "Contact_Annotation", "objectid_contact"),
                ("lead", "Lead_Annotation", "objectid_lead"),
                ("opportunity", "Opportunity_Annotation", "objectid_opportunity"),
                ("task", "Task_Annotation", "objectid_task"))
            .Column("objecttypecode", AttributeType.EntityName, writable: false)
            .WithSystemColumns()
            .Build();
}
