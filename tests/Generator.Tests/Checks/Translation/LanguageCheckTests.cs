using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Checks.Translation;

/// <summary>
/// Django's translation checks as DJS0622-0625 (translation.E001-E004): for every case recorded from
/// Django 3.2's own checks (translation_checks.json, written by record_translation_checks.py), the build
/// reports exactly the checks Django reports, each message starting with Django's, at the setting's line.
/// </summary>
public class LanguageCheckTests
{
    private static string TablePath => Path.Combine(RepositoryRoot.TestProject, "Checks", "Translation", "translation_checks.json");

    public static IEnumerable<object[]> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TablePath));
        return doc.RootElement.EnumerateArray().Select((c, i) => new object[] { i }).ToList();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_what_Djangos_checks_report(int index)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TablePath));
        var recorded = doc.RootElement[index];
        string text = recorded.GetProperty("settings").GetString()!;
        var django = recorded.GetProperty("django").EnumerateArray().Select(e => (Id: e[0].GetString()!, Message: e[1].GetString()!)).ToList();

        var ours = Compile.Text(text).Diagnostics.Where(d => d.Descriptor.DjangoCheck?.StartsWith("translation.", System.StringComparison.Ordinal) == true).ToList();
        Assert.True(django.Select(d => d.Id).SequenceEqual(ours.Select(d => d.Descriptor.DjangoCheck!)),
            $"{text}\nDjango: {string.Join(", ", django.Select(d => d.Id))}\nours: {string.Join("\n", ours)}");
        foreach (var (d, o) in django.Zip(ours))
        {
            Assert.StartsWith(d.Message, o.Message, System.StringComparison.Ordinal);
            Assert.Equal(Lines(text, d.Id), o.Location.Start.Line);
        }
    }

    // The line of the setting a check is about.
    private static int Lines(string text, string id)
    {
        string name = id switch
        {
            "translation.E002" => "LANGUAGES =",
            "translation.E003" => "LANGUAGES_BIDI =",
            _ => "LANGUAGE_CODE =",
        };
        var lines = text.Split('\n');
        return System.Array.FindIndex(lines, l => l.StartsWith(name, System.StringComparison.Ordinal)) + 1;
    }
}
