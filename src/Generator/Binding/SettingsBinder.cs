using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Library;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;

namespace DjangoSettings.Generator.Binding;

/// <summary>
/// Binds an evaluated module to the schema: resolves legacy aliases (the new name wins when it is
/// defined at all, even if empty), checks every value's type, and reports unknown CORS_ names and
/// SIMPLE_JWT keys with a suggestion, annotations written instead of assignments, and settings
/// assigned in skipped code. A needed value that cannot be evaluated is an error for CORS and
/// SIMPLE_JWT, and a warning with the port's assumption for the Django settings around them
/// (<see cref="SettingAssumptions"/>); either way the evaluator's explanation of the unknown value
/// (the import, call or statement it comes from) is reported with it, and only then.
/// </summary>
internal static partial class SettingsBinder
{
    /// <summary>Binds; diagnostics are appended to <paramref name="diagnostics"/>.</summary>
    public static BoundSettings Bind(SettingsModule module, IReadOnlyList<SettingsSource> sources, ICollection<SettingsDiagnostic> diagnostics)
    {
        var bound = ImmutableArray.CreateBuilder<BoundSetting>(SettingsSchema.All.Length);
        var names = module.Names;
        var report = new Reporter(diagnostics);

        // SIMPLE_JWT first, so its entries can be looked up by key below.
        names.TryGetValue("SIMPLE_JWT", out var jwtBinding);
        var jwtEntries = BindSimpleJwtDict(jwtBinding, report);
        names.TryGetValue("REST_FRAMEWORK", out var drfBinding);
        var drfEntries = BindRestFrameworkDict(drfBinding, report);
        names.TryGetValue("DATABASES", out var databases);
        var databaseEntries = DefaultDatabaseEntries(databases, report);
        names.TryGetValue("CACHES", out var caches);
        var cacheEntries = DefaultCacheEntries(caches, report);

        foreach (var def in SettingsSchema.All)
        {
            switch (def.Group)
            {
                case SettingGroup.Cors:
                    bound.Add(BindModuleLevel(def, names, report));
                    break;
                case SettingGroup.SimpleJwt:
                    bound.Add(jwtEntries.TryGetValue(def.DjangoName, out var entry)
                        ? BindValue(def, entry.Value, def.DjangoName, entry.Key.Origin, EntryLocation(entry), report)
                        : Unset(def));
                    break;
                case SettingGroup.Caches:
                    bound.Add(cacheEntries.TryGetValue(def.DjangoName, out var cacheEntry)
                        ? BindValue(def, CacheValue(def, cacheEntry.Value), "CACHES['default']['" + def.DjangoName + "']", cacheEntry.Key.Origin, EntryLocation(cacheEntry), report)
                        : Unset(def));
                    break;
                case SettingGroup.RestFramework:
                    bound.Add(drfEntries.TryGetValue(def.DjangoName, out var drfEntry)
                        ? BindValue(def, drfEntry.Value, "REST_FRAMEWORK['" + def.DjangoName + "']", drfEntry.Key.Origin, EntryLocation(drfEntry), report)
                        : Unset(def));
                    break;
                default:
                    if (def.Key.StartsWith("DATABASES.", StringComparison.Ordinal))
                    {
                        bound.Add(databaseEntries.TryGetValue(def.DjangoName, out var dbEntry)
                            ? BindValue(def, AsText(dbEntry.Value), "DATABASES['default']['" + def.DjangoName + "']", dbEntry.Key.Origin, EntryLocation(dbEntry), report)
                            : Unset(def));
                    }
                    else
                    {
                        bound.Add(BindModuleLevel(def, names, report));
                    }
                    break;
            }
        }

        ReportUnknownCorsNames(names, diagnostics);
        ReportAnnotations(module, diagnostics);
        ReportSkipped(module, diagnostics);
        return new BoundSettings(bound.ToImmutable(), module, sources, jwtBinding?.NameLocation, drfBinding?.NameLocation);
    }

    /// <summary>Appends diagnostics; the evaluator's explanations of unknown values once each.</summary>
    private sealed class Reporter
    {
        private readonly ICollection<SettingsDiagnostic> _diagnostics;
        private readonly HashSet<(string, string, int, string)> _causes = new();

        public Reporter(ICollection<SettingsDiagnostic> diagnostics) => _diagnostics = diagnostics;

