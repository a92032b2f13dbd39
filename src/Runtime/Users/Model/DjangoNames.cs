using System;
using System.Security.Cryptography;
using System.Text;

namespace DjangoSettings.Users;

/// <summary>
/// Django's schema-name rules (<c>django.db.backends.utils.truncate_name</c> and
/// <c>names_digest</c>, <c>BaseDatabaseSchemaEditor._create_index_name</c>), so tables, indexes and
/// constraints we create carry the names Django's migrations give them.
/// </summary>
internal static class DjangoNames
{
    /// <summary>PostgreSQL's identifier limit (NAMEDATALEN − 1), Django's <c>max_name_length()</c> there.</summary>
    public const int PostgreSqlMaxNameLength = 63;

    /// <summary>The first <paramref name="length"/> hex digits of the MD5 of the arguments' UTF-8 concatenation.</summary>
    public static string Digest(int length, params string[] parts)
    {
        var text = new StringBuilder();
        foreach (string part in parts) text.Append(part);
#pragma warning disable CA5351 // Django's naming rule, not a security use.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString()))).Substring(0, length);
#pragma warning restore CA5351
    }

    /// <summary>
    /// <c>truncate_name(identifier, length)</c>: a name longer than <paramref name="length"/> is cut
    /// to <c>length − 4</c> characters plus the first 4 hex digits of its MD5; null = no limit.
    /// </summary>
    public static string Truncate(string identifier, int? length)
    {
        if (length is not { } max || identifier.Length <= max) return identifier;
        return identifier.Substring(0, max - 4) + Digest(4, identifier);
    }

    /// <summary><c>_create_index_name(table, columns, suffix)</c> with the backend's name limit (200 without one).</summary>
    public static string IndexName(string table, string[] columns, string suffix, int? maxNameLength)
    {
        int max = maxNameLength ?? 200;
        string hashSuffix = Digest(8, Concat(table, columns)) + suffix;
        string joined = string.Join("_", columns);
        string name = table + "_" + joined + "_" + hashSuffix;
        if (name.Length <= max) return name;
        if (hashSuffix.Length > max / 3) hashSuffix = hashSuffix.Substring(0, max / 3);
        int other = ((max - hashSuffix.Length) / 2) - 1;
        name = Cut(table, other) + "_" + Cut(joined, other) + "_" + hashSuffix;
        if (name[0] == '_' || char.IsDigit(name[0])) name = "D" + name.Substring(0, name.Length - 1);
        return name;
    }

    private static string[] Concat(string table, string[] columns)
    {
        var all = new string[columns.Length + 1];
        all[0] = table;
        columns.CopyTo(all, 1);
        return all;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text.Substring(0, length);
}
