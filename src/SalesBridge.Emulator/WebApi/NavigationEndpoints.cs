using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// Reads through navigation properties (<c>accounts(id)/contact_customer_accounts</c>) and changes
/// relationships through <c>$ref</c> (associate and disassociate).
/// </summary>
public static class NavigationEndpoints
{
    public static Task RouteAsync(DataverseRequest request, TableDefinition table, KeyParameters key, string keyText,
        NavigationProperty navigation, IReadOnlyList<PathSegment> rest)
    {
        var method = request.Http.Request.Method;
        var source = RowLocator.Find(request.Org.Store, table, key, keyText);
        request.Org.Security.DemandOnRow(request.Caller, table, AccessRight.Read, source);
        var target = request.Org.Schema.GetTable(navigation.TargetTable);
        var last = rest[^1];
        if (last.Name == "$ref")
        {
            if (rest.Count != 2) throw RequestRouter.NoResource(request);
            return RefAsync(request, table, source, navigation, target, method, rest[0].Parameters);
        }
        if (rest.Count == 2 && last.Name == "$count" && navigation.IsCollection && method == "GET")
        {
            return QueryRoutes.CountAsync(request, target, Restriction(request, navigation, source));
        }
        if (rest.Count != 1 || method != "GET") throw RequestRouter.NoResource(request);
        if (navigation.IsCollection)
        {
            return QueryRoutes.QueryNavigationAsync(request, target, Restriction(request, navigation, source),
                $"{table.EntitySetName}({source.Id})/{navigation.Name}");
        }
        var reference = source.Reference(navigation.LookupAttribute!);
        if (reference is null || reference.Table != target.LogicalName || request.Org.Store.Find(target.LogicalName, reference.Id) is not { } related)
        {
            request.NoContent();
            return Task.CompletedTask;
        }
        request.Org.Security.DemandOnRow(request.Caller, target, AccessRight.Read, related);
        return SingleRowResponse.WriteAsync(request, target, related, StatusCodes.Status200OK);
    }

    /// <summary>The rows of the target table that a collection navigation property of <paramref name="source"/> holds.</summary>
    public static Func<EntityRow, bool> Restriction(DataverseRequest request, NavigationProperty navigation, EntityRow source)
    {
        if (navigation.Kind == NavigationKind.OneToMany)
        {
            var lookup = navigation.LookupAttribute!;
            return row => row.Reference(lookup)?.Id == source.Id;
        }
        var relationship = request.Org.Schema.ManyToManyRelationships.First(r => r.SchemaName == navigation.RelationshipSchemaName);
        var ids = request.Org.Store.Associated(relationship, navigation.SourceTable, source.Id).ToHashSet();
        return row => ids.Contains(row.Id);
    }

    private static async Task RefAsync(DataverseRequest request, TableDefinition table, EntityRow source, NavigationProperty navigation,
        TableDefinition target, string method, string? itemKey)
    {
        var org = request.Org;
        EntityReference? other = null;
        if (method is "POST" or "PUT")
        {
            using var body = await PayloadReader.ParseBodyAsync(request.Http.Request.Body, request.Aborted);
            var id = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("@odata.id", out var v)
                ? v.GetString() : null;
            other = request.References.Parse(id ?? throw DataverseErrors.BadRequest("The request body must carry '@odata.id'."));
        }
        else if (method == "DELETE")
        {
            if (itemKey is not null) other = new EntityReference(target.LogicalName, RowLocator.Find(org.Store, target, ResourcePath.ParseParameters(itemKey), itemKey).Id);
            else if (request.Query["$id"].ToString() is { Length: > 0 } id) other = request.References.Parse(id);
            else if (navigation.IsCollection) throw DataverseErrors.BadRequest("Disassociating a collection-valued navigation property needs $id or a key.");
        }
        else
        {
            throw RequestRouter.NoResource(request);
        }
        if (other is not null && other.Table != target.LogicalName)
        {
            throw DataverseErrors.BadRequest($"A resource of type '{other.Table}' cannot be related through '{navigation.Name}', which expects '{target.LogicalName}'.");
        }
        org.Store.Write(scope =>
        {
            Apply(request, scope, table, source, navigation, target, method == "DELETE" ? null : other, other);
            return 0;
        });
        request.NoContent();
    }

    private static void Apply(DataverseRequest request, WriteScope scope, TableDefinition table, EntityRow source,
        NavigationProperty navigation, TableDefinition target, EntityReference? link, EntityReference? other)
    {
        var org = request.Org;
        switch (navigation.Kind)
        {
            case NavigationKind.ManyToOne:
                org.Writer.Update(scope, table, source, new Dictionary<string, object?> { [navigation.LookupAttribute!] = link }, request.Caller);
                break;
            case NavigationKind.OneToMany:
                var child = org.Store.Find(target.LogicalName, other!.Id) ?? throw DataverseErrors.RowNotFound(target.LogicalName, other.Id);
                if (link is null && child.Reference(navigation.LookupAttribute!)?.Id != source.Id) return;
                org.Writer.Update(scope, target, child,
                    new Dictionary<string, object?> { [navigation.LookupAttribute!] = link is null ? null : new EntityReference(table.LogicalName, source.Id) },
                    request.Caller);
                break;
            case NavigationKind.ManyToMany:
                org.Security.Demand(request.Caller, table, AccessRight.AppendTo);
                org.Security.Demand(request.Caller, target, AccessRight.AppendTo);
                var relationship = org.Schema.ManyToManyRelationships.First(r => r.SchemaName == navigation.RelationshipSchemaName);
                var sourceIsFirst = relationship.Entity1LogicalName == table.LogicalName;
                var (first, second) = sourceIsFirst ? (source.Id, other!.Id) : (other!.Id, source.Id);
                if (link is null) scope.Disassociate(relationship.SchemaName, first, second);
                else if (!scope.Associate(relationship.SchemaName, first, second))
                {
                    throw new DataverseFault(400, "0x80040237", "Cannot insert duplicate key.");
                }
                break;
        }
    }
}
