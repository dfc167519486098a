using System.Text;
using System.Text.Json;
using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// What a response shows of each row: the <c>$select</c>ed columns (the primary key always included) and the
/// <c>$expand</c>ed navigation properties, recursively.
/// </summary>
internal sealed class Projection
{
    private Projection(TableDefinition table, IReadOnlyList<AttributeDefinition> columns, string contextList, IReadOnlyList<Expansion> expansions)
    {
        Table = table;
        Columns = columns;
        ContextList = contextList;
        Expansions = expansions;
    }

    public TableDefinition Table { get; }
    public IReadOnlyList<AttributeDefinition> Columns { get; }
    /// <summary>The part of <c>@odata.context</c> after the entity set: <c>(name,primarycontactid(fullname))</c>, or empty.</summary>
    public string ContextList { get; }
    public IReadOnlyList<Expansion> Expansions { get; }

    public static Projection From(SelectExpandClause? clause, TableDefinition table, QueryContext context)
    {
        var selected = new List<AttributeDefinition>();
        var names = new List<string>();
        var expansions = new List<Expansion>();
        var all = clause is null || clause.AllSelected;
        foreach (var item in clause?.SelectedItems ?? [])
        {
            switch (item)
            {
                case WildcardSelectItem:
                    all = true;
                    break;
                case PathSelectItem { SelectedPath.LastSegment: PropertySegment property }:
                    var column = table.FindProperty(property.Property.Name) ?? throw DataverseErrors.UnknownProperty(table, property.Property.Name);
                    if (!selected.Contains(column)) selected.Add(column);
                    names.Add(column.PropertyName);
                    break;
                case ExpandedNavigationSelectItem expand:
                    var expansion = Expansion.From(expand, table, context);
                    expansions.Add(expansion);
                    var inner = expansion.Inner!.ContextList;
                    names.Add(expansion.Navigation.Name + "(" + (inner.Length == 0 ? "" : inner[1..^1]) + ")");
                    break;
                case ExpandedReferenceSelectItem reference:
                    var link = Expansion.Reference(reference, table, context);
                    expansions.Add(link);
                    names.Add(link.Navigation.Name);
                    names.Add(link.Navigation.Name + "/$ref()");
                    break;
            }
        }
        IReadOnlyList<AttributeDefinition> columns = all ? RowJsonWriter.AllColumns(table) : WithPrimaryId(selected, table);
        var contextList = names.Count == 0 ? "" : "(" + string.Join(',', names) + ")";
        return new Projection(table, columns, contextList, expansions);
    }

    private static List<AttributeDefinition> WithPrimaryId(List<AttributeDefinition> selected, TableDefinition table)
    {
        if (!selected.Contains(table.PrimaryId)) selected.Add(table.PrimaryId);
        return selected;
    }

    /// <summary>Writes a row (with <c>@odata.etag</c>) and its expansions.</summary>
    public void WriteRow(Utf8JsonWriter writer, EntityRow row, RowJsonWriter rows) =>
        rows.Write(writer, row, Table, Columns, Expansions.Count == 0 ? null : WriteExpansions);

    /// <summary>Writes a row expanded through a single-valued navigation property: Dataverse leaves out its etag.</summary>
    public void WriteNestedRow(Utf8JsonWriter writer, EntityRow row, RowJsonWriter rows)
    {
        writer.WriteStartObject();
        foreach (var column in Columns) rows.WriteColumn(writer, row, Table, column);
        WriteExpansions(writer, row);
        writer.WriteEndObject();
    }

    public void WriteExpansions(Utf8JsonWriter writer, EntityRow row)
    {
        foreach (var expansion in Expansions) expansion.Write(writer, row);
    }
}
