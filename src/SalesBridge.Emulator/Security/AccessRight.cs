namespace SalesBridge.Emulator.Security;

/// <summary>Dataverse's AccessRights values; each maps to a privilege name such as <c>prvReadAccount</c>.</summary>
[Flags]
public enum AccessRight
{
    Read = 1,
    Write = 2,
    Append = 4,
    AppendTo = 16,
    Create = 32,
    Delete = 65536,
    Share = 262144,
    Assign = 524288,
}

/// <summary>How far a privilege reaches: the user's own rows, the business unit, its children, or the org.</summary>
public enum PrivilegeDepth
{
    Basic = 0,
    Local = 1,
    Deep = 2,
    Global = 3,
}
