namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// A row of Dataverse's <c>opportunities</c> table. The customer (<c>_customerid_value</c>) is an account or a
/// contact, as <see cref="CustomerIsAccount"/> says. <see cref="PipelinePhase"/> and <see cref="ContractValue"/>
/// are the custom columns described by <see cref="DemoWorldChoices"/>; like most custom columns they are often empty.
/// </summary>
public sealed record CrmOpportunity(
    Guid Id,
    string Name,
    Guid OwnerId,
    Guid? ParentAccountId,
    Guid? ParentContactId,
    Guid CustomerId,
    bool CustomerIsAccount,
    int StateCode,
    int StatusCode,
    int SalesStage,
    int SalesStageCode,
    string StepName,
    decimal EstimatedValue,
    decimal? ActualValue,
    DateOnly EstimatedCloseDate,
    int? PipelinePhase,
    decimal? ContractValue,
    DateTimeOffset CreatedOn)
{
    public const int StateOpen = 0;
    public const int StateWon = 1;
    public const int StateLost = 2;

    public const int StatusInProgress = 1;
    public const int StatusOnHold = 2;
    public const int StatusWon = 3;
    public const int StatusCanceled = 4;
    public const int StatusOutSold = 5;

    /// <summary>The statecode each statuscode belongs to; Dataverse rejects any other pair.</summary>
    public static int StateOfStatus(int statusCode) => statusCode switch
    {
        StatusInProgress or StatusOnHold => StateOpen,
        StatusWon => StateWon,
        StatusCanceled or StatusOutSold => StateLost,
        _ => throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Not an opportunity status."),
    };
}
