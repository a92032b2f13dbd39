using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Text;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Checks;

/// <summary>
/// <c>MIDDLEWARE</c> (or <c>INSTALLED_APPS</c>) as the checks see it: the file's constant list, or,
/// when the file does not set it (a settings fragment), Django 3.2's <c>startproject</c> list (for
/// MIDDLEWARE with CorsMiddleware first), the same assumption the runtime's
/// <c>AddDjangoSettings()</c> makes for <c>UseDjangoMiddleware()</c>. Null when the value is known
/// only at startup or has errors (then the checks that depend on it stay silent).
/// </summary>
internal sealed class EffectiveList
{
    private EffectiveList(IReadOnlyList<(string Text, SourceLocation? Location)> entries, BoundSetting setting)
    {
        Entries = entries;
        Setting = setting;
    }

    /// <summary>The entries in order, each with where it is written (null for the assumed default).</summary>
    public IReadOnlyList<(string Text, SourceLocation? Location)> Entries { get; }

    /// <summary>The bound setting.</summary>
    public BoundSetting Setting { get; }

    /// <summary>Whether the file sets the list itself.</summary>
    public bool IsSet => Setting.IsSet;

    /// <summary>Whether <paramref name="entry"/> is listed.</summary>
    public bool Contains(string entry) => Entries.Any(e => e.Text == entry);

    /// <summary>Where <paramref name="entry"/> is written, or where the list is, or null.</summary>
    public SourceLocation? LocationOf(string entry) => Entries.FirstOrDefault(e => e.Text == entry).Location ?? Setting.ValueLocation;

    /// <summary>MIDDLEWARE, or null when it cannot be known at build time.</summary>
    public static EffectiveList? Middleware(CheckContext ctx) => From(ctx, "MIDDLEWARE", DjangoStartProject.MiddlewareWhenNotSet);

    /// <summary>INSTALLED_APPS, or null when it cannot be known at build time.</summary>
    public static EffectiveList? InstalledApps(CheckContext ctx) => From(ctx, "INSTALLED_APPS", DjangoStartProject.InstalledApps);

    private static EffectiveList? From(CheckContext ctx, string key, IEnumerable<string> assumed)
    {
        var setting = ctx[key];
        if (!setting.IsSet) return new EffectiveList(assumed.Select(m => (m, (SourceLocation?)null)).ToList(), setting);
        if (!ctx.IsUsable(setting) || setting.Value is not PySequence) return null;
        return new EffectiveList(CheckContext.Strings(setting).ToList(), setting);
    }
}
