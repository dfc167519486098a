using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesBridge.Emulator.Metadata;

/// <summary>
/// The <c>$filter</c> subset metadata queries use (Query table definitions using the Web API): comparisons of a
/// property (or a path into a complex property such as <c>RequiredLevel/Value</c>) with a literal, joined by
/// <c>and</c>, <c>or</c>, <c>not</c> and parentheses. Enum literals are written with their type,
/// <c>Microsoft.Dynamics.CRM.AttributeTypeCode'Money'</c>, and compare with the enum's name.
/// </summary>
public abstract record MetadataFilter
{
    public abstract bool Matches(JsonObject item);

    /// <summary>The first segment of every property path, to check against the type's properties.</summary>
    public abstract IEnumerable<string> Properties();

    public static MetadataFilter Parse(string text)
    {
        var parser = new Parser(Tokenize(text));
        var filter = parser.Or();
        if (!parser.AtEnd) throw MetadataErrors.BadQuery($"Syntax error at position {parser.Position} in '{text}'.");
        return filter;
    }

    private sealed record Binary(MetadataFilter Left, bool IsOr, MetadataFilter Right) : MetadataFilter
    {
        public override bool Matches(JsonObject item) => IsOr ? Left.Matches(item) || Right.Matches(item) : Left.Matches(item) && Right.Matches(item);
        public override IEnumerable<string> Properties() => Left.Properties().Concat(Right.Properties());
    }

    private sealed record Not(MetadataFilter Inner) : MetadataFilter
    {
        public override bool Matches(JsonObject item) => !Inner.Matches(item);
        public override IEnumerable<string> Properties() => Inner.Properties();
    }

    private sealed record Comparison(string[] Path, string Operator, object? Literal) : MetadataFilter
    {
        public override IEnumerable<string> Properties() => [Path[0]];

        public override bool Matches(JsonObject item)
        {
            JsonNode? node = item;
            foreach (var segment in Path) node = node is JsonObject o ? o[segment] : null;
            var value = node is JsonValue v ? Scalar(v) : null;
            if (Literal is null || value is null)
            {
                var equal = Literal is null && value is null;
                return Operator switch { "eq" => equal, "ne" => !equal, _ => false };
            }
            var order = Compare(value, Literal);
            return Operator switch
            {
                "eq" => order == 0, "ne" => order != 0, "gt" => order > 0, "ge" => order >= 0, "lt" => order < 0, "le" => order <= 0,
                _ => false,
            };
        }

        private static object? Scalar(JsonValue value) => value.GetValueKind() switch
        {
            JsonValueKind.String => value.ToString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => null,
        };

        private static int Compare(object value, object literal) => (value, literal) switch
        {
            (bool a, bool b) => a.CompareTo(b),
            (decimal a, decimal b) => a.CompareTo(b),
            _ => string.Compare(Convert.ToString(value, CultureInfo.InvariantCulture), Convert.ToString(literal, CultureInfo.InvariantCulture),
                StringComparison.OrdinalIgnoreCase),
        };
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _index;

        public bool AtEnd => _index >= tokens.Count;
        public int Position => _index;

        public MetadataFilter Or()
        {
            var left = And();
            while (Accept("or")) left = new Binary(left, true, And());
            return left;
        }

        private MetadataFilter And()
        {
            var left = Unary();
            while (Accept("and")) left = new Binary(left, false, Unary());
            return left;
        }

        private MetadataFilter Unary()
        {
            if (Accept("not")) return new Not(Unary());
            if (Accept("("))
            {
                var inner = Or();
                if (!Accept(")")) throw MetadataErrors.BadQuery("')' expected in $filter.");
                return inner;
            }
            var path = Next("a property name");
            var op = Next("a comparison operator");
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
            {
                throw MetadataErrors.BadQuery($"The operator '{op}' is not supported in metadata $filter; use eq, ne, gt, ge, lt or le.");
            }
            return new Comparison(path.Split('/'), op, Literal(Next("a literal")));
        }

        private static object? Literal(string token)
        {
            if (token.StartsWith('\'')) return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
            var quote = token.IndexOf('\'');
            if (quote > 0 && token.EndsWith('\'')) return token[(quote + 1)..^1]; // Namespace.EnumType'Member'
            if (token == "null") return null;
            if (token is "true" or "false") return token == "true";
            if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
            if (Guid.TryParse(token, out var id)) return id.ToString();
            throw MetadataErrors.BadQuery($"Unrecognized literal '{token}' in $filter.");
        }

        private bool Accept(string token)
        {
            if (AtEnd || tokens[_index] != token) return false;
            _index++;
            return true;
        }

        private string Next(string expected) =>
            AtEnd ? throw MetadataErrors.BadQuery($"$filter ended where {expected} was expected.") : tokens[_index++];
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
            {
                if (text[i] == '\'')
                {
                    // A quoted literal runs to its closing quote ('' is an escaped quote inside it).
                    i++;
                    while (i < text.Length && !(text[i] == '\'' && (i + 1 >= text.Length || text[i + 1] != '\''))) i += text[i] == '\'' ? 2 : 1;
                }
                i++;
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }
}
