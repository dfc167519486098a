using System.Text.Json;

namespace SalesBridge.CrmImport;

/// <summary>
/// How far a run's reading got, saved on the run with every page it wrote (<see cref="SyncRun.Checkpoint"/>): a run
/// that stops half-way is carried on by the next one from here instead of reading everything again.
/// </summary>
internal sealed class ReadCheckpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Dictionary<string, TableProgress> Tables { get; init; } = [];

    /// <summary>What the reads were made under; a checkpoint made under other settings or another org is not carried on.</summary>
    public string? StageColumn { get; init; }
    public Guid? OrganizationId { get; init; }

    /// <summary>The stage column's option order and the stakeholder role ids, read once per full read.</summary>
    public string? StageOrder { get; set; }
    public string? StakeholderRoleIds { get; set; }

    /// <summary>
    /// The accounts and contacts this run's change reads touched (null: not kept, e.g. a full read): a run that read only
    /// changes re-plans and compares just the saved items of these records (<see cref="ImportFinish"/>).
    /// </summary>
    public TouchedRecords? Touched { get; set; }

    /// <summary>
    /// On a finished run: the seats and stage threshold its saved items were brought in line with
    /// (<see cref="PlanInputs"/>); the next run compares only what changed while these stay the same.
    /// </summary>
    public string? PlanFingerprint { get; set; }

    /// <summary>On a finished run: the matching weights later runs score their few changed records with.</summary>
    public MatchModels? MatchModels { get; set; }

    public TableProgress For(string table) => Tables.TryGetValue(table, out var progress) ? progress : Tables[table] = new TableProgress();

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ReadCheckpoint? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<ReadCheckpoint>(json, Json);
}

/// <summary>One table's reading: full or changes, the page to read next, and the delta link once done.</summary>
internal sealed class TableProgress
{
    /// <summary>Reading every row (true) or only changes since the stored delta link.</summary>
    public bool Full { get; set; }

    /// <summary>Marks the rows a full read saw; rows without it were not seen and leave.</summary>
    public Guid ReadId { get; set; }

    /// <summary>The next page (a nextLink), or the delta link to start from; null: the table's first page.</summary>
    public string? Link { get; set; }

    public bool Started { get; set; }

    /// <summary>
    /// A full read into a table that held no rows of the contract when it started (the first import): its pages are
    /// inserted without looking for rows to update. Pages never overlap, so a resumed read keeps this.
    /// </summary>
    public bool InsertOnly { get; set; }
    public bool Done { get; set; }

    /// <summary>The delta link the finished read returned, for the next run.</summary>
    public string? DeltaLink { get; set; }

    public int Rows { get; set; }
}

/// <summary>
/// The CRM ids of the accounts and contacts whose saved items a run's change reads may have changed: the records read,
/// and those the read opportunities and stakeholder connections pointed at before and after. Past
/// <see cref="MaxIds"/> only <see cref="Overflow"/> is kept (the checkpoint is saved with every page) and the run
/// compares everything.
/// </summary>
internal sealed class TouchedRecords
{
    public const int MaxIds = 20_000;

    public HashSet<Guid> Accounts { get; init; } = [];
    public HashSet<Guid> Contacts { get; init; } = [];
    public bool Overflow { get; set; }

    public void Add(IEnumerable<Guid?> ids, bool accounts)
    {
        if (Overflow) return;
        var into = accounts ? Accounts : Contacts;
        foreach (var id in ids) if (id is { } value) into.Add(value);
        if (Accounts.Count + Contacts.Count <= MaxIds) return;
        Overflow = true;
        Accounts.Clear();
        Contacts.Clear();
    }
}
