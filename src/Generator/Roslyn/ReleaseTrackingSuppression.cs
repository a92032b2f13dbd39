using System.Diagnostics.CodeAnalysis;

// The generator's diagnostic ids live in the compiler core's catalogue (Diagnostics/DiagnosticDescriptors.cs,
// no Roslyn types), and Roslyn descriptors are built from it at run time, so the release-tracking
// analyzer cannot find them and reports every row of AnalyzerReleases.Unshipped.md as unused (RS2002).
// The rows are still kept, and a test (CatalogueTests) checks each id, category and severity against
// the catalogue, which is what release tracking would check.
[assembly: SuppressMessage("MicrosoftCodeAnalysisReleaseTracking", "RS2002:Remove entry for unknown rule from unshipped release",
    Justification = "Ids come from the core catalogue at run time; CatalogueTests checks the release file against it.")]
