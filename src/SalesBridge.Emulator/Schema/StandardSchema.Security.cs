namespace SalesBridge.Emulator.Schema;

public static partial class StandardSchema
{
    private static void AddOrganization(OrgSchema schema) =>
        Table(schema, "organization", "organizations", "Organization", 1019, "name", OwnershipType.None)
            .String("name", 160, primaryName: true)
            .Column("languagecode", AttributeType.Integer)
            .Column("expirechangetrackingindays", AttributeType.Integer)
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Build();

    private static void AddSecurity(OrgSchema schema)
    {
        Table(schema, "businessunit", "businessunits", "BusinessUnit", 10, "name", OwnershipType.BusinessOwned)
            .String("name", 160, primaryName: true)
            .Lookup("parentbusinessunitid", "businessunit", "business_unit_parent_business_unit")
            .Column("isdisabled", AttributeType.Boolean)
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Build();

        Table(schema, "systemuser", "systemusers", "SystemUser", 8, "fullname", OwnershipType.BusinessOwned, changeTracking: true)
            .String("fullname", 200, primaryName: true)
            .String("firstname", 64).String("lastname", 64)
            .String("domainname", 1024).String("internalemailaddress", 100)
            .String("title", 128)
            .Column("isdisabled", AttributeType.Boolean)
            .Column("azureactivedirectoryobjectid", AttributeType.Uniqueidentifier)
            .Column("applicationid", AttributeType.Uniqueidentifier)
            .Choice("accessmode", new("systemuser_accessmode", [
                new(0, "Read-Write"), new(1, "Administrative"), new(2, "Read"), new(3, "Support User"),
                new(4, "Non-interactive"), new(5, "Delegated Admin")]))
            .Lookup("businessunitid", "businessunit", "business_unit_system_users")
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Build();

        Table(schema, "role", "roles", "Role", 1036, "name", OwnershipType.BusinessOwned)
            .String("name", 100, primaryName: true)
            .Lookup("businessunitid", "businessunit", "business_unit_roles")
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Build();

        Table(schema, "privilege", "privileges", "Privilege", 1023, "name", OwnershipType.None)
            .String("name", 100, primaryName: true)
            .Column("accessright", AttributeType.Integer)
            .Column("canbebasic", AttributeType.Boolean).Column("canbelocal", AttributeType.Boolean)
            .Column("canbedeep", AttributeType.Boolean).Column("canbeglobal", AttributeType.Boolean)
            .Build();

        schema.AddRelationship(new ManyToManyRelationship(
            "systemuserroles_association", "systemuser", "role", "systemuserroles_association", "systemuserroles_association"));
        schema.AddRelationship(new ManyToManyRelationship(
            "roleprivileges_association", "role", "privilege", "roleprivileges_association", "roleprivileges_association"));
    }

    private static void AddSolutions(OrgSchema schema)
    {
        Table(schema, "publisher", "publishers", "Publisher", 7101, "friendlyname", OwnershipType.OrganizationOwned)
            .String("uniquename", 256, required: "SystemRequired").String("friendlyname", 256, primaryName: true)
            .String("customizationprefix", 8).Column("customizationoptionvalueprefix", AttributeType.Integer).Memo("description")
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Key("publisher_uniquename", "uniquename")
            .Build();

        Table(schema, "solution", "solutions", "Solution", 7100, "friendlyname", OwnershipType.OrganizationOwned)
            .String("uniquename", 65, required: "SystemRequired").String("friendlyname", 256, primaryName: true)
            .String("version", 256, required: "SystemRequired").Memo("description")
            .Column("ismanaged", AttributeType.Boolean).Column("isvisible", AttributeType.Boolean)
            .Column("installedon", AttributeType.DateTime, writable: false)
            .Lookup("publisherid", "publisher", "publisher_solution")
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Key("solution_uniquename", "uniquename")
            .Build();
        AddSolutionComponents(schema);
    }
}
