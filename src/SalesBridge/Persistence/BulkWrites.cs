using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesBridge.Persistence;

/// <summary>
/// Inserts and updates many rows with plain multi-row SQL commands, for the import's hundreds of thousands of rows:
/// EF's change tracker costs more per row than the database does. Columns, names and value conversions come from the
/// EF model itself (<see cref="RelationalTypeMapping.CreateParameter"/>), so a row written here reads back through
/// EF exactly like one EF wrote. Runs inside the context's current transaction; the tracker is not involved.
/// </summary>
internal static class BulkWrites
{
    // SQLite allows 32,766 parameters per statement and PostgreSQL 65,535; rows per statement stay well below both.
    private const int MaxParametersPerStatement = 8_000;

    public static async Task InsertAsync<T>(this SalesBridgeDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var columns = Columns(entity).ToList();
        var head = $"INSERT INTO {Quote(entity.GetTableName()!)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ";
        // SQLite runs in-process: one prepared single-row statement, re-run per row, is its fastest way in (and
        // Microsoft.Data.Sqlite finds parameters by name, so a statement with thousands of them costs quadratic time).
        // A server database pays a round trip per statement, so there many rows go in each.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParametersPerStatement / columns.Count);
        await using var command = NewCommand(db);
        var sql = new StringBuilder(head);
        var parameters = new List<(DbParameter Parameter, Column Column)>();
        for (var r = 0; r < Math.Min(perStatement, rows.Count); r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = columns[c].Mapping.CreateParameter(command, name, null, columns[c].Nullable);
                command.Parameters.Add(parameter);
                parameters.Add((parameter, columns[c]));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.PrepareAsync(cancellationToken);
        var full = rows.Count - rows.Count % Math.Min(perStatement, rows.Count);
        for (var start = 0; start < full; start += perStatement)
        {
            for (var i = 0; i < parameters.Count; i++) Fill(parameters[i].Parameter, parameters[i].Column, rows[start + i / columns.Count]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        // What is left after the full statements goes in one statement of its own size.
        if (full < rows.Count) await db.InsertAsync(rows.Skip(full).ToList(), cancellationToken);
    }

    /// <summary>Sets <paramref name="properties"/> (names of the entity's or its complex properties' members) of each row, found by key.</summary>
    public static async Task UpdateAsync<T>(this SalesBridgeDbContext db, IReadOnlyList<T> rows, IReadOnlyCollection<string> properties, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var all = Columns(entity).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var set = all.Where(c => properties.Contains(c.Property)).ToList();
        var id = all.Single(c => c.Name == key);
        await using var command = NewCommand(db);
        command.CommandText = $"UPDATE {Quote(entity.GetTableName()!)} SET {string.Join(", ", set.Select((c, i) => $"{Quote(c.Name)} = @s{i}"))} WHERE {Quote(key)} = @id";
        var parameters = set.Append(id).Select((c, i) => (Parameter: c.Mapping.CreateParameter(command, c == id ? "@id" : $"@s{i}", null, c.Nullable), Column: c)).ToList();
        foreach (var (parameter, _) in parameters) command.Parameters.Add(parameter);
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            foreach (var (parameter, column) in parameters) Fill(parameter, column, row);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Sets a prepared parameter (typed by its mapping) to a row's value in the database's terms (after the mapping's conversion).</summary>
    private static void Fill(DbParameter parameter, Column column, object row)
    {
        var value = column.Read(row);
        parameter.Value = (value is not null && column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
    }

    private static DbCommand NewCommand(SalesBridgeDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static IEnumerable<Column> Columns(IEntityType entity)
    {
        foreach (var property in entity.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            yield return new Column(property.GetColumnName(), property.Name, property.GetRelationalTypeMapping(), property.IsNullable,
                row => property.GetGetter().GetClrValueUsingContainingEntity(row));
        }
        foreach (var complex in entity.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                yield return new Column(property.GetColumnName(), property.Name, property.GetRelationalTypeMapping(), property.IsNullable,
                    row => property.GetGetter().GetClrValueUsingContainingEntity(row));
            }
        }
    }

    private static string Quote(string name) => $"\"{name}\"";

    private sealed record Column(string Name, string Property, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Read);
}