        public void Add(SettingsDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

        /// <summary>A value the application needs cannot be evaluated: the setting's diagnostic, then the cause's.</summary>
        public void Unknown(SettingDefinition? definition, string writtenName, PyUnknown unknown, SourceLocation location, EquatableArray<SourceLocation> related)
        {
            var assumption = definition is null ? null : SettingAssumptions.For(definition);
            if (assumption is not null)
            {
                Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SettingAssumed, location, related, writtenName, unknown.Reason, assumption));
            }
            else if (unknown.MissingModule is { } module)
            {
                Add(SettingsDiagnostic.Create(DiagnosticDescriptors.DependsOnMissingModule, location, related, writtenName, module, unknown.Reason));
            }
            else
            {
                Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SettingNotEvaluable, location, related, writtenName, unknown.Reason));
            }
            if (unknown.Cause is { } cause && _causes.Add((cause.Id, cause.Location.Path, cause.Location.Span.Start, cause.Message))) Add(cause);
        }
    }

    private static BoundSetting Unset(SettingDefinition def)
        => new(def, def.Default ?? new PyNone(), false, def.DjangoName, null, null, false);

    private static BoundSetting BindModuleLevel(SettingDefinition def, IReadOnlyDictionary<string, SettingBinding> names, Reporter diagnostics)
    {
        names.TryGetValue(def.DjangoName, out var current);
        SettingBinding? legacy = null;
        if (def.LegacyAlias is not null) names.TryGetValue(def.LegacyAlias, out legacy);

        if (current is not null && legacy is not null)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.LegacyAndNewNameBothSet, legacy.NameLocation,
                EquatableArray.From(new[] { current.NameLocation }), def.LegacyAlias, def.DjangoName));
        }
        else if (legacy is not null)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.DeprecatedSettingName, legacy.NameLocation, def.LegacyAlias, def.DjangoName));
        }

        var chosen = current ?? legacy;
        if (chosen is null) return Unset(def);
        return BindValue(def, chosen.Value, chosen.Name, chosen.NameLocation, chosen.StatementLocation, diagnostics);
    }

    private static BoundSetting BindValue(SettingDefinition def, PyValue value, string writtenName, SourceLocation? nameLocation, SourceLocation? statement, Reporter diagnostics)
    {
        var location = value.Origin ?? nameLocation ?? statement!;
        var related = value.DefinedAt is { } definedAt ? EquatableArray.From(new[] { definedAt }) : EquatableArray<SourceLocation>.Empty;
        bool error = false;

        // A value with an unknown part (an item, a dict value) cannot be known as a whole.
        if (value is not PyUnknown && (value is PySequence or PyDict) && PyOps.FindUnknown(value) is { } inner)
        {
            value = inner with { Origin = inner.Origin ?? value.Origin, DefinedAt = value.DefinedAt };
        }
        // A snippet's `...` placeholders in INSTALLED_APPS stand for apps the file leaves out, so whether
        // the token blacklist app is among them cannot be known: DJS0112 and the documented assumption,
        // not a list read as complete (which would turn the blacklist off behind the user's back).
        if (def.Key == "INSTALLED_APPS" && value is PySequence apps && apps.Items.Any(i => i is PyOpaque { Kind: "ellipsis" }))
        {
            value = new PyUnknown("its ... placeholders stand for apps the file leaves out") { Origin = value.Origin, DefinedAt = value.DefinedAt };
        }
        if (def.TruthValue && value is not PyUnknown) value = AsTruthValue(value, writtenName, location, related, diagnostics);

        if (def.Kind == SettingKind.Removed)
        {
            var descriptor = def.DjangoName == "CORS_MODEL" ? DiagnosticDescriptors.CorsModelRemoved : DiagnosticDescriptors.CorsReplaceHttpsRefererRemoved;
            diagnostics.Add(SettingsDiagnostic.Create(descriptor, nameLocation ?? location));
            return new BoundSetting(def, value, true, writtenName, nameLocation, statement, true);
        }

        switch (TypeRules.Check(def.Kind, value))
        {
            case TypeRules.Result.Unknown:
                diagnostics.Unknown(def, writtenName, (PyUnknown)value, location, related);
                error = true;
                break;
            case TypeRules.Result.StringForSequence:
                var s = ((PyStr)value).Value;
                if (PythonText.Length(s) == 1)
                {
                    // Iterating a one-character string gives that one string: Django reads ['*'] and so does the port.
                    diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SingleCharacterString, location, related,
                        writtenName, ValueDescription.ReprString(s), WildcardHint(def, s)));
                    value = new PyList(EquatableArray.From(new PyValue[] { new PyStr(s) { Origin = value.Origin } })) { Origin = value.Origin, DefinedAt = value.DefinedAt };
                    break;
                }
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.CorsStringInsteadOfList, location, related,
                    writtenName, CharacterWiseHint(s), ValueDescription.ReprString(s)));
                error = true;
                break;
            case TypeRules.Result.Mismatch:
                diagnostics.Add(TypeMismatch(def, value, writtenName, location, related));
                error = true;
                break;
        }

        return new BoundSetting(def, value, true, writtenName, nameLocation, statement, error);
    }

    // '*' in Access-Control-Allow-Headers is a wildcard for browsers only on requests without
    // credentials, and never covers Authorization (the Fetch standard): say so where it matters.
    private static string WildcardHint(SettingDefinition def, string s)
        => s == "*" && def.DjangoName is "CORS_ALLOW_HEADERS" or "CORS_EXPOSE_HEADERS"
            ? " (browsers take '*' as a wildcard only on requests without credentials, and never for Authorization)"
            : string.Empty;

    /// <summary>
    /// A setting Django reads as a truth value (<c>if settings.DEBUG:</c>): any value is its truth
    /// value, as in Python; a string is reported, because "False" is true.
    /// </summary>
    private static PyValue AsTruthValue(PyValue value, string writtenName, SourceLocation location, EquatableArray<SourceLocation> related, Reporter diagnostics)
    {
        switch (value)
        {
            case PyBool:
                return value;
            case PyDeferred d:
                // Known at startup, where the same conversion runs; the default is its truth value.
                var def = d.Default is { } x && PyOps.Truth(x) is bool b ? new PyBool(b) : null;
                return d with { ExpectedType = "bool", Default = def };
        }
        if (PyOps.Truth(value) is not bool truth) return value;
        if (value is PyStr s)
        {
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.StringAsTruthValue, location, related,
                writtenName, ValueDescription.ReprString(s.Value), truth ? "True" : "False"));
        }
        return new PyBool(truth) { Origin = value.Origin, DefinedAt = value.DefinedAt };
    }

    private static string CharacterWiseHint(string s)
    {
        var chars = s.Length > 4 ? s.Substring(0, 4).Select(c => "'" + c + "'").Concat(new[] { "..." }) : s.Select(c => "'" + c + "'");
        return string.Join(", ", chars);
    }

    private static SettingsDiagnostic TypeMismatch(SettingDefinition def, PyValue value, string writtenName, SourceLocation location, EquatableArray<SourceLocation> related)
    {
        string found = ValueDescription.Describe(value);
        string hint = Hint(def, value);
        if (def.TypeError is { } specific)
        {
            return SettingsDiagnostic.Create(specific, location, related, found, hint, writtenName);
        }
        return SettingsDiagnostic.Create(DiagnosticDescriptors.WrongSettingType, location, related, writtenName, def.ExpectedDescription, found, hint);
    }

    // The hint for the mistakes people actually make (spec/settings-idioms.md, "Mistakes").
    private static string Hint(SettingDefinition def, PyValue value)
    {
        switch (def.Kind)
        {
            case SettingKind.StringSequence when def.DjangoName == "CORS_ALLOWED_ORIGINS" && value is PyBool { Value: true }:
                return "; did you mean CORS_ALLOW_ALL_ORIGINS = True?";
            case SettingKind.StringSequence when value is PySet:
                return "; a set has no order and is not a sequence: use a list [...]";
            case SettingKind.TimeDelta when value is PyInt i:
                return "; did you mean timedelta(seconds=" + i.Value + ")? (simplejwt fails at the first token otherwise)";
            case SettingKind.Bool when value is PyStr s:
                return "; the string " + ValueDescription.ReprString(s.Value) + " is always true in Python: write True or False";
            case SettingKind.Bool when value is PyInt i:
                return "; write " + (i.Value != 0 ? "True" : "False");
            case SettingKind.NonNegativeInt when value is PyStr s && long.TryParse(s.Value, out var n):
                return "; write " + n + " without quotes";
            default:
                return string.Empty;
        }
    }

    private static Dictionary<string, PyDictEntry> BindSimpleJwtDict(SettingBinding? binding, Reporter diagnostics)
    {
        var result = new Dictionary<string, PyDictEntry>(StringComparer.Ordinal);
        if (binding is null) return result;
        if (binding.Value is not PyDict dict)
        {
            var location = binding.Value.Origin ?? binding.NameLocation;
            if (binding.Value is PyUnknown u)
                diagnostics.Unknown(null, "SIMPLE_JWT", u, location, EquatableArray<SourceLocation>.Empty);
            else
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SimpleJwtNotDict, location, ValueDescription.Describe(binding.Value)));
            return result;
        }

        // Keys simplejwt does not read and no known key resembles are the project's own (cookie
        // settings of a custom authentication class...): one warning for all of them.
        var notRead = new List<(string Key, SourceLocation Location)>();

        foreach (var entry in dict.Entries)
        {
            var keyLocation = entry.Key.Origin ?? binding.NameLocation;
            if (entry.Key is not PyStr key)
            {
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.JwtKeyNotString, keyLocation, ValueDescription.Describe(entry.Key)));
                continue;
            }
            if (SettingsSchema.RemovedJwtKeys.TryGetValue(key.Value, out var replacement))
            {
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.JwtRemovedKey, keyLocation, key.Value, replacement));
                continue;
            }
            if (!SettingsSchema.ByKey.ContainsKey("SIMPLE_JWT." + key.Value))
            {
                string suggestion = Suggestions.DidYouMean(key.Value, SettingsSchema.JwtKeys);
                if (suggestion.Length == 0)
                {
                    notRead.Add((key.Value, keyLocation));
                    continue;
                }
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UnknownJwtKey, keyLocation, key.Value, suggestion));
                continue;
            }
            // A later duplicate key wins, as in a Python dict display.
            result[key.Value] = entry;
        }
        if (notRead.Count > 0)
        {
            var others = EquatableArray.From(notRead.Skip(1).Select(k => k.Location).ToArray());
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.JwtKeysNotRead, notRead[0].Location, others,
                notRead.Count == 1 ? "a key" : notRead.Count + " keys", string.Join(", ", notRead.Select(k => "'" + k.Key + "'"))));
        }
        return result;
    }

    // DRF reads REST_FRAMEWORK lazily: a key it does not know is never looked at. Its removed keys
    // (REMOVED_SETTINGS) are only refused by APISettings objects built with explicit user settings;
    // the global api_settings DRF uses ignores them (observed with DRF 3.14), so they are warnings.
    private static Dictionary<string, PyDictEntry> BindRestFrameworkDict(SettingBinding? binding, Reporter diagnostics)
    {
        var result = new Dictionary<string, PyDictEntry>(StringComparer.Ordinal);
        if (binding is null) return result;
        if (binding.Value is not PyDict dict)
        {
            var location = binding.Value.Origin ?? binding.NameLocation;
            if (binding.Value is PyUnknown u)
                diagnostics.Unknown(null, "REST_FRAMEWORK", u, location, EquatableArray<SourceLocation>.Empty);
            else
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.RestFrameworkNotDict, location, ValueDescription.Describe(binding.Value)));
            return result;
        }

        foreach (var entry in dict.Entries)
        {
            var keyLocation = entry.Key.Origin ?? binding.NameLocation;
            if (entry.Key is not PyStr key)
            {
                // DRF looks keys up by name: anything but a str is never read.
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UnknownRestFrameworkKey, keyLocation, ValueDescription.Describe(entry.Key), string.Empty));
                continue;
            }
            if (Array.IndexOf(DjangoReference.RestFrameworkRemovedKeys, key.Value) >= 0)
            {
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.RestFrameworkRemovedKey, keyLocation, key.Value,
                    key.Value == "PAGINATE_BY" ? "use PAGE_SIZE" : "set page_size_query_param/max_page_size on a pagination class instead"));
                continue;
            }
            if (!SettingsSchema.ByKey.ContainsKey("REST_FRAMEWORK." + key.Value))
            {
                diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UnknownRestFrameworkKey, keyLocation, key.Value,
                    Suggestions.DidYouMean(key.Value, SettingsSchema.RestFrameworkKeys)));
                continue;
            }
            result[key.Value] = entry;
        }
        return result;
    }

    private static Dictionary<string, PyDictEntry> DefaultDatabaseEntries(SettingBinding? databases, Reporter diagnostics)
    {
        var result = new Dictionary<string, PyDictEntry>(StringComparer.Ordinal);
        if (databases is null) return result;
        // DATABASES (or its 'default') unknown: the port cannot know the database; it says what it uses.
        var unknown = databases.Value as PyUnknown;
        PyDictEntry? defaultEntry = null;
        if (databases.Value is PyDict dict)
        {
            defaultEntry = dict.Entries.LastOrDefault(e => e.Key is PyStr { Value: "default" });
            unknown ??= defaultEntry?.Value as PyUnknown;
        }
        if (unknown is not null)
        {
            var at = unknown.Origin ?? databases.NameLocation;
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SettingAssumed, at, defaultEntry is null ? "DATABASES" : "DATABASES['default']", unknown.Reason, SettingAssumptions.DatabaseAssumption));
            if (unknown.Cause is { } cause) diagnostics.Add(cause);
            return result;
        }
        if (defaultEntry?.Value is not PyDict inner) return result;
        foreach (var entry in inner.Entries)
        {
            if (entry.Key is PyStr k) result[k.Value] = entry;
        }
        return result;
    }

    // DATABASES values are often paths (BASE_DIR / "db.sqlite3") or ints (PORT, also read from the
    // environment: config("DB_PORT", cast=int)); the runtime wants text, and Django takes either.
    private static PyValue AsText(PyValue value) => value switch
    {
        PyInt i => new PyStr(i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Origin = value.Origin, DefinedAt = value.DefinedAt },
        PyDeferred { ExpectedType: "int" } d => d with { ExpectedType = "str", Default = d.Default is null ? null : AsText(d.Default) },
        _ => PathText.TryGetText(value) is { } text ? new PyStr(text) { Origin = value.Origin, DefinedAt = value.DefinedAt } : value,
    };

    private static SourceLocation? EntryLocation(PyDictEntry entry)
    {
        if (entry.Key.Origin is null) return entry.Value.Origin;
        if (entry.Value.Origin is null || entry.Value.Origin.Path != entry.Key.Origin.Path) return entry.Key.Origin;
        var k = entry.Key.Origin;
        var v = entry.Value.Origin;
        return k.Span.Start <= v.Span.Start
            ? new SourceLocation(k.Path, SourceSpan.FromBounds(k.Span.Start, v.Span.End), k.Start, v.End)
            : k;
    }

    private static void ReportUnknownCorsNames(IReadOnlyDictionary<string, SettingBinding> names, ICollection<SettingsDiagnostic> diagnostics)
    {
        var known = new HashSet<string>(SettingsSchema.CorsNames, StringComparer.Ordinal);
        foreach (var binding in names.Values.OrderBy(b => b.NameLocation.Path, StringComparer.Ordinal).ThenBy(b => b.NameLocation.Span.Start))
        {
            if (!binding.Name.StartsWith("CORS_", StringComparison.Ordinal) || known.Contains(binding.Name)) continue;
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.UnknownCorsSetting, binding.NameLocation, binding.Name,
                Suggestions.DidYouMean(binding.Name, SettingsSchema.CorsNames)));
        }
    }

    private static void ReportAnnotations(SettingsModule module, ICollection<SettingsDiagnostic> diagnostics)
    {
        foreach (var annotation in module.Annotations)
        {
            if (!IsSettingName(annotation.Name)) continue;
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.AnnotationInsteadOfAssignment, annotation.ColonLocation, annotation.Name));
        }
    }

    private static void ReportSkipped(SettingsModule module, ICollection<SettingsDiagnostic> diagnostics)
    {
        foreach (var skipped in module.Skipped)
        {
            if (!IsSettingName(skipped.Name)) continue;
            diagnostics.Add(SettingsDiagnostic.Create(DiagnosticDescriptors.SettingFromSkippedCode, skipped.NameLocation, skipped.Name, skipped.Reason));
        }
    }

    private static bool IsSettingName(string name)
        => name.StartsWith("CORS_", StringComparison.Ordinal) || name is "SIMPLE_JWT" or "REST_FRAMEWORK" or "CACHES" || SettingsSchema.ByKey.ContainsKey(name);
}
