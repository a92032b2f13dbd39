using System.Threading.Tasks;
using DjangoSettings.Drf;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// The DRF view shell against the oracle's answers (Fixtures/drf/view-shell.*): Allow per view kind,
/// Vary: Accept with two renderers, HEAD, OPTIONS metadata, 405/406/404/415/400 bodies, and DRF's
/// order (406 before 401, 401 before 405, a bad token refused even on AllowAny).
/// </summary>
public class DrfViewShellTests
{
    /// <summary>The oracle's base REST_FRAMEWORK: JWTAuthentication, DRF's other defaults.</summary>
    public static RestFrameworkSettings OracleBase => new() { DefaultAuthenticationClasses = [DrfClassNames.JwtAuthentication] };

    private const string SecretKey = "drf-view-shell-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task Every_recorded_answer_of_the_view_shell_is_reproduced()
    {
        // view-shell.settings sets no REST_FRAMEWORK: the oracle's base dict, through the generated wiring.
        Assert.Equal(OracleBase.DefaultAuthenticationClasses, FixtureSettings.For("view-shell").DefaultAuthenticationClasses);
        await using var host = await DrfTestHost.StartAsync(FixtureSettings.For("view-shell"), SecretKey);
        var failures = await DrfReplay.RunAsync(host.Server, "view-shell");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
