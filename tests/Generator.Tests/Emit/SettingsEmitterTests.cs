using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Generator.Diagnostics;
using DjangoSettings.Generator.Emit;
using DjangoSettings.Generator.Evaluation.Values;
using DjangoSettings.Generator.Tests.Infrastructure;
using Xunit;

namespace DjangoSettings.Generator.Tests.Emit;

public class SettingsEmitterTests
{
    private static readonly CompileOptions Options = new("MyApp.Web", "DjangoProjectSettings");

    [Fact]
    public void React_settings_snapshot()
    {
        string source = SettingsEmitter.Emit(SampleSettings.React().Bind(), Options);
        Snapshot.Verify(source, "DjangoProjectSettings");
    }

    [Fact]
    public void Deferred_settings_snapshot()
    {
        string source = SettingsEmitter.Emit(SampleSettings.Deferred().Bind(), Options);
        Snapshot.Verify(source, "DjangoProjectSettings");
    }

    [Fact]
    public void Empty_settings_snapshot()
    {
        var empty = new ModuleBuilder("cors.settings", string.Empty);
        string source = SettingsEmitter.Emit(empty.Bind(), Options);
        Snapshot.Verify(source, "DjangoProjectSettings");
    }

    [Fact]
    public void React_settings_compile_and_hold_the_evaluated_values()
    {
        var compiled = CompiledSettings.Load(SettingsEmitter.Emit(SampleSettings.React().Bind(), Options), "DjangoProjectSettings");

        Assert.Equal(new[] { "http://localhost:3000", "http://127.0.0.1:3000", "http://localhost:5173", "https://app.example.com" },
            (IReadOnlyList<string>)compiled.Get("Cors", "AllowedOrigins")!);
        Assert.Equal(true, compiled.Get("Cors", "AllowedOriginsIsSet"));
        Assert.Equal(true, compiled.Get("Cors", "AllowCredentials"));
        Assert.Equal(600, compiled.Get("Cors", "PreflightMaxAge"));
        // Unset settings carry django-cors-headers' defaults.
        Assert.Equal(false, compiled.Get("Cors", "AllowAllOriginsIsSet"));
        Assert.Equal(new[] { "accept", "authorization", "content-type", "user-agent", "x-csrftoken", "x-requested-with" },
            (IReadOnlyList<string>)compiled.Get("Cors", "AllowHeaders")!);
        Assert.Equal("^.*$", compiled.Get("Cors", "UrlsRegex"));

        Assert.Equal(TimeSpan.FromMinutes(15), compiled.Get("SimpleJwt", "AccessTokenLifetime"));
        Assert.Equal(TimeSpan.FromDays(7), compiled.Get("SimpleJwt", "RefreshTokenLifetime"));
        Assert.Equal(TimeSpan.FromMinutes(5), compiled.Get("SimpleJwt", "SlidingTokenLifetime"));
        Assert.Equal(new[] { "Bearer" }, (IReadOnlyList<string>)compiled.Get("SimpleJwt", "AuthHeaderTypes")!);
        Assert.Equal("HS256", compiled.Get("SimpleJwt", "Algorithm"));
        Assert.Null(compiled.Get("SimpleJwt", "SigningKey"));
        Assert.Null(compiled.Get("SimpleJwt", "Issuer"));
        Assert.Equal("django-insecure-react-demo-5x$k2!q9z@r7w#b1m^t8v0c6n4p3l2j", compiled.Get("Django", "SecretKey"));
        Assert.Null(compiled.Get("Django", "Middleware"));
        Assert.Equal(false, compiled.GetOuter("HasDeferredValues"));
        Assert.Equal("cors.settings", compiled.GetOuter("SourcePath"));
    }

    [Fact]
    public void Lists_are_read_only()
    {
        var compiled = CompiledSettings.Load(SettingsEmitter.Emit(SampleSettings.React().Bind(), Options), "DjangoProjectSettings");
        var origins = (IReadOnlyList<string>)compiled.Get("Cors", "AllowedOrigins")!;
        var asList = Assert.IsAssignableFrom<IList<string>>(origins);
        Assert.True(asList.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => asList[0] = "https://evil.example");
    }

