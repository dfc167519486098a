namespace SalesBridge.Emulator.Schema;

public static partial class StandardSchema
{
    public const string ActivityParty = "activityparty";

    /// <summary>The tables an activity party's <c>partyid</c> may point at.</summary>
    private static readonly string[] PartyTargets = ["systemuser", "contact", "account", "lead"];

    /// <summary>ActivityParty.ParticipationTypeMask (ActivityParty table reference).</summary>
    public static readonly OptionSetDefinition ParticipationTypes = new("activityparty_participationtypemask",
    [
        new(1, "Sender"), new(2, "To Recipient"), new(3, "CC Recipient"), new(4, "BCC Recipient"),
        new(5, "Required attendee"), new(6, "Optional attendee"), new(7, "Organizer"), new(8, "Regarding"),
        new(9, "Owner"), new(10, "Resource"), new(11, "Customer"),
    ]);

    /// <summary>
    /// activityparty: the people and records an activity names (sender, recipients, attendees...). Its
    /// <c>activityid</c> targets activitypointer; each activity table reaches its parties through
    /// <c>{activity}_activity_parties</c>, the union through <c>activity_pointer_activity_parties</c>.
    /// </summary>
    private static void AddActivityParties(OrgSchema schema)
    {
        Table(schema, ActivityParty, "activityparties", "ActivityParty", 135, "partyidname", OwnershipType.None)
            .Add(new AttributeDefinition
            {
                LogicalName = "activityid", Type = AttributeType.Lookup, Targets = ["activitypointer"], RequiredLevel = "SystemRequired",
            })
            .Polymorphic("partyid", AttributeType.Lookup, PartyTargets.Select(t => (t, $"{t}_activity_parties", $"partyid_{t}")).ToArray())
            .String("partyidname", 4000)
            .Choice("participationtypemask", ParticipationTypes)
            .String("addressused", 320)
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Build();
        foreach (var activity in schema.Tables.Where(t => t.IsActivity).ToArray()) LinkActivityParties(schema, activity);
    }

    /// <summary>Declares the parties relationship of an activity table (standard, custom or the activitypointer union).</summary>
    public static void LinkActivityParties(OrgSchema schema, TableDefinition activity)
    {
        var name = activity.LogicalName;
        var (relationship, collection, navigation) = activity.IsActivityUnion
            ? ("activitypointer_activity_parties", "activity_pointer_activity_parties", "activityid_activitypointer")
            : activity.IsCustomEntity
                // The pattern Dataverse gives custom activities (e.g. activityid_msdyn_bookingalert_activityparty).
                ? ($"{name}_activity_parties", $"{name}_activity_parties", $"activityid_{name}_activityparty")
                : ($"{name}_activity_parties", $"{name}_activity_parties", $"activityid_{name}");
        schema.AddRelationship(new OneToManyRelationship(relationship, name, ActivityParty, "activityid", navigation, collection));
    }

    private static readonly OptionSetDefinition ComponentTypes = new("componenttype",
    [
        new(1, "Entity"), new(2, "Attribute"), new(3, "Relationship"), new(9, "Option Set"),
        new(10, "Entity Relationship"), new(14, "Entity Key"),
    ], isGlobal: true);

    /// <summary>solutioncomponent: which component (table, column, key...) belongs to which solution.</summary>
    private static void AddSolutionComponents(OrgSchema schema) =>
        Table(schema, "solutioncomponent", "solutioncomponents", "SolutionComponent", 7103, null, OwnershipType.None)
            .Column("objectid", AttributeType.Uniqueidentifier)
            .Choice("componenttype", ComponentTypes)
            .Column("rootcomponentbehavior", AttributeType.Integer)
            .Lookup("solutionid", "solution", "solution_solutioncomponent")
            .Column("createdon", AttributeType.DateTime, writable: false)
            .Column("modifiedon", AttributeType.DateTime, writable: false)
            .Column("versionnumber", AttributeType.BigInt, writable: false)
            .Build();
}
