namespace SalesBridge.Contracts;

/// <summary>
/// One customer company's agreement: how many seats it bought and which edition. Everything a seat holder or an
/// admin sees hangs off one contract, and nothing crosses from one contract to another.
/// </summary>
public sealed class Contract
{
    public const int MaxCompanyNameLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CompanyName { get; set; }
    public ContractEdition Edition { get; set; } = ContractEdition.Advanced;
    public int SeatCount { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