    [Fact]
    public void Deferred_members_come_from_the_values_given_to_each_instance_and_constants_do_not()
    {
        var compiled = CompiledSettings.Load(SettingsEmitter.Emit(SampleSettings.Deferred().Bind(), Options), "DjangoProjectSettings");

        Assert.Equal(true, compiled.GetOuter("HasDeferredValues"));
        Assert.Equal(SampleSettings.DeferredText, compiled.GetOuter("SourceText"));
        Assert.Equal(new[] { "ACCESS_MINUTES", "CORS_ALLOWED_ORIGINS", "DJANGO_DEBUG", "DJANGO_SECRET_KEY" }, (IReadOnlyList<string>)compiled.GetOuter("ConfigurationKeys")!);
        Assert.Equal(new[] { "CORS_ALLOWED_ORIGINS", "SIMPLE_JWT.ACCESS_TOKEN_LIFETIME", "SIMPLE_JWT.SIGNING_KEY", "SECRET_KEY", "DEBUG" },
            (IReadOnlyList<string>)compiled.GetOuter("DeferredKeys")!);

        // Without the values the runtime evaluates at startup, creating the settings fails with the setting's name.
        var unset = Assert.Throws<InvalidOperationException>(() => compiled.Create(null));
        Assert.Contains("CORS_ALLOWED_ORIGINS", unset.Message);
        Assert.Contains("os.environ.get(\"CORS_ALLOWED_ORIGINS\"", unset.Message);

        // A value of the wrong type is refused when the settings are created, not when a request reads it.
        var wrongType = Assert.Throws<InvalidOperationException>(() => compiled.Create(key => key == "DEBUG" ? "not a bool" : Answer(key)));
        Assert.Contains("DEBUG", wrongType.Message);
        Assert.Contains("System.String", wrongType.Message);

        var asked = new List<string>();
        var settings = compiled.Create(key =>
        {
            asked.Add(key);
            return Answer(key);
        });
        Assert.Equal(new[] { "https://a.example" }, (IReadOnlyList<string>)compiled.Get(settings, "Cors", "AllowedOrigins")!);
        Assert.Equal(TimeSpan.FromMinutes(30), compiled.Get(settings, "SimpleJwt", "AccessTokenLifetime"));
        Assert.Null(compiled.Get(settings, "Django", "SecretKey"));
        Assert.Equal(false, compiled.Get(settings, "Django", "Debug"));
        // Constants never go through the deferred values.
        Assert.Equal(true, compiled.Get(settings, "Cors", "AllowCredentials"));
        Assert.Equal(TimeSpan.FromSeconds(1.5), compiled.Get(settings, "SimpleJwt", "Leeway"));
        Assert.Equal(new[] { "(?i)^https://\\w+\\.example\\.com$" }, (IReadOnlyList<string>)compiled.Get(settings, "Cors", "AllowedOriginRegexes")!);
        Assert.Equal("https://auth.example.com/<tenant> & \"co\"", compiled.Get(settings, "SimpleJwt", "Issuer"));
        // Each instance holds its own values (no static state): another host's settings differ.
        var other = compiled.Create(key => key == "CORS_ALLOWED_ORIGINS" ? new[] { "https://b.example" } : Answer(key));
        Assert.Equal(new[] { "https://b.example" }, (IReadOnlyList<string>)compiled.Get(other, "Cors", "AllowedOrigins")!);
        Assert.Equal(new[] { "https://a.example" }, (IReadOnlyList<string>)compiled.Get(settings, "Cors", "AllowedOrigins")!);
        Assert.DoesNotContain(compiled.Outer.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static), p => p.CanWrite);

