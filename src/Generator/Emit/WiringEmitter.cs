using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DjangoSettings.Generator.Binding;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Shared;

namespace DjangoSettings.Generator.Emit;

/// <summary>
/// Writes the ASP.NET Core wiring of a compiled settings class: its
/// <c>IGeneratedDjangoSettings&lt;T&gt;.CompiledSettings</c>, which hands the runtime the precompiled
/// CORS policy (the origin decision as a switch over (scheme, netloc) pairs up to
/// <see cref="OriginMatcherEmitter.MaxSwitchPairs"/> of them, regexes translated from Python and
/// cached with a match timeout), the SIMPLE_JWT options and the MIDDLEWARE pipeline's settings
/// (<c>app.UseDjangoMiddleware()</c>), all read from the host's
/// settings instance; and, for the default class, <c>builder.AddDjangoSettings()</c>. Emitted only
/// when the project references DjangoSettings.Runtime.
/// </summary>
internal static class WiringEmitter
{
    private const string Runtime = "global::DjangoSettings";
    private const string RegexType = "global::System.Text.RegularExpressions.Regex";

    /// <summary>The nested class that holds the wiring (one name taken from the user's class, not eight).</summary>
    private const string WiringClass = "DjangoSettingsWiring";

    /// <summary>Writes the interface implementation and the wiring class into the settings class.</summary>
    public static void Write(IndentedWriter w, BoundSettings settings, string className, bool hasDeferred, IReadOnlyList<string>? buildWarnings = null)
    {
        var cors = CorsParts.From(settings);
        string compiledType = Runtime + ".Hosting.CompiledDjangoSettings<" + className + ">";

        w.Line();
        w.Line("static " + compiledType + " " + Runtime + ".Hosting.IGeneratedDjangoSettings<" + className + ">.CompiledSettings => " + WiringClass + ".Compiled;");
        w.Line();
        w.Line("/// <summary>ASP.NET Core wiring: what <c>AddDjangoSettings</c> registers, built from the host's instance.</summary>");
        using (w.Block("private static partial class " + WiringClass))
        {
            WriteRegexFields(w, cors);
            w.Line("public static readonly " + compiledType + " Compiled = new()");
            w.Line("{");
            w.Indent();
            w.Line("SourcePath = " + className + ".SourcePath,");
            if (hasDeferred)
            {
                w.Line(settings.Sources.Count > 1
                    ? "DeferredSources = global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Zip(" + className + ".SourcePaths, " + className + ".SourceTexts, (p, t) => (p, t))),"
                    : "DeferredSources = new (string, string)[] { (" + className + ".SourcePath, " + className + ".SourceText) },");
            }
            w.Line("Create = static deferredValues => new " + className + "(deferredValues),");
            w.Line("CreateCorsPolicy = CreateCorsPolicy,");
            w.Line("SimpleJwtConfigured = " + CSharpLiteral.Bool(settings.HasSimpleJwt) + ",");
            w.Line("SecretKey = static settings => settings.Django.SecretKey,");
            w.Line("CreateSimpleJwtOptions = CreateSimpleJwtOptions,");
            w.Line("Database = static settings => (settings.Django.DatabaseEngine, settings.Django.DatabaseName),");
            w.Line("DatabaseConnection = static settings => (settings.Django.DatabaseUser, settings.Django.DatabasePassword, settings.Django.DatabaseHost, settings.Django.DatabasePort),");
            w.Line("InstalledApps = static settings => settings.Django.InstalledApps,");
            // Only a file that sets REST_FRAMEWORK configures DRF: without it, apps keep their own
            // AddDjangoRestFramework (or the token views' JSON-only fallback), as before.
            if (settings.HasRestFramework) w.Line("CreateRestFrameworkSettings = CreateRestFrameworkSettings,");
            // Only a file that sets CACHES names the throttle store: otherwise an app's own cache registration stands.
            if (settings.Module.Names.ContainsKey("CACHES")) w.Line("CreateCacheSettings = CreateCacheSettings,");
            w.Line("CreateLanguageSettings = static settings => new " + Runtime + ".Localization.DjangoLanguageSettings");
            w.Line("{");
            w.Indent();
            w.Line("LanguageCode = settings.Django.LanguageCode,");
            w.Line("UseI18n = settings.Django.UseI18n,");
            w.Line("Languages = settings.Django.Languages,");
            w.Line("LanguageCookieName = settings.Django.LanguageCookieName,");
            w.Line("InstalledApps = settings.Django.InstalledApps,");
            w.Outdent();
            w.Line("},");
            w.Line("CreateHttpSettings = CreateHttpSettings,");
            // Unset (or not knowable, DJS0112): the runtime's documented decision for a partial file applies.
            w.Line("MiddlewareConfigured = " + CSharpLiteral.Bool(IsConfigured(settings["MIDDLEWARE"])) + ",");
            w.Line("AllowedHostsConfigured = " + CSharpLiteral.Bool(IsConfigured(settings["ALLOWED_HOSTS"])) + ",");
            w.Line("UserModel = ReadUserModel,");
            w.Line("SimpleJwtVersion = ReadSimpleJwtVersion(source: false),");
            w.Line("SimpleJwtVersionSource = ReadSimpleJwtVersion(source: true),");
            w.Line("TokenObtainClaims = ReadTokenClaims,");
            if (buildWarnings is { Count: > 0 })
            {
                w.Line("BuildWarnings = new string[]");
                w.Line("{");
                w.Indent();
                foreach (var warning in buildWarnings) w.Line(CSharpLiteral.String(warning) + ",");
                w.Outdent();
                w.Line("},");
            }
            w.Outdent();
            w.Line("};");
            w.Line();
            w.Line("// Implemented in the generated *.UserModel.g.cs when AUTH_USER_MODEL names a model of the Django project.");
            w.Line("static partial void DescribeUserModel(ref " + Runtime + ".Users.DjangoUserModel? model);");
            w.Line();
            w.Line("private static " + Runtime + ".Users.DjangoUserModel? ReadUserModel()");
            using (w.Block(null))
            {
                w.Line(Runtime + ".Users.DjangoUserModel? model = null;");
                w.Line("DescribeUserModel(ref model);");
                w.Line("return model;");
            }
            w.Line();
            w.Line("// Implemented in the generated *.SimpleJwtVersion.g.cs when the Django project's requirements pin simplejwt.");
            w.Line("static partial void DescribeSimpleJwtVersion(ref string? version, ref string? source);");
            w.Line();
            w.Line("private static string? ReadSimpleJwtVersion(bool source)");
            using (w.Block(null))
            {
                w.Line("string? version = null, from = null;");
                w.Line("DescribeSimpleJwtVersion(ref version, ref from);");
                w.Line("return source ? from : version;");
            }
            w.Line();
            w.Line("// Implemented in the generated *.TokenClaims.g.cs when TOKEN_OBTAIN_SERIALIZER's get_token is translated from the Django project.");
            w.Line("static partial void DescribeTokenClaims(ref " + Runtime + ".Jwt.ISimpleJwtClaimsProvider? provider);");
            w.Line();
            w.Line("private static " + Runtime + ".Jwt.ISimpleJwtClaimsProvider? ReadTokenClaims()");
            using (w.Block(null))
            {
                w.Line(Runtime + ".Jwt.ISimpleJwtClaimsProvider? provider = null;");
                w.Line("DescribeTokenClaims(ref provider);");
                w.Line("return provider;");
            }
            WriteCorsPolicy(w, settings, className, cors);
            WriteJwtOptions(w, settings, className);
            if (settings.HasRestFramework) WriteRestFramework(w, className);
            if (settings.Module.Names.ContainsKey("CACHES")) WriteCaches(w, className);
            WriteHttpSettings(w, settings, className);
            if (cors.Pairs is not null) OriginMatcherEmitter.WriteSwitch(w, cors.Pairs);
        }
    }

