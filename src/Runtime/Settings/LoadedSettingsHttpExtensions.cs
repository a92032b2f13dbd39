using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Http;

namespace DjangoSettings.Settings;

/// <summary>
/// Builds the MIDDLEWARE pipeline's settings from settings evaluated at run time (for tools and
/// tests that load a settings file without the source generator): the same values, through the same
/// factory, as the generated <c>AddDjangoSettings()</c> registers.
/// </summary>
public static class LoadedSettingsHttpExtensions
{
    /// <summary>MIDDLEWARE, ALLOWED_HOSTS, SECURE_*, APPEND_SLASH, X_FRAME_OPTIONS, the body limits... as the file sets them (unset ones keep Django's defaults).</summary>
    public static DjangoHttpSettings ToHttpSettings(this LoadedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var resolve = settings.Resolver;
        foreach (var key in SettingsSchema.HttpKeys)
        {
            if (settings.IsSet(key)) values[key] = resolve(key);
        }
        return DjangoHttpSettingsFactory.FromSettings(values);
    }
}
