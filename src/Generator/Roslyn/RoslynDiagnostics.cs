using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using DjangoSettings.Generator.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Core = DjangoSettings.Generator.Diagnostics;

namespace DjangoSettings.Generator.Roslyn;

/// <summary>Turns the compiler core's diagnostics into Roslyn diagnostics located in the settings file.</summary>
internal static class RoslynDiagnostics
{
    /// <summary>Category prefix: <c>DjangoSettings.Cors</c>, <c>DjangoSettings.Jwt</c>...</summary>
    public const string CategoryPrefix = "DjangoSettings.";

    // One Roslyn descriptor per catalogue entry, built once from the core catalogue
    // (DiagnosticDescriptors is the single source of ids; AnalyzerReleases.Unshipped.md lists them
    // and a test keeps the two in step). Immutable after construction.
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors = BuildDescriptors();

    /// <summary>The Roslyn descriptor for a catalogue entry.</summary>
    public static DiagnosticDescriptor Descriptor(Core.DjsDescriptor core)
        => Descriptors.TryGetValue(core.Id, out var known) && known.DefaultSeverity == Severity(core.Severity) ? known : Create(core);

    /// <summary>The Roslyn diagnostic; locations in the files the core saw (display paths) are mapped to the real files.</summary>
    public static Diagnostic Convert(Core.SettingsDiagnostic diagnostic, IReadOnlyList<PathMapping> paths)
    {
        var additional = diagnostic.AdditionalLocations.Select(l => ToLocation(l, paths)).ToList();
        return Diagnostic.Create(Descriptor(diagnostic.Descriptor), ToLocation(diagnostic.Location, paths), additional, diagnostic.Message);
    }

    /// <summary>A Roslyn location for a core location (Roslyn counts lines and columns from 0); no path means no location.</summary>
    public static Location ToLocation(SourceLocation location, IReadOnlyList<PathMapping> paths)
    {
        if (location.Path.Length == 0) return Location.None;
        string path = location.Path;
        foreach (var mapping in paths)
        {
            if (mapping.DisplayPath == location.Path)
            {
                path = mapping.FullPath;
                break;
            }
        }
        var span = new Microsoft.CodeAnalysis.Text.TextSpan(Math.Max(0, location.Span.Start), Math.Max(0, location.Span.Length));
        var lines = new LinePositionSpan(
            new Microsoft.CodeAnalysis.Text.LinePosition(Math.Max(0, location.Start.Line - 1), Math.Max(0, location.Start.Column - 1)),
            new Microsoft.CodeAnalysis.Text.LinePosition(Math.Max(0, location.End.Line - 1), Math.Max(0, location.End.Column - 1)));
        if (lines.End < lines.Start) lines = new LinePositionSpan(lines.Start, lines.Start);
        return Location.Create(path, span, lines);
    }

    /// <summary>The Roslyn severity of a core severity.</summary>
    public static DiagnosticSeverity Severity(Core.SettingsSeverity severity) => severity switch
    {
        Core.SettingsSeverity.Error => DiagnosticSeverity.Error,
        Core.SettingsSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static ImmutableDictionary<string, DiagnosticDescriptor> BuildDescriptors()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var core in Catalogue())
        {
            builder[core.Id] = Create(core);
        }
        return builder.ToImmutable();
    }

    /// <summary>Every descriptor of the core catalogue (its public static fields).</summary>
    public static IEnumerable<Core.DjsDescriptor> Catalogue()
        => typeof(Core.DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Core.DjsDescriptor))
            .Select(f => (Core.DjsDescriptor)f.GetValue(null)!);

    // The id comes from the core catalogue, not a literal here, so the release-tracking analyzer
    // cannot see it. The catalogue test checks instead that every id is listed in
    // AnalyzerReleases.Unshipped.md with the same category and severity.
    private static DiagnosticDescriptor Create(Core.DjsDescriptor core)
        => new(
            id: core.Id,
            title: core.Title,
            messageFormat: "{0}",
            category: CategoryPrefix + core.Category,
            defaultSeverity: Severity(core.Severity),
            isEnabledByDefault: true,
            description: core.DjangoCheck is null ? null : "Django system check " + core.DjangoCheck + ".",
            helpLinkUri: core.HelpLinkUri);
}
