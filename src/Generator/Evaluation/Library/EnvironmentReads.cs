using System;
using System.Collections.Generic;
using DjangoSettings.Generator.Collections;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Evaluation.Interpreter;
using DjangoSettings.Generator.Evaluation.Values;

namespace DjangoSettings.Generator.Evaluation.Library;

/// <summary>
/// The one read of an environment variable behind every library (<c>os.environ</c>, django-environ,
/// python-decouple). One code path for both phases: with an environment (startup) it returns the
/// real value; without one (build time) a <see cref="PyDeferred"/> that carries the key, the source
/// text, the default and the expected type.
/// </summary>
internal static class EnvironmentReads
{
    /// <summary>
    /// What environment reads see: the startup environment, none at build time, or (while a
    /// default is computed) the environment in which nothing is set.
    /// </summary>
    public static ISettingsEnvironment? Current(Site site) => site.Session.Environment ?? (site.Context.DefaultsMode ? UnsetEnvironment.Instance : null);

    /// <summary>
    /// Reads one variable. <paramref name="defaultValue"/> null means "no default" (a missing key is
    /// an error at startup); <paramref name="cast"/> converts a present string (and the default when
    /// <paramref name="castDefault"/>, as python-decouple does).
    /// </summary>
    public static PyValue Read(Site site, PyValue key, PyValue? defaultValue, string? expectedType, bool castDefault, Func<Site, PyValue, PyValue>? cast)
    {
        if (key is PyUnknown) return key;
        if (key is PyDeferred) return new PyUnknown("the name of the environment variable is itself read from the environment") { Origin = site.Location };
        if (key is not PyStr name) return site.Error("TypeError: str expected, not " + key.TypeName);
        if (defaultValue is PyUnknown) return defaultValue;
        if (Written(site, name.Value) is { } written) return written;
        var env = Current(site);
        if (env is not null)
        {
            string? raw = env.GetVariable(name.Value);
            if (raw is not null)
            {
                PyValue value = new PyStr(raw) { Origin = site.Location };
                return cast is null ? value : cast(site, value);
            }
            if (defaultValue is null)
            {
                if (!site.Context.DefaultsMode) site.Report(DiagnosticDescriptors.MissingEnvironmentVariable, name.Value, site.SourceText);
                return new PyUnknown("environment variable '" + name.Value + "' is not set") { Origin = site.Location };
            }
            return castDefault && cast is not null ? cast(site, defaultValue) : defaultValue;
        }

        var keys = new List<string> { name.Value };
        PyOps.CollectKeys(defaultValue, keys);
        PyValue? def = null;
        if (defaultValue is not null)
        {
            var substituted = PyOps.SubstituteDefaults(defaultValue);
            if (substituted is not null)
            {
                def = castDefault && cast is not null ? cast(site.Quiet(), substituted) : substituted;
                if (def is PyUnknown || !def.IsConstant) def = null;
            }
        }
        return site.Deferred(keys.ToEquatableArray(), def, expectedType);
    }

    // A variable the file itself assigned earlier: Python would read that value; the compiler does
    // not model the write, so the read is not evaluated (and says where the write is).
    private static PyUnknown? Written(Site site, string key)
    {
        if (!site.Session.EnvironmentWrites.TryGetValue(key, out var at)) return null;
        string what = "the assignment os.environ[" + PyOps.StrRepr(key) + "]";
        return new PyUnknown("'" + key + "' is assigned by the settings file (" + what + "), which is not evaluated")
        {
            Origin = site.Location,
            Cause = SettingsDiagnostic.Create(DiagnosticDescriptors.OperationNotEvaluated, at, what, "the settings compiler reads the environment and does not model writes to it, so a later read of '" + key + "' is unknown"),
        };
    }

    /// <summary><c>"KEY" in os.environ</c> (or <c>not in</c>).</summary>
    public static PyValue Contains(Site site, PyValue key, bool negate)
    {
        if (key is PyUnknown) return key;
        if (key is not PyStr name) return key is PyDeferred ? new PyUnknown("environment variable name not known") : site.Error("TypeError: str expected, not " + key.TypeName);
        if (Written(site, name.Value) is { } written) return written;
        var env = Current(site);
        if (env is not null) return new PyBool((env.GetVariable(name.Value) is not null) != negate);
        return site.Deferred(new[] { name.Value }.ToEquatableArray(), new PyBool(negate), "bool");
    }
}
