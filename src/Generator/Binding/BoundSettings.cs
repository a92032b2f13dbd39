using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Binding;

/// <summary>Every schema setting bound to a value, plus what the checks need to know about the file.</summary>
internal sealed class BoundSettings
{
    private readonly ImmutableDictionary<string, BoundSetting> _byKey;

    /// <summary>Creates the bound model.</summary>
    public BoundSettings(ImmutableArray<BoundSetting> all, SettingsModule module, IReadOnlyList<SettingsSource> sources, SourceLocation? simpleJwtLocation)
    {
        All = all;
        Module = module;
        Sources = sources;
        SimpleJwtLocation = simpleJwtLocation;
        _byKey = all.ToImmutableDictionary(b => b.Key, StringComparer.Ordinal);
    }

    /// <summary>All settings in schema order.</summary>
    public ImmutableArray<BoundSetting> All { get; }

    /// <summary>The evaluated module it was bound from.</summary>
    public SettingsModule Module { get; }

    /// <summary>The files, for checks that look at the source text.</summary>
    public IReadOnlyList<SettingsSource> Sources { get; }

    /// <summary>Where <c>SIMPLE_JWT</c> was assigned, or null when the file has none.</summary>
    public SourceLocation? SimpleJwtLocation { get; }

    /// <summary>Whether the file configures SIMPLE_JWT.</summary>
    public bool HasSimpleJwt => SimpleJwtLocation is not null;

    /// <summary>Whether any setting's value depends on the environment.</summary>
    public bool HasDeferred => All.Any(b => b.IsDeferred);

    /// <summary>A setting by binding key; throws for a key not in the schema (a bug).</summary>
    public BoundSetting this[string key] => _byKey[key];

    /// <summary>The source file with this path, if any.</summary>
    public SettingsSource? FindSource(string path) => Sources.FirstOrDefault(s => s.Path == path);

    /// <summary>The source text a location covers (empty if unknown).</summary>
    public string GetText(SourceLocation? location)
    {
        if (location is null) return string.Empty;
        var source = FindSource(location.Path);
        if (source is null) return string.Empty;
        int start = Math.Min(location.Span.Start, source.Text.Length);
        int end = Math.Min(location.Span.End, source.Text.Length);
        return source.Text.Substring(start, end - start);
    }
}
