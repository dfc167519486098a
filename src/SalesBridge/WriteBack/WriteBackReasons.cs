namespace SalesBridge.WriteBack;

/// <summary>The words an item's status shows when it waits, is skipped or fails (SPEC S14: the UI says which).</summary>
public static class WriteBackReasons
{
    public const string NotConnected = "Waiting: the contract is not connected to a CRM.";
    public const string ConnectionPaused = "Waiting: sync is paused because the CRM connection failed. An admin reconnects under CRM Settings.";
    public const string WriteBackOff = "Waiting: write-back to the CRM is turned off in CRM Settings.";
    public const string SolutionMissing = "Waiting: the SalesBridge solution is not installed in the CRM. An admin installs it under CRM Settings.";
    public const string NoSeat = "Waiting: the author no longer holds a seat.";
    public const string ItemDeleted = "The item was deleted before it reached the CRM.";

    public static string TypeOff(string typeName) => $"Skipped: {typeName} are not written back to the CRM (CRM Settings).";

    public static string SeatWaiting(string seatReason) => $"Waiting: {seatReason}";

    public static string RecordGone(string table, Guid crmId) =>
        $"The CRM {table} {crmId:D} this person was matched to no longer exists; written as an open activity until the person is matched again.";
}
