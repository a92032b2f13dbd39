using System;
using System.Numerics;
using DjangoSettings.Users;
using Xunit;

namespace DjangoSettings.UserModels.Tests.Lookups;

/// <summary>
/// Lookup values convert as Python and Django convert them: <c>uuid.UUID(hex)</c>, <c>UUID(int)</c>,
/// <c>int(text)</c>, <c>str(x)</c>. The expected answers are Python's (checked live against
/// /usr/bin/python3 in <see cref="Every_case_is_what_Python_says"/>).
/// </summary>
public sealed class PythonConversionTests
{
    public static TheoryData<string, string?> UuidTexts => new()
    {
        { "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "0B0E8F4C-5F6A-4C1D-9E2B-7A3C5D6E8F90", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "0b0e8f4c5f6a4c1d9e2b7a3c5d6e8f90", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "{0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90}", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "urn:uuid:0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "0b0e-8f4c5f6a4c1d9e2b7a3c5d6e8f90----", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "0x0e8f4c5f6a4c1d9e2b7a3c5d6e8f90", "000e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { " 0e8f4c5f6a4c1d9e2b7a3c5d6e8f901", "00e8f4c5-f6a4-c1d9-e2b7-a3c5d6e8f901" },
        { "0b0e8f4c_f6a4c1d9e2b7a3c5d6e8f90", "00b0e8f4-cf6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "\u0660b0e8f4c5f6a4c1d9e2b7a3c5d6e8f90", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "not-a-uuid", null },
        { "", null },
        { " 0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90", null },
        { "0b0e8f4c5f6a4c1d9e2b7a3c5d6e8f9g", null },
        { "0b0e8f4c5f6a4c1d9e2b7a3c5d6e8f9\u0000", null },
        { "\uff10b0e8f4c5f6a4c1d9e2b7a3c5d6e8f90", "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90" },
        { "0b0e8f4c5f6a4c1d9e2b7a3c5d6e8f9\uff41", null },
        { "0b0e8f4c__6a4c1d9e2b7a3c5d6e8f90", null },
        { "\u001c1111111111111111111111111111111", null },
        { "\u00851111111111111111111111111111111", "01111111-1111-1111-1111-111111111111" },
    };

    [Theory]
    [MemberData(nameof(UuidTexts))]
    public void Uuid_text_parses_as_Pythons_UUID_hex(string text, string? expected)
    {
        bool ok = PythonUuid.TryParse(text, out Guid uuid);
        Assert.Equal(expected is not null, ok);
        if (expected is not null) Assert.Equal(expected, uuid.ToString("D"));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData(" 1 ", 1)]
    [InlineData("\t+01\n", 1)]
    [InlineData("-7", -7)]
    [InlineData("1_000", 1000)]
    [InlineData("\u0661\u0662", 12)]
    [InlineData("\u2003 42\u3000", 42)]
    [InlineData("\uff11", 1)]
    public void Integer_text_parses_as_Pythons_int(string text, long expected)
    {
        // Through the lookup, as the stores read a claim for an integer key (Python's int(): PythonInt).
        Assert.Equal(expected, DjangoLookup.Convert(DjangoUserField.AutoPrimaryKey(DjangoFieldType.BigAutoField), text).Value);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("")]
    [InlineData("1\u0000")]
    [InlineData("0x10")]
    [InlineData("_1")]
    [InlineData("1__0")]
    [InlineData("1_")]
    [InlineData("\uff41")]
    [InlineData("1 2")]
    [InlineData("\u001c1")]
    [InlineData("1\u001f")]
    public void Integer_text_Python_refuses_is_refused(string text)
    {
        Assert.Equal(DjangoLookupOutcome.Invalid, DjangoLookup.Convert(DjangoUserField.AutoPrimaryKey(DjangoFieldType.BigAutoField), text).Outcome);
    }

    [Fact]
    public void Claim_values_convert_per_field_as_Djangos_get_prep_value()
    {
        var id = DjangoUserField.AutoPrimaryKey();
        var big = DjangoUserField.AutoPrimaryKey(DjangoFieldType.BigAutoField);
        var uuid = DjangoUserField.Uuid("id", primaryKey: true);
        var text = DjangoUserField.Char("handle", 40);
        Assert.Equal(1L, DjangoLookup.Convert(id, 1.9).Value);
        Assert.Equal(-1L, DjangoLookup.Convert(id, -1.9).Value);
        Assert.Equal(1L, DjangoLookup.Convert(id, true).Value);
        Assert.Equal(DjangoLookupOutcome.NoMatch, DjangoLookup.Convert(id, 1L << 40).Outcome);
        Assert.Equal(1L << 40, DjangoLookup.Convert(big, 1L << 40).Value);
        Assert.Equal(DjangoLookupOutcome.NoMatch, DjangoLookup.Convert(big, "100000000000000000000").Outcome);
        Assert.Equal(DjangoLookupOutcome.NoMatch, DjangoLookup.Convert(id, null).Outcome);
        Assert.Equal("Field 'id' expected a number but got 'abc'.", DjangoLookup.Convert(id, "abc").Error);
        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000005"), DjangoLookup.Convert(uuid, 5L).Value);
        Assert.Equal("\u201cnot-a-uuid\u201d is not a valid UUID.", DjangoLookup.Convert(uuid, "not-a-uuid").Error);
        Assert.Equal(DjangoLookupOutcome.Invalid, DjangoLookup.Convert(uuid, 12.5).Outcome);
        Assert.Equal(DjangoLookupOutcome.Invalid, DjangoLookup.Convert(uuid, -1L).Outcome);
        Assert.Equal("12", DjangoLookup.Convert(text, 12L).Value);
        Assert.Equal("1.5", DjangoLookup.Convert(text, 1.5).Value);
        Assert.Equal("True", DjangoLookup.Convert(text, true).Value);
        Assert.Equal("1e+16", DjangoLookup.Convert(text, 1e16).Value);
    }

    [SkippableFact]
    public void Every_case_is_what_Python_says()
    {
        Runtime.Tests.Infrastructure.Services.RequireDjangoOracle();
        foreach (object?[] row in UuidTexts)
        {
            string text = (string)row[0]!;
            string python = Python("uuid.UUID(a)", text);
            Assert.Equal((string?)row[1] ?? "ValueError", python);
        }
        foreach (string text in new[] { "1", " 1 ", "\t+01\n", "-7", "1_000", "\u0661\u0662", "\u2003 42\u3000", "\uff11", "1.0", "", "1\u0000", "0x10", "_1", "1__0", "1_", "\uff41", "1 2", "\u001c1", "1\u001f" })
        {
            string python = Python("int(a)", text);
            var lookup = DjangoLookup.Convert(DjangoUserField.AutoPrimaryKey(DjangoFieldType.BigAutoField), text);
            string ours = lookup.Outcome == DjangoLookupOutcome.Value ? ((long)lookup.Value!).ToString(System.Globalization.CultureInfo.InvariantCulture) : "ValueError";
            Assert.True(python == ours, $"int({text}): Python {python}, ours {ours}");
        }
    }

    private static string Python(string expression, string argument)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import json, sys, uuid\na = json.loads(sys.argv[1])\ntry:\n    print(" + expression + ")\nexcept ValueError:\n    print('ValueError')");
        // A NUL cannot travel in argv: the text goes as a JSON string.
        psi.ArgumentList.Add(System.Text.Json.JsonSerializer.Serialize(argument));
        using var p = System.Diagnostics.Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd().TrimEnd('\n');
        p.WaitForExit();
        return output;
    }
}
