namespace SalesBridge.Emulator.Store;

/// <summary>A unit of writes across several requests (a batch change set): commit keeps them, dispose without commit undoes them.</summary>
public sealed class OrgTransaction : IDisposable
{
    private readonly WriteScope _scope;
    private readonly Action _end;
    private bool _done;

    internal OrgTransaction(WriteScope scope, Action end)
    {
        _scope = scope;
        _end = end;
    }

    public void Commit()
    {
        if (_done) return;
        _done = true;
        _end();
    }

    public void Rollback()
    {
        if (_done) return;
        _done = true;
        try
        {
            _scope.Rollback();
        }
        finally
        {
            _end();
        }
    }

    public void Dispose() => Rollback();
}
