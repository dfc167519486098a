namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Why a demo user exists; the emulator derives the user's security roles from it.</summary>
public enum DemoUserRole
{
    SystemAdministrator,

    /// <summary>The application user SalesBridge signs in as with client credentials.</summary>
    IntegrationUser,

    Salesperson,

    /// <summary>Exists so a privilege failure (no read on opportunities) can be demonstrated.</summary>
    SalespersonWithoutOpportunityRead,

    /// <summary>A salesperson who left: still owns records, cannot sign in.</summary>
    Disabled,
}

/// <summary>A row of Dataverse's <c>systemusers</c> table.</summary>
public sealed record CrmUser(
    Guid Id,
    string FirstName,
    string LastName,
    string FullName,
    string DomainName,
    string InternalEmailAddress,
    Guid AzureActiveDirectoryObjectId,
    bool IsDisabled,
    int AccessMode,
    Guid? ApplicationId,
    string? Password,
    string Title,
    DemoUserRole Role)
{
    public const int ReadWriteAccessMode = 0;
    public const int NonInteractiveAccessMode = 4;
}
