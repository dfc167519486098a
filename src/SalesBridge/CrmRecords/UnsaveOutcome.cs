namespace SalesBridge.CrmRecords;

/// <summary>What unsaving a saved lead or account did: an item the CRM also brings in stays (SPEC S9, S10).</summary>
public enum UnsaveOutcome
{
    /// <summary>The item is gone, with its places on the seat holder's lists.</summary>
    Removed,

    /// <summary>
    /// It was saved by hand and an open CRM opportunity also brings it in: no longer saved by hand and off the seat
    /// holder's own lists, but it stays on the system list until the CRM stops bringing it in.
    /// </summary>
    KeptWhileInCrm,
}
