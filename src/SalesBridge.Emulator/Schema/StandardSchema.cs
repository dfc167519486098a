namespace SalesBridge.Emulator.Schema;

/// <summary>
/// The tables of a fresh Dynamics 365 Sales org that SalesBridge reads and writes, with the column names,
/// types, relationships and navigation property names of the real product (Dataverse table reference).
/// Only the columns SalesBridge or a typical client touches are declared.
/// </summary>
public static partial class StandardSchema
{
    public static OrgSchema Create()
    {
        var schema = new OrgSchema();
        AddOrganization(schema);
        AddSecurity(schema);
        AddSolutions(schema);
        AddAccount(schema);
        AddContact(schema);
        AddLead(schema);
        AddOpportunity(schema);
        AddConnections(schema);
        AddActivities(schema);
        AddAnnotation(schema);
        return schema;
    }

    private static TableBuilder Table(OrgSchema schema, string logicalName, string entitySetName, string schemaName,
        int objectTypeCode, string? primaryName, OwnershipType ownership = OwnershipType.UserOwned,
        bool changeTracking = false, bool isActivity = false, string? primaryId = null, bool isActivityUnion = false)
    {
        var table = new TableDefinition
        {
            LogicalName = logicalName, EntitySetName = entitySetName, SchemaName = schemaName,
            PrimaryIdAttribute = primaryId ?? logicalName + "id", PrimaryNameAttribute = primaryName,
            ObjectTypeCode = objectTypeCode, DisplayName = schemaName, DisplayCollectionName = entitySetName,
            OwnershipType = ownership, ChangeTrackingEnabled = changeTracking, IsActivity = isActivity,
            IsActivityUnion = isActivityUnion,
        };
        return new TableBuilder(schema, table);
    }

    /// <summary>The audit and ownership columns every user-owned table carries.</summary>
    private static TableBuilder WithSystemColumns(this TableBuilder builder)
    {
        var table = builder.Table.LogicalName;
        builder
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("overriddencreatedon", AttributeType.DateTime)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Lookup("createdby", "systemuser", $"lk_{table}_createdby", writable: false)
            .Lookup("modifiedby", "systemuser", $"lk_{table}_modifiedby", writable: false)
            .Lookup("createdonbehalfby", "systemuser", $"lk_{table}_createdonbehalfby", writable: false)
            .Lookup("modifiedonbehalfby", "systemuser", $"lk_{table}_modifiedonbehalfby", writable: false);
        if (builder.Table.OwnershipType == OwnershipType.UserOwned)
        {
            builder
                .Lookup("ownerid", "systemuser", $"owner_{builder.Table.EntitySetName}", "ownerid", type: AttributeType.Owner)
                .Lookup("owninguser", "systemuser", $"user_{builder.Table.EntitySetName}", writable: false)
                .Lookup("owningbusinessunit", "businessunit", $"business_unit_{builder.Table.EntitySetName}", writable: false);
        }
        return builder;
    }

    private static TableBuilder WithState(this TableBuilder builder, OptionSetDefinition state, OptionSetDefinition status) =>
        builder.Choice("statecode", state, AttributeType.State).Choice("statuscode", status, AttributeType.Status);

    private static OptionSetDefinition ActiveInactiveState(string table) =>
        new($"{table}_statecode", [new(0, "Active"), new(1, "Inactive")]);

    private static OptionSetDefinition ActiveInactiveStatus(string table) =>
        new($"{table}_statuscode", [new(1, "Active", 0), new(2, "Inactive", 1)]);

    private static TableBuilder ActiveInactive(this TableBuilder builder) =>
        builder.WithState(ActiveInactiveState(builder.Table.LogicalName), ActiveInactiveStatus(builder.Table.LogicalName));
}
