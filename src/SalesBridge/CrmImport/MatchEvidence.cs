using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesBridge.Matching;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>
/// One field of a stored match decision as people read it: how the CRM record's value compared with the workspace
/// record's (agree, close, partial, disagree or missing), the values (shortened) and the weight the field added to the
/// score. <see cref="Weight"/> is null when no score was computed (a person chose the match).
/// </summary>
public sealed record MatchFieldEvidence(string Field, string Comparison, string? CrmValue, string? WorkspaceValue, double? Weight)
{
    /// <summary>"First name", "Website": the field as a screen or a CSV names it.</summary>
    public string Label => MatchEvidence.Label(Field);
}

/// <summary>
/// The engine's per-field evidence (SPEC S11: every decision explained) stored with the match as compact JSON, since the
/// import keeps ~300,000 records: one array per field, <c>[field, level, weight, crmValue, workspaceValue]</c>, with the
/// level one letter, the weight to two decimals, values cut to <see cref="MaxValueLength"/>, the workspace value left
/// out when it is the same text as the CRM's, and a field both sides lack written as <c>[field]</c> alone.
/// </summary>
public static class MatchEvidence
{
    /// <summary>Longer values are shortened: the evidence says how they compared, the record holds the full text.</summary>
    public const int MaxValueLength = 40;

    /// <summary>
    /// The engine's evidence for a pair in which the CRM record was the engine's "lead" side and the workspace record its
    /// "CRM" side (how <see cref="RecordMatching"/> runs it); null when there is none.
    /// </summary>
    public static string? Write(IReadOnlyList<FieldEvidence> evidence)
    {
        if (evidence.Count == 0) return null;
        var buffer = new ArrayBufferWriter<byte>(256);
        // Relaxed escaping keeps names like "Müller" one byte a letter; the text is parsed, never placed in a page as it is.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var field in evidence)
            {
                var crm = Short(field.LeadValue);
                var workspace = Short(field.CrmValue);
                json.WriteStartArray();
                json.WriteStringValue(field.Field);
                if (field.Agreement != FieldAgreement.Missing || crm is not null || workspace is not null)
                {
                    json.WriteStringValue(Code(field.Agreement));
                    // Missing adds nothing to the score (the engine weighs it 0): written as 0, never as a penalty.
                    json.WriteNumberValue(field.Agreement == FieldAgreement.Missing ? 0 : Math.Round(field.Weight, 2));
                    WriteText(json, crm);
                    if (workspace != crm) WriteText(json, workspace);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The stored evidence, field by field; empty when none was stored or the text is not evidence.</summary>
    public static IReadOnlyList<MatchFieldEvidence> Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return [];
        try
        {
            using var document = JsonDocument.Parse(stored);
            var fields = new List<MatchFieldEvidence>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var length = entry.GetArrayLength();
                var field = entry[0].GetString() ?? "";
                if (length < 3)
                {
                    fields.Add(new MatchFieldEvidence(field, "missing", null, null, 0));
                    continue;
                }
                var crm = length > 3 ? entry[3].GetString() : null;
                var workspace = length > 4 ? entry[4].GetString() : crm;
                fields.Add(new MatchFieldEvidence(field, Comparison(entry[1].GetString()), crm, workspace, entry[2].GetDouble()));
            }
            return fields;
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Evidence explains; a damaged row must not break the page that shows the match.
            return [];
        }
    }

    /// <summary>One line for a CSV cell: "first name agree +4.1 (Anna); email missing; …".</summary>
    public static string Line(IReadOnlyList<MatchFieldEvidence> evidence) => string.Join("; ", evidence.Select(e =>
    {
        var text = $"{e.Label.ToLowerInvariant()} {e.Comparison}";
        if (e.Weight is { } weight && e.Comparison != "missing") text += " " + weight.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);
        if (e.CrmValue is not null || e.WorkspaceValue is not null)
        {
            text += e.CrmValue == e.WorkspaceValue ? $" ({e.CrmValue})" : $" ({e.CrmValue ?? "—"} | {e.WorkspaceValue ?? "—"})";
        }
        return text;
    }));

    public static string Label(string field) => field switch
    {
        "FirstName" => "First name",
        "LastName" => "Last name",
        "JobTitle" => "Job title",
        "PostalCode" => "Postal code",
        _ => field,
    };

    private static string Code(FieldAgreement agreement) => agreement switch
    {
        FieldAgreement.Exact => "a",
        FieldAgreement.Close => "c",
        FieldAgreement.Partial => "p",
        FieldAgreement.Disagree => "d",
        _ => "m",
    };

    private static string Comparison(string? code) => code switch
    {
        "a" => "agree",
        "c" => "close",
        "p" => "partial",
        "d" => "disagree",
        _ => "missing",
    };

    private static string? Short(string? value) => string.IsNullOrWhiteSpace(value) ? null : ColumnFit.Shortened(value.Trim(), MaxValueLength);

    private static void WriteText(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }
}