        static object? Answer(string key) => key switch
        {
            "CORS_ALLOWED_ORIGINS" => new[] { "https://a.example" },
            "SIMPLE_JWT.ACCESS_TOKEN_LIFETIME" => TimeSpan.FromMinutes(30),
            "SECRET_KEY" or "SIMPLE_JWT.SIGNING_KEY" => null,
            "DEBUG" => false,
            _ => throw new InvalidOperationException("unexpected key " + key),
        };
        Assert.DoesNotContain("CORS_ALLOW_CREDENTIALS", asked);
    }

    [Fact]
    public void Values_the_binder_rejected_fall_back_to_the_default_and_still_compile()
    {
        var text = "CORS_ALLOW_CREDENTIALS = \"False\"\nCORS_PREFLIGHT_MAX_AGE = -1\nCORS_ALLOWED_ORIGINS = \"https://a.example\"\n";
        var diagnostics = new List<SettingsDiagnostic>();
        var bound = new ModuleBuilder("cors.settings", text)
            .Set("CORS_ALLOW_CREDENTIALS", new PyStr("False"))
            .Set("CORS_PREFLIGHT_MAX_AGE", new PyInt(-1))
            .Set("CORS_ALLOWED_ORIGINS", new PyStr("https://a.example"))
            .Bind(diagnostics);
        Assert.Equal(3, diagnostics.Count(d => d.Severity == SettingsSeverity.Error));

        string source = SettingsEmitter.Emit(bound, Options);
        var compiled = CompiledSettings.Load(source, "DjangoProjectSettings");
        Assert.Equal(false, compiled.Get("Cors", "AllowCredentials"));
        Assert.Equal(86400, compiled.Get("Cors", "PreflightMaxAge"));
        Assert.Empty((IReadOnlyList<string>)compiled.Get("Cors", "AllowedOrigins")!);
        Assert.Equal(true, compiled.Get("Cors", "AllowCredentialsIsSet"));
        Assert.Contains("the default is used meanwhile", source);
    }

    [Theory]
    [InlineData(1L, 10L)]
    [InlineData(900_000_000L, 9_000_000_000L)]
    [InlineData(-1L, -10L)]
    public void Timedeltas_are_exact_ticks(long microseconds, long ticks)
    {
        var text = "SIMPLE_JWT = {\n    \"ACCESS_TOKEN_LIFETIME\": x,\n}\n";
        var bound = new ModuleBuilder("cors.settings", text).SetJwt("ACCESS_TOKEN_LIFETIME", new PyTimeDelta(microseconds)).Bind();
        var compiled = CompiledSettings.Load(SettingsEmitter.Emit(bound, Options), "DjangoProjectSettings");
        Assert.Equal(TimeSpan.FromTicks(ticks), compiled.Get("SimpleJwt", "AccessTokenLifetime"));
    }

    [Fact]
    public void The_doc_comment_quotes_the_source_line_and_names_the_file()
    {
        string source = SettingsEmitter.Emit(SampleSettings.React().Bind(), Options);
        Assert.Contains("/// <para>Set in <c>cors.settings(7)</c>:</para>", source);
        Assert.Contains("///     \"http://localhost:3000\",", source);
        Assert.Contains("/// <para>Set in <c>cors.settings(20)</c>:</para>", source);
        Assert.Contains("///     \"ACCESS_TOKEN_LIFETIME\": timedelta(minutes=15),", source);
        Assert.Contains("/// <para>Not set in the settings file; default: <c>False</c>.</para>", source);
    }

    [Fact]
    public void Hostile_text_cannot_break_the_generated_code()
    {
        // A value and a source line full of things that end strings, comments or XML.
        const string nasty = "\"; } /* */ </summary> <!-- & \\ \u2028 \u0085 \0 \ud800 \uFEFF \U0001F600 {0} \t";
        var text = "CORS_URLS_REGEX = r'''" + nasty + "'''\nSIMPLE_JWT = {\n    \"ISSUER\": x,\n}\n";
        var bound = new ModuleBuilder("we\"ird </c>.settings", text)
            .Set("CORS_URLS_REGEX", new PyStr(nasty))
            .SetJwt("ISSUER", new PyDeferred(nasty, new[] { "K" + nasty }.ToEquatableArrayOfStrings(), null, "str"))
            .Bind();

        string source = SettingsEmitter.Emit(bound, new CompileOptions("My-App.1st.class", "DjangoProjectSettings"));
        var compiled = CompiledSettings.Load(source, "DjangoProjectSettings");
        Assert.Equal(nasty, compiled.Get(compiled.Create(_ => nasty), "Cors", "UrlsRegex"));
        Assert.Equal(nasty, compiled.Get(compiled.Create(_ => nasty), "SimpleJwt", "Issuer"));
        Assert.Equal(text, compiled.GetOuter("SourceText"));
        Assert.Equal("My_App._1st.class", compiled.Outer.Namespace);
    }

    [Fact]
    public void Several_files_embed_every_source_in_order()
    {
        var main = SampleSettings.Deferred("prod.py");
        var baseFile = new DjangoSettings.Generator.Text.SettingsSource("base.py", "DEBUG = False\n\"quoted\"\n");
        var bound = DjangoSettings.Generator.Binding.SettingsBinder.Bind(main.Build(), new[] { baseFile, main.Source }, new List<SettingsDiagnostic>());

        var compiled = CompiledSettings.Load(SettingsEmitter.Emit(bound, Options), "DjangoProjectSettings");
        Assert.Equal("prod.py", compiled.GetOuter("SourcePath"));
        Assert.Equal(SampleSettings.DeferredText, compiled.GetOuter("SourceText"));
        Assert.Equal(new[] { "base.py", "prod.py" }, (IReadOnlyList<string>)compiled.GetOuter("SourcePaths")!);
        Assert.Equal(new[] { baseFile.Text, SampleSettings.DeferredText }, (IReadOnlyList<string>)compiled.GetOuter("SourceTexts")!);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        Assert.Equal(
            SettingsEmitter.Emit(SampleSettings.Deferred().Bind(), Options),
            SettingsEmitter.Emit(SampleSettings.Deferred().Bind(), Options));
    }

    [Fact]
    public void An_empty_namespace_puts_the_class_in_the_global_namespace()
    {
        string source = SettingsEmitter.Emit(new ModuleBuilder("cors.settings", string.Empty).Bind(), new CompileOptions(string.Empty, "DjangoProjectSettings"));
        Assert.DoesNotContain("namespace", source);
        Assert.Null(CompiledSettings.Load(source, "DjangoProjectSettings").Outer.Namespace);
    }

    [Fact]
    public void Doc_comments_never_quote_secret_values()
    {
        const string text = "import os\n"
            + "SECRET_KEY = 'literal-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz'\n"
            + "SIMPLE_JWT = {'SIGNING_KEY': os.environ.get('JWT_KEY', 'fallback-signing-secret-0123456789-abcdefghij')}\n"
            + "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app', 'PASSWORD': 'db-password-literal'}}\n"
            + "CORS_ALLOWED_ORIGINS = ['https://app.example']\n";
        var result = SettingsCompiler.Compile(new[] { new DjangoSettings.Generator.Text.SettingsSource("settings.py", text) }, Options);
        string docs = string.Join("\n", result.GeneratedSource!.Split('\n').Where(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal)));

        Assert.DoesNotContain("literal-secret-key", docs);
        Assert.DoesNotContain("fallback-signing-secret", docs);
        Assert.DoesNotContain("db-password-literal", docs);
        Assert.Contains("(line 2 not quoted: it holds SECRET_KEY, a secret)", docs);
        Assert.Contains("(line 3 not quoted: it holds SIMPLE_JWT[\"SIGNING_KEY\"], a secret)", docs);
        Assert.Contains("(not quoted: SIMPLE_JWT[\"SIGNING_KEY\"] is a secret)", docs);
        Assert.Contains("(line 4 not quoted: it holds DATABASES[\"default\"][\"PASSWORD\"], a secret)", docs);
        // Other settings keep their quoted line.
        Assert.Contains("CORS_ALLOWED_ORIGINS = ['https://app.example']", docs);
        // The deferred reader's message does not carry the fallback either.
        Assert.DoesNotContain("fallback-signing-secret", result.GeneratedSource!.Split('\n').Single(l => l.Contains("ReadDeferred<string?>(deferredValues, \"SIMPLE_JWT.SIGNING_KEY\"", StringComparison.Ordinal)));
    }
}

internal static class TestCollections
{
    public static DjangoSettings.Generator.Collections.EquatableArray<string> ToEquatableArrayOfStrings(this string[] items)
        => DjangoSettings.Generator.Collections.EquatableArray.From(items);
}
