using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Org;

/// <summary>One Dataverse org: what it says about itself, its tables, its rows and its security roles.</summary>
public sealed class EmulatedOrg
{
    public EmulatedOrg(OrgSettings settings, TimeProvider time, OrgSchema? schema = null)
    {
        Settings = settings;
        Time = time;
        Schema = schema ?? StandardSchema.Create();
        Store = new OrgStore(Schema);
        Security = new SecurityModel(Store);
        Writer = new RecordWriter(this);
    }

    public OrgSettings Settings { get; }
    public TimeProvider Time { get; }
    public OrgSchema Schema { get; }
    public OrgStore Store { get; }
    public SecurityModel Security { get; }
    public RecordWriter Writer { get; }

    /// <summary>The root business unit: the one with no parent.</summary>
    public Guid RootBusinessUnitId =>
        Store.Table("businessunit").InKeyOrder().FirstOrDefault(r => r["parentbusinessunitid"] is null)?.Id
        ?? throw new InvalidOperationException("The org has no root business unit yet.");
}
