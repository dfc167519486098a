namespace SalesBridge.Emulator.Schema;

public static partial class StandardSchema
{
    /// <summary>The tables an activity's <c>regardingobjectid</c> may point at.</summary>
    private static readonly string[] RegardingTargets = ["account", "contact", "lead", "opportunity"];

    /// <summary>The option sets of a custom activity's state and status (activitypointer's, with local names).</summary>
    public static (OptionSetDefinition State, OptionSetDefinition Status) CustomActivityStates(string table) => (
        new($"{table}_statecode", [new(0, "Open"), new(1, "Completed"), new(2, "Canceled"), new(3, "Scheduled")]),
        new($"{table}_statuscode", [new(1, "Open", 0), new(2, "Completed", 1), new(3, "Canceled", 2), new(4, "Scheduled", 3)]));

    private static void AddActivities(OrgSchema schema)
    {
        // activitypointer is the read-only union over every activity table (the timeline); the store answers it
        // from the concrete tables.
        var pointer = Table(schema, "activitypointer", "activitypointers", "ActivityPointer", 4200, "subject",
            isActivity: true, primaryId: "activityid", isActivityUnion: true);
        AddActivityColumns(pointer, "ActivityPointers", "activitypointer",
            new("activitypointer_statecode", [new(0, "Open"), new(1, "Completed"), new(2, "Canceled"), new(3, "Scheduled")]),
            new("activitypointer_statuscode", [new(1, "Open", 0), new(2, "Completed", 1), new(3, "Canceled", 2), new(4, "Scheduled", 3)]))
            .Add(new AttributeDefinition { LogicalName = "activitytypecode", Type = AttributeType.EntityName, IsValidForWrite = false })
            .Build();

        var task = Table(schema, "task", "tasks", "Task", 4212, "subject", isActivity: true, primaryId: "activityid", changeTracking: true);
        AddActivityColumns(task, "Tasks", "task",
            new("task_statecode", [new(0, "Open"), new(1, "Completed"), new(2, "Canceled")]),
            new("task_statuscode", [
                new(2, "Not Started", 0), new(3, "In Progress", 0), new(4, "Waiting on someone else", 0),
                new(7, "Deferred", 0), new(5, "Completed", 1), new(6, "Canceled", 2)]))
            .Column("percentcomplete", AttributeType.Integer)
            .Choice("prioritycode", new("task_prioritycode", [new(0, "Low"), new(1, "Normal"), new(2, "High")]))
            .Add(new AttributeDefinition { LogicalName = "activitytypecode", Type = AttributeType.EntityName, IsValidForWrite = false })
            .Build();
        AddActivityParties(schema);
    }

    /// <summary>
    /// The columns every activity table shares (inherited from activitypointer), with the regarding lookup's
    /// relationships named <c>{Target}_{collectionSuffix}</c> and navigations <c>regardingobjectid_{target}_{navigationSuffix}</c>.
    /// </summary>
    public static TableBuilder AddActivityColumns(TableBuilder builder, string collectionSuffix, string navigationSuffix,
        OptionSetDefinition state, OptionSetDefinition status) =>
        builder
            .String("subject", 400, primaryName: true)
            .Memo("description", 100000)
            .Column("actualstart", AttributeType.DateTime).Column("actualend", AttributeType.DateTime)
            .Column("scheduledstart", AttributeType.DateTime).Column("scheduledend", AttributeType.DateTime)
            .Column("actualdurationminutes", AttributeType.Integer)
            .Polymorphic("regardingobjectid", AttributeType.Lookup, RegardingTargets
                .Select(t => (t, $"{Capitalize(t)}_{collectionSuffix}", $"regardingobjectid_{t}_{navigationSuffix}"))
                .ToArray())
            .WithState(state, status)
            .WithSystemColumns();

    private static string Capitalize(string value) => char.ToUpperInvariant(value[0]) + value[1..];
}
