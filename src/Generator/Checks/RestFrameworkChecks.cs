using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Emit;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// REST_FRAMEWORK checks: dotted paths DRF and simplejwt do not ship (Django's ImportError at the
/// first request), classes the port does not serve and what it does instead, keys it does not
/// translate, throttle rates DRF cannot parse or scopes without a rate (failures of every throttled
/// request), and DRF's own system check rest_framework.W001. Nothing set in REST_FRAMEWORK goes
/// unreported unless the port does what DRF does with it.
/// </summary>
internal static class RestFrameworkChecks
{
    private const string Prefix = "REST_FRAMEWORK.";

    // The modules the extracted ShippedClasses cover: a path into one of them that names nothing is an ImportError.
    private static readonly HashSet<string> ShippedModules = new(
        DjangoReference.ShippedClasses.Select(c => c.Substring(0, c.LastIndexOf('.'))), StringComparer.Ordinal);

    private static readonly HashSet<string> Shipped = new(DjangoReference.ShippedClasses, StringComparer.Ordinal);

    public static void Run(CheckContext ctx)
    {
        if (!ctx.Settings.HasRestFramework) return;

        foreach (var key in DjangoReference.RestFrameworkImportKeys) CheckImportPaths(ctx, key);
        foreach (var setting in ctx.Settings.All)
        {
            if (setting.Definition.Group != SettingGroup.RestFramework || !setting.IsSet || !ctx.IsUsable(setting)) continue;
            string key = setting.Definition.DjangoName;
            if (DrfPortSupport.TranslatedKeys.Contains(key) || SameAsDefault(setting)) continue;
            if (DrfPortSupport.InertKeys.TryGetValue(key, out var inert))
                ctx.Report(DiagnosticDescriptors.RestFrameworkKeyWithoutEffect, setting.NameLocation, setting, key, inert);
            else if (DrfPortSupport.UntranslatedKeys.TryGetValue(key, out var instead))
                ctx.Report(DiagnosticDescriptors.RestFrameworkKeyNotTranslated, setting.NameLocation, setting, key, instead);
        }
        CheckThrottles(ctx);
        CheckPagination(ctx);
    }

    private static void CheckImportPaths(CheckContext ctx, string key)
    {
        var setting = ctx[Prefix + key];
        if (!setting.IsSet || !ctx.IsUsable(setting)) return;
        foreach (var (path, location) in Paths(setting))
        {
            int dot = path.LastIndexOf('.');
            string module = dot > 0 ? path.Substring(0, dot) : path;
            bool ours = path.StartsWith("rest_framework.", StringComparison.Ordinal) || path.StartsWith("rest_framework_simplejwt.", StringComparison.Ordinal);
            if (ours && ShippedModules.Contains(module) && !Shipped.Contains(path))
            {
                ctx.Report(DiagnosticDescriptors.DrfClassNotShipped, location, setting, path, key, Suggestions.DidYouMean(path, DjangoReference.ShippedClasses));
                continue;
            }
            if (!DrfPortSupport.ResolvedClassKeys.Contains(key) || DrfPortSupport.ServedClasses.Contains(path)) continue;
            if (DrfPortSupport.RecognisedClasses.TryGetValue(path, out var instead))
                ctx.Report(DiagnosticDescriptors.DrfClassNotServed, location, setting, path, key, instead);
            else if (ours)
                ctx.Report(DiagnosticDescriptors.DrfClassNotServed, location, setting, path, key, DrfPortSupport.NotServed(key, path));
            else
                ctx.Report(DiagnosticDescriptors.ProjectDrfClass, location, setting, path, key);
        }
    }

    private static void CheckThrottles(CheckContext ctx)
    {
        var rates = ctx[Prefix + "DEFAULT_THROTTLE_RATES"];
        if (!ctx.IsUsable(rates)) return;
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (rates.Value is PyDict dict)
        {
            foreach (var entry in dict.Entries)
            {
                if (entry.Key is not PyStr scope) continue;
                known.Add(scope.Value);
                if (entry.Value is not PyStr rate) continue;
                if (!DrfRateText.TryParse(rate.Value, out _, out _, out var error))
                {
                    ctx.Report(DiagnosticDescriptors.InvalidThrottleRate, entry.Value.Origin ?? rates.ValueLocation, rates,
                        scope.Value, ValueDescription.ReprString(rate.Value), error);
                }
            }
        }

        var classes = ctx[Prefix + "DEFAULT_THROTTLE_CLASSES"];
        if (!ctx.IsUsable(classes)) return;
        foreach (var (path, location) in Paths(classes))
        {
            if (DrfPortSupport.ThrottleScope(path) is { } scope && !known.Contains(scope))
            {
                ctx.Report(DiagnosticDescriptors.MissingThrottleRate, location, classes, path.Substring(path.LastIndexOf('.') + 1), scope);
            }
        }
    }

    private static void CheckPagination(CheckContext ctx)
    {
        var pageSize = ctx[Prefix + "PAGE_SIZE"];
        var pagination = ctx[Prefix + "DEFAULT_PAGINATION_CLASS"];
        if (!ctx.IsUsable(pageSize) || !ctx.IsUsable(pagination)) return;
        // DRF's check: `if PAGE_SIZE and not DEFAULT_PAGINATION_CLASS` (truthiness, so 0 and '' pass).
        if (CheckContext.Truthy(pageSize.Value) && !CheckContext.Truthy(pagination.Value))
        {
            ctx.Report(DiagnosticDescriptors.PageSizeWithoutPaginationClass, pageSize.NameLocation, pageSize);
        }
        if (pageSize.Value is PyNone && pagination.Value is PyStr { Value: var path })
        {
            string? effect = path switch
            {
                "rest_framework.pagination.PageNumberPagination" => "PageNumberPagination has no page size, so list views are not paginated at all",
                "rest_framework.pagination.LimitOffsetPagination" => "LimitOffsetPagination paginates only requests that give ?limit=, the others get the whole list",
                _ => null,
            };
            if (effect is not null) ctx.Report(DiagnosticDescriptors.PaginationClassWithoutPageSize, pagination.ValueLocation, pagination, path, effect);
        }
    }

    // The str paths of an import-string setting (one path, or a list/tuple of them) with where each is written.
    private static IEnumerable<(string Path, SourceLocation? Location)> Paths(BoundSetting setting)
    {
        if (setting.Value is PyStr single) return new[] { (single.Value, setting.ValueLocation) };
        return CheckContext.Strings(setting);
    }

    // A value equal to DRF's default changes nothing (a tuple where DRF has a list included).
    private static bool SameAsDefault(BoundSetting setting)
    {
        var def = setting.Definition;
        if (def.Default is null) return false;
        if (!SettingValues.TryConvert(def.Kind, setting.Value, out var value) || !SettingValues.TryConvert(def.Kind, def.Default, out var fallback)) return false;
        return value switch
        {
            IReadOnlyList<string> list => fallback is IReadOnlyList<string> other && list.SequenceEqual(other, StringComparer.Ordinal),
            IReadOnlyDictionary<string, string?> map => fallback is IReadOnlyDictionary<string, string?> other && map.Count == other.Count
                && map.All(p => other.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal)),
            _ => Equals(value, fallback),
        };
    }
}
