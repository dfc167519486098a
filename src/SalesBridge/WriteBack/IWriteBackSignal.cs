namespace SalesBridge.WriteBack;

/// <summary>
/// Wakes the write-back worker of a contract (B1: no polling delay in the normal path). Called after a commit that
/// queued or released items; losing a wake-up loses nothing, because the periodic sweep finds every pending item.
/// </summary>
public interface IWriteBackSignal
{
    void Wake(Guid contractId);
}

/// <summary>For hosts without a worker (the CLI): the items stay queued until a host with one runs.</summary>
public sealed class NoWriteBackSignal : IWriteBackSignal
{
    public void Wake(Guid contractId)
    {
    }
}
