namespace SalesBridge.Dataverse;

/// <summary>Per-request settings: impersonation, annotations, and whether the request may be repeated.</summary>
public record RequestOptions
{
    /// <summary>Act on behalf of the user with this Entra object id (<c>CallerObjectId</c>; preferred by Microsoft).</summary>
    public Guid? CallerObjectId { get; init; }

    /// <summary>Act on behalf of the user with this systemuserid (<c>MSCRMCallerID</c>).</summary>
    public Guid? CallerSystemUserId { get; init; }

    /// <summary>
    /// The caller asserts that sending this request twice does no harm (e.g. a create whose body sets the
    /// primary key), so it may be retried after a 5xx or a timeout. Reads and keyed upserts are safe anyway.
    /// </summary>
    public bool SafeToRetry { get; init; }
}

/// <summary>Options of a single-row read.</summary>
public sealed record RetrieveOptions : RequestOptions
{
    /// <summary>Columns to return (<c>$select</c>); all when empty.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    /// <summary>Raw <c>$expand</c> clause, e.g. <c>primarycontactid($select=fullname)</c>.</summary>
    public string? Expand { get; init; }

    /// <summary>Annotations to include (<c>odata.include-annotations</c>), e.g. <c>*</c> or <c>OData.Community.Display.V1.FormattedValue</c>.</summary>
    public string? IncludeAnnotations { get; init; }
}

/// <summary>What an upsert may do when it finds, or does not find, the row.</summary>
public enum UpsertBehavior
{
    /// <summary>Create the row when missing, update it when present.</summary>
    CreateOrUpdate,
    /// <summary>Only create (<c>If-None-Match: *</c>); an existing row fails with <see cref="DataversePreconditionFailedException"/>.</summary>
    CreateOnly,
    /// <summary>Only update (<c>If-Match: *</c>); a missing row fails with <see cref="DataverseNotFoundException"/>.</summary>
    UpdateOnly,
}

/// <summary>Options of a change-tracking read.</summary>
public sealed record ChangeTrackingOptions : RequestOptions
{
    /// <summary>Annotations to include (<c>odata.include-annotations</c>), e.g. <c>Microsoft.Dynamics.CRM.lookuplogicalname</c>.</summary>
    public string? IncludeAnnotations { get; init; }
}
