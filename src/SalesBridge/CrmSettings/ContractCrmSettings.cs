namespace SalesBridge.CrmSettings;

/// <summary>
/// A contract's CRM settings (SPEC S6–S8, S12, S13, S16): who syncs, which opportunities count, where the won
/// value lives, and what is written back and as whom. One row per contract, made with the defaults on first read.
/// </summary>
public sealed class ContractCrmSettings
{
    public const int MaxColumnNameLength = 100;
    public const int MaxLabelLength = 200;

    public Guid ContractId { get; init; }

    /// <summary>S6: every seat syncs (true) or only the seats an admin enabled.</summary>
    public bool AutoSyncAllSeats { get; set; } = true;

    /// <summary>S7: the opportunity choice column that models the stage, or null for <i>Not Sure</i> (every open opportunity).</summary>
    public string? PipelineStageColumn { get; set; }

    /// <summary>S7: the option value an opportunity must have reached; with <see cref="PipelineStageColumn"/>.</summary>
    public int? PipelineStageValue { get; set; }

    /// <summary>The option's label when it was chosen, shown even if the org later renames it.</summary>
    public string? PipelineStageLabel { get; set; }

    /// <summary>S8: the opportunity currency column holding a won opportunity's value, or null for <i>Not Sure</i>.</summary>
    public string? WonValueColumn { get; set; }

    /// <summary>S21: how often the import runs on its own; <i>Sync now</i> runs it at once.</summary>
    public int SyncIntervalMinutes { get; set; } = DefaultSyncIntervalMinutes;

    public const int DefaultSyncIntervalMinutes = 15;
    public const int MinSyncIntervalMinutes = 5;
    public const int MaxSyncIntervalMinutes = 24 * 60;

    /// <summary>S12: write-back on or off.</summary>
    public bool WriteBackEnabled { get; set; }

    /// <summary>S13: every item type (recommended), or only those switched on below.</summary>
    public bool WriteBackAllItems { get; set; } = true;
    public bool WriteBackInMails { get; set; } = true;
    public bool WriteBackMessages { get; set; } = true;
    public bool WriteBackNotes { get; set; } = true;

    /// <summary>S16: who is recorded as the creator of what is written back.</summary>
    public WriteBackCreator Creator { get; set; } = WriteBackCreator.IntegrationUser;

    /// <summary>When the SalesBridge solution was last seen in the org (installed or detected); null when missing.</summary>
    public DateTimeOffset? SolutionDetectedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }

    public Guid Revision { get; set; } = Guid.NewGuid();

    /// <summary>Whether items of <paramref name="kind"/> are written back with these settings.</summary>
    public bool WritesBack(WriteBackItemKind kind) => WriteBackEnabled && (WriteBackAllItems || kind switch
    {
        WriteBackItemKind.InMail => WriteBackInMails,
        WriteBackItemKind.Message => WriteBackMessages,
        WriteBackItemKind.Note => WriteBackNotes,
        _ => false,
    });
}

/// <summary>Who appears as the creator of written-back activities (SPEC S16).</summary>
public enum WriteBackCreator
{
    /// <summary>The connected admin or integration user (the seed's behaviour); the seat holder is the owner.</summary>
    IntegrationUser,

    /// <summary>The seat holder, through impersonation; the integration user is "created on behalf by".</summary>
    SeatHolder,
}

/// <summary>The item types that can be written back (SPEC S13).</summary>
public enum WriteBackItemKind
{
    InMail,
    Message,
    Note,
}