    /// <summary>Writes <c>builder.AddDjangoSettings()</c> for the default class, in the hosting namespace (no using needed).</summary>
    public static void WriteDefaultExtension(IndentedWriter w, string qualifiedClassName)
    {
        w.Line();
        using (w.Block("namespace Microsoft.Extensions.Hosting"))
        {
            w.Line("/// <summary>Registers the project's settings file (<c>DjangoSettingsFile</c>, default <c>cors.settings</c>).</summary>");
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(" + CSharpLiteral.String(GeneratorVersion.Name) + ", " + CSharpLiteral.String(GeneratorVersion.Value) + ")]");
            using (w.Block("internal static class DjangoProjectSettingsHostApplicationBuilderExtensions"))
            {
                w.Line("/// <summary>");
                w.Line("/// Registers what the project's settings file configures, as");
                w.Line("/// <c>builder.AddDjangoSettings&lt;" + XmlDoc.Escape(qualifiedClassName.Replace("global::", string.Empty)) + "&gt;()</c> does: the settings object, the");
                w.Line("/// django-cors-headers policy (add <c>app.UseDjangoCors()</c> first in the pipeline), the SIMPLE_JWT token");
                w.Line("/// services and the database DATABASES names (map the endpoints with <c>app.MapSimpleJwt()</c>), and MIDDLEWARE");
                w.Line("/// with the settings it reads (compose it with <c>app.UseDjangoMiddleware()</c>). Values read");
                w.Line("/// from configuration are evaluated now, with the same checks as the build; a failure throws with the settings file's line.");
                w.Line("/// </summary>");
                w.Line("public static global::Microsoft.Extensions.Hosting.IHostApplicationBuilder AddDjangoSettings(this global::Microsoft.Extensions.Hosting.IHostApplicationBuilder builder)");
                w.Line("    => global::Microsoft.Extensions.Hosting.DjangoSettingsHostApplicationBuilderExtensions.AddDjangoSettings<" + qualifiedClassName + ">(builder);");
            }
        }
    }

    private static void WriteRegexFields(IndentedWriter w, CorsParts cors)
    {
        if (cors.OriginRegexes is not null)
        {
            w.Line("// CORS_ALLOWED_ORIGIN_REGEXES, translated from Python syntax at build time; re.match anchoring is \\A(?:...).");
            w.Line("private static readonly " + RegexType + "[] s_originRegexes =");
            w.Line("{");
            w.Indent();
            foreach (var (pattern, options) in cors.OriginRegexes) w.Line(NewRegex(pattern, options) + ",");
            w.Outdent();
            w.Line("};");
            w.Line();
        }
        if (cors.UrlsRegex is { } urls)
        {
            w.Line("private static readonly " + RegexType + " s_urlsRegex = " + NewRegex(urls.Pattern, urls.Options) + ";");
            w.Line();
        }
    }

    private static string NewRegex(string pattern, System.Text.RegularExpressions.RegexOptions options)
        => "new " + RegexType + "(" + CSharpLiteral.String(pattern) + ", (global::System.Text.RegularExpressions.RegexOptions)" + ((int)options).ToString(CultureInfo.InvariantCulture)
           + ", global::System.TimeSpan.FromMilliseconds(100))";

    private static void WriteCorsPolicy(IndentedWriter w, BoundSettings settings, string className, CorsParts cors)
    {
        w.Line();
        w.Line("private static " + Runtime + ".Cors.DjangoCorsPolicy CreateCorsPolicy(" + className + " settings)");
        w.Indent();
        w.Line("=> " + Runtime + ".Cors.DjangoCorsPolicy.Create(new " + Runtime + ".Cors.DjangoCorsSettings");
        w.Line("{");
        w.Indent();
        foreach (var (key, property) in CorsProperties)
        {
            var setting = settings[key];
            if (!setting.IsSet || setting.HasError) continue;
            w.Line(property + " = settings.Cors." + Identifiers.Identifier(setting.Definition.MemberName) + ",");
        }
        w.Outdent();
        w.Line("},");
        if (cors.Pairs is not null) w.Line("originPairMatcher: MatchOrigin,");
        else if (cors.OriginCountForFrozenSet > 0) w.Line("originPairMatcher: null, // " + cors.OriginCountForFrozenSet.ToString(CultureInfo.InvariantCulture) + " origins: too many for a switch; the runtime builds a frozen dictionary at startup.");
        else w.Line("originPairMatcher: null,");
        w.Line("compiledOriginRegexes: " + (cors.OriginRegexes is not null ? "s_originRegexes" : "null") + ",");
        w.Line("compiledUrlsRegex: " + (cors.UrlsRegex is not null ? "s_urlsRegex" : "null") + ");");
        w.Outdent();
    }

    private static readonly (string Key, string Property)[] CorsProperties =
    {
        ("CORS_ALLOWED_ORIGINS", "AllowedOrigins"),
        ("CORS_ALLOWED_ORIGIN_REGEXES", "AllowedOriginRegexes"),
        ("CORS_ALLOW_ALL_ORIGINS", "AllowAllOrigins"),
        ("CORS_URLS_REGEX", "UrlsRegex"),
        ("CORS_ALLOW_METHODS", "AllowMethods"),
        ("CORS_ALLOW_HEADERS", "AllowHeaders"),
        ("CORS_EXPOSE_HEADERS", "ExposeHeaders"),
        ("CORS_PREFLIGHT_MAX_AGE", "PreflightMaxAge"),
        ("CORS_ALLOW_CREDENTIALS", "AllowCredentials"),
        ("CORS_ALLOW_PRIVATE_NETWORK", "AllowPrivateNetwork"),
    };

    private static void WriteJwtOptions(IndentedWriter w, BoundSettings settings, string className)
    {
        w.Line();
        w.Line("private static " + Runtime + ".Jwt.SimpleJwtOptions CreateSimpleJwtOptions(" + className + " settings, string secretKey)");
        w.Indent();
        w.Line("=> " + Runtime + ".Jwt.SimpleJwtOptionsFactory.FromSettings(new global::System.Collections.Generic.Dictionary<string, object?>");
        w.Line("{");
        w.Indent();
        foreach (var setting in settings.All.Where(s => s.Definition.Group == SettingGroup.SimpleJwt && s.IsSet && !s.HasError))
        {
            if (MemberType.For(setting.Definition) is null) continue;
            w.Line("[" + CSharpLiteral.String(setting.Definition.DjangoName) + "] = settings.SimpleJwt." + Identifiers.Identifier(setting.Definition.MemberName) + ",");
        }
        w.Outdent();
        // SIGNING_KEY defaults to Django's SECRET_KEY; the runtime passes the file's, or configuration's.
        w.Line("}, secretKey);");
        w.Outdent();
    }

    private static void WriteCaches(IndentedWriter w, string className)
    {
        w.Line();
        w.Line("private static " + Runtime + ".Caching.DjangoCacheSettings CreateCacheSettings(" + className + " settings) => new()");
        w.Line("{");
        w.Indent();
        w.Line("Backend = settings.Caches.Backend,");
        w.Line("Locations = settings.Caches.Location,");
        w.Line("KeyPrefix = settings.Caches.KeyPrefix,");
        w.Line("Version = settings.Caches.Version,");
        w.Line("Options = " + Runtime + ".Caching.DjangoCacheSettings.OptionsFrom(settings.Caches.Options),");
        w.Outdent();
        w.Line("};");
    }

    // The REST_FRAMEWORK keys the runtime's DRF views read, by RestFrameworkSettings property.
    private static readonly (string Key, string Property)[] RestFrameworkProperties =
    {
        ("DEFAULT_RENDERER_CLASSES", "DefaultRendererClasses"),
        ("DEFAULT_PARSER_CLASSES", "DefaultParserClasses"),
        ("DEFAULT_AUTHENTICATION_CLASSES", "DefaultAuthenticationClasses"),
        ("DEFAULT_PERMISSION_CLASSES", "DefaultPermissionClasses"),
        ("DEFAULT_THROTTLE_CLASSES", "DefaultThrottleClasses"),
        ("DEFAULT_THROTTLE_RATES", "DefaultThrottleRates"),
        ("NUM_PROXIES", "NumProxies"),
        ("DEFAULT_PAGINATION_CLASS", "DefaultPaginationClass"),
        ("PAGE_SIZE", "PageSize"),
        ("URL_FORMAT_OVERRIDE", "UrlFormatOverride"),
        ("UNICODE_JSON", "UnicodeJson"),
        ("COMPACT_JSON", "CompactJson"),
        ("STRICT_JSON", "StrictJson"),
    };

    /// <summary>The REST_FRAMEWORK keys the wiring hands the runtime (the ones the port translates).</summary>
    internal static IEnumerable<string> RestFrameworkKeysWired => RestFrameworkProperties.Select(p => p.Key);

    private static void WriteRestFramework(IndentedWriter w, string className)
    {
        w.Line();
        w.Line("private static " + Runtime + ".Drf.RestFrameworkSettings CreateRestFrameworkSettings(" + className + " settings) => new()");
        w.Line("{");
        w.Indent();
        // Every member holds the file's value or DRF's default, so all are passed (no IsSet test needed).
        foreach (var (key, property) in RestFrameworkProperties)
        {
            var def = SettingsSchema.ByKey["REST_FRAMEWORK." + key];
            w.Line(property + " = settings.RestFramework." + Identifiers.Identifier(def.MemberName) + ",");
        }
        w.Outdent();
        w.Line("};");
    }

    private static bool IsConfigured(BoundSetting setting) => setting.IsSet && !setting.HasError;

    // MIDDLEWARE and the settings its entries read; unset ones are left out so the factory applies
    // Django's defaults (and startproject's MIDDLEWARE for a fragment that does not set it).
    private static void WriteHttpSettings(IndentedWriter w, BoundSettings settings, string className)
    {
        w.Line();
        w.Line("private static " + Runtime + ".Http.DjangoHttpSettings CreateHttpSettings(" + className + " settings)");
        w.Indent();
        w.Line("=> " + Runtime + ".Http.DjangoHttpSettingsFactory.FromSettings(new global::System.Collections.Generic.Dictionary<string, object?>");
        w.Line("{");
        w.Indent();
        foreach (var key in SettingsSchema.HttpKeys)
        {
            var setting = settings[key];
            if (!setting.IsSet || setting.HasError || MemberType.For(setting.Definition) is null) continue;
            w.Line("[" + CSharpLiteral.String(key) + "] = settings.Django." + Identifiers.Identifier(setting.Definition.MemberName) + ",");
        }
        w.Outdent();
        w.Line("});");
        w.Outdent();
    }

    /// <summary>The parts of the CORS policy that can be precompiled (only values known at build time).</summary>
    private sealed class CorsParts
    {
        public IReadOnlyList<(string Scheme, string Netloc)>? Pairs { get; private set; }
        // How many origins the runtime's frozen dictionary answers for, when the list is too long for a switch; else 0.
        public int OriginCountForFrozenSet { get; private set; }
        public IReadOnlyList<(string Pattern, System.Text.RegularExpressions.RegexOptions Options)>? OriginRegexes { get; private set; }
        public (string Pattern, System.Text.RegularExpressions.RegexOptions Options)? UrlsRegex { get; private set; }

        public static CorsParts From(BoundSettings settings)
        {
            var parts = new CorsParts();
            var origins = settings["CORS_ALLOWED_ORIGINS"];
            if (!origins.IsDeferred && !origins.HasError && origins.Value is PySequence seq)
            {
                var pairs = new List<(string, string)>();
                bool ok = true;
                foreach (var item in seq.Items)
                {
                    if (item is not PyStr s) { ok = false; break; }
                    // An entry urlsplit rejects is a startup error in the runtime; leave it to the factory.
                    if (!PythonUrlSplit.TrySplit(s.Value, out var split)) { ok = false; break; }
                    pairs.Add((split.Scheme, split.Netloc));
                }
                if (ok)
                {
                    parts.Pairs = OriginMatcherEmitter.SwitchPairs(pairs);
                    if (parts.Pairs is null) parts.OriginCountForFrozenSet = pairs.Count;
                }
            }

            var regexes = settings["CORS_ALLOWED_ORIGIN_REGEXES"];
            if (!regexes.IsDeferred && !regexes.HasError && regexes.Value is PySequence rs)
            {
                var list = new List<(string, System.Text.RegularExpressions.RegexOptions)>();
                foreach (var item in rs.Items)
                {
                    var t = Translate(item);
                    if (t is null) { list = null; break; }
                    list.Add(t.Value);
                }
                parts.OriginRegexes = list;
            }

            var urls = settings["CORS_URLS_REGEX"];
            if (urls.IsSet && !urls.IsDeferred && !urls.HasError) parts.UrlsRegex = Translate(urls.Value);
            return parts;
        }

        private static (string, System.Text.RegularExpressions.RegexOptions)? Translate(PyValue value)
        {
            var (pattern, flags) = value switch
            {
                PyStr s => (s.Value, PythonRegex.PyFlags.None),
                PyPattern p => (p.Pattern, p.IgnoreCase ? PythonRegex.PyFlags.IgnoreCase : PythonRegex.PyFlags.None),
                _ => (null, PythonRegex.PyFlags.None),
            };
            if (pattern is null) return null;
            var translation = PythonRegex.Translate(pattern, flags);
            return translation.Success && translation.AnchoredPattern is not null ? (translation.AnchoredPattern, translation.Options) : null;
        }
    }
}
