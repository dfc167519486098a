using System.Xml.Linq;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.FetchXml;

public sealed partial class FetchXmlParser
{
    private FetchFilter ParseFilter(XElement element, TableDefinition table)
    {
        var type = (string?)element.Attribute("type") ?? "and";
        if (type is not ("and" or "or"))
        {
            throw FetchXmlErrors.Invalid($"The filter type '{type}' is not valid; use 'and' or 'or'.", FetchXmlErrors.InvalidFilterType);
        }
        var conditions = new List<FetchCondition>();
        var filters = new List<FetchFilter>();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "condition": conditions.Add(ParseCondition(child, table)); break;
                case "filter": filters.Add(ParseFilter(child, table)); break;
                default: throw FetchXmlErrors.InvalidChild("filter", child.Name.LocalName, "condition, filter");
            }
        }
        return new FetchFilter(type == "or", conditions, filters);
    }

    private FetchCondition ParseCondition(XElement element, TableDefinition table)
    {
        var entityAlias = (string?)element.Attribute("entityname");
        if (entityAlias is not null)
        {
            table = AliasedTable(entityAlias);
        }
        var attribute = Attribute(table, Required(element, "attribute"));
        var operatorName = Required(element, "operator");
        var op = ConditionOperators.Find(operatorName) ?? throw FetchXmlErrors.UnknownOperator(operatorName);
        var raw = element.Elements("value").Select(v => v.Value).ToList();
        if (raw.Count == 0 && element.Attribute("value") is { } single) raw.Add(single.Value);
        var arity = op.Arity();
        if ((arity >= 0 && raw.Count != arity) || (arity < 0 && raw.Count == 0))
        {
            // Undocumented text; Dataverse refuses a condition with the wrong number of values.
            throw FetchXmlErrors.Invalid(
                $"The condition on attribute '{attribute.LogicalName}' with operator '{operatorName}' expects " +
                (arity < 0 ? "one or more values." : $"{arity} value(s) but has {raw.Count}."), FetchXmlErrors.InvalidValueCode);
        }
        var values = raw.Select(v => op.IsPattern() ? v : FetchValues.Convert(attribute, v)).ToList();
        if (op is ConditionOperator.On or ConditionOperator.OnOrAfter or ConditionOperator.OnOrBefore && attribute.Type != AttributeType.DateTime)
        {
            throw FetchXmlErrors.Invalid($"The operator '{operatorName}' applies only to date and time columns; '{attribute.LogicalName}' is not one.", FetchXmlErrors.InvalidConditionOperator);
        }
        return new FetchCondition(entityAlias, attribute, op, values);
    }
}
