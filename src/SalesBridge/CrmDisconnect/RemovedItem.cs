using System.Text.Json;

namespace SalesBridge.CrmDisconnect;

/// <summary>One thing a clean-up removed, as the audit lists it. Kind: <c>lead</c>, <c>account</c>, <c>listEntry</c> or <c>crmUser</c>.</summary>
public sealed record RemovedItem(string Kind, Guid Id, string Name)
{
    public const string Lead = "lead";
    public const string Account = "account";
    public const string ListEntry = "listEntry";

    /// <summary>A CRM user read for Seat Management (<see cref="CrmSeats.CrmUserSnapshot"/>).</summary>
    public const string CrmUser = "crmUser";

    /// <summary>The kind as the audit page shows it.</summary>
    public string KindLabel => Kind switch { ListEntry => "list entry", CrmUser => "CRM user", _ => Kind };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(IEnumerable<RemovedItem> items) => JsonSerializer.Serialize(items, Json);

    public static IReadOnlyList<RemovedItem> FromJson(string json) => JsonSerializer.Deserialize<List<RemovedItem>>(json, Json) ?? [];
}
