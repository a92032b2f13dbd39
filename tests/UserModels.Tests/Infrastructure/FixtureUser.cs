using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using DjangoSettings.Users;

namespace DjangoSettings.UserModels.Tests.Infrastructure;

/// <summary>A user row as djtool.py prints it (Django's field values as JSON), typed by the model.</summary>
public static class FixtureUser
{
    /// <summary>The row as the runtime's stores would read it.</summary>
    public static DjangoUser From(DjangoUserModel model, JsonNode row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in model.Fields)
        {
            JsonNode? node = row[field.Name];
            values[field.Name] = node is null ? null : field.Type switch
            {
                DjangoFieldType.UuidField => Guid.Parse(node.GetValue<string>()),
                DjangoFieldType.BooleanField => node.GetValue<bool>(),
                DjangoFieldType.DateTimeField => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
                DjangoFieldType.CharField or DjangoFieldType.TextField => node.GetValue<string>(),
                _ => node.GetValue<long>(),
            };
        }
        var table = new DjangoUserTable(model, DjangoSqlDialect.Sqlite);
        return table.ToUser(values);
    }
}
