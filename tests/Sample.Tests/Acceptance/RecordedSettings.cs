using System;
using System.Collections.Generic;
using System.Linq;
using DjangoSettings.Hosting;
using DjangoStyle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DjangoSettings.Sample.Tests.Acceptance;

// One class per settings file record.py recorded Django's answers for (Runtime.Tests/Fixtures/http/basic),
// all compiled by this project's one build, so the acceptance costs no build per file.
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/01-startproject-allow-all-credentials.settings")]
internal partial class Recorded01;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/03-env-listcomp-fallback.settings")]
internal partial class Recorded03;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/07-star-unpack-headers-arithmetic.settings")]
internal partial class Recorded07;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/11-legacy-and-new-names-mixed.settings")]
internal partial class Recorded11;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/19-rs256-keys-from-files.settings")]
internal partial class Recorded19;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/23-fstring-origins-codespaces.settings")]
internal partial class Recorded23;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/25-walrus-unanchored-regex.settings")]
internal partial class Recorded25;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/27-explicit-header-tuple-without-authorization.settings")]
internal partial class Recorded27;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/29-expose-equals-allow-headers.settings")]
internal partial class Recorded29;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/31-implicit-concat-regex.settings")]
internal partial class Recorded31;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/33-snippet-ellipsis-mid-file-import.settings")]
internal partial class Recorded33;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/35-unicode-comments.settings")]
internal partial class Recorded35;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/allow_all.settings")]
internal partial class RecordedAllowAll;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/legacy.settings")]
internal partial class RecordedLegacy;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/react.settings")]
internal partial class RecordedReact;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/regex.settings")]
internal partial class RecordedRegex;
[DjangoSettingsFile("../Runtime.Tests/Fixtures/http/basic/sample.settings")]
internal partial class RecordedSample;

/// <summary>A recorded settings file: its name (basic/NAME.settings) and how a host registers its compiled settings.</summary>
/// <param name="Name">The file's name without <c>.settings</c>.</param>
/// <param name="AddSettings">Registers the compiled settings (<c>AddDjangoSettings&lt;T&gt;()</c>) and returns what <see cref="SampleBaseSettings"/> needs to know about the file.</param>
internal sealed record RecordedSettingsFile(string Name, Func<IHostApplicationBuilder, SampleFileFacts> AddSettings)
{
    /// <summary>Every recorded file the build compiles, by name.</summary>
    public static IReadOnlyDictionary<string, RecordedSettingsFile> All { get; } = new[]
    {
        Case<Recorded01>("01-startproject-allow-all-credentials", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded03>("03-env-listcomp-fallback", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded07>("07-star-unpack-headers-arithmetic", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded11>("11-legacy-and-new-names-mixed", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded19>("19-rs256-keys-from-files", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded23>("23-fstring-origins-codespaces", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded25>("25-walrus-unanchored-regex", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded27>("27-explicit-header-tuple-without-authorization", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded29>("29-expose-equals-allow-headers", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded31>("31-implicit-concat-regex", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded33>("33-snippet-ellipsis-mid-file-import", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<Recorded35>("35-unicode-comments", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<RecordedAllowAll>("allow_all", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<RecordedLegacy>("legacy", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<RecordedReact>("react", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<RecordedRegex>("regex", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
        Case<RecordedSample>("sample", s => new(s.RestFramework.DefaultAuthenticationClassesIsSet, s.RestFramework.DefaultRendererClassesIsSet)),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>
    /// Recorded files not compiled here, each with the reason: the compiler refuses them on purpose, so
    /// there is no port to compare (the refusal has its own tests).
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotCompiled { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["15-annotation-instead-of-assignment"] = "refused at build with DJS0103: `CORS_ALLOW_ALL_ORIGINS: True` annotates instead of assigning, so Django silently keeps the default (False); the compiler makes the mistake an error",
    };

    private static RecordedSettingsFile Case<T>(string name, Func<T, SampleFileFacts> facts)
        where T : class, IGeneratedDjangoSettings<T>
        => new(name, builder =>
        {
            builder.AddDjangoSettings<T>();
            return facts((T)builder.Services.Single(d => d.ServiceType == typeof(T)).ImplementationInstance!);
        });
}
