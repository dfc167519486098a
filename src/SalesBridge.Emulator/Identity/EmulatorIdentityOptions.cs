using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Emulator.Identity;

/// <summary>Settings of the emulator's Entra-like token service.</summary>
public sealed class EmulatorIdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>The directory (tenant) id, a GUID; it appears in every URL and in the <c>tid</c> claim.</summary>
    [Required]
    [RegularExpression("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    public string TenantId { get; set; } = "";

    /// <summary>Entra's default access-token lifetime is about an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Entra's refresh tokens last 90 days for everything but single-page apps.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Entra's authorization codes are short-lived (about ten minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    internal Guid Tenant => Guid.Parse(TenantId);
}
