using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using DjangoSettings.Drf;
using DjangoSettings.Generator.Checks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// The build's idea of what the runtime serves (DrfPortSupport, behind DJS0604/DJS0605) against the
/// runtime itself: every class the checks call served resolves to a component, and every class
/// name the runtime knows is either served or reported with what the port does instead.
/// </summary>
public class DrfPortSupportTests
{
    [Fact]
    public async Task Every_class_the_checks_call_served_resolves_in_the_runtime()
    {
        await using var host = await DrfTestHost.StartAsync(RestFrameworkSettings.Defaults, "drf-port-support-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz");
        var components = host.Services.GetRequiredService<DrfComponents>();
        foreach (var path in DrfPortSupport.ServedClasses)
        {
            if (path.Contains(".throttling.", System.StringComparison.Ordinal))
            {
                // A view scope with a rate entry ('anon' is in DRF's default rates), so the scoped throttle applies too.
                Assert.Single(components.ResolveThrottles([path], "anon"));
                continue;
            }
            Assert.Single(components.Resolve<object>([path], "test"));
        }
    }

    [Fact]
    public void Every_class_name_the_runtime_knows_is_served_or_reported()
    {
        var names = typeof(DrfClassNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            bool served = DrfPortSupport.ServedClasses.Contains(name);
            bool recognised = DrfPortSupport.RecognisedClasses.ContainsKey(name);
            // CursorPagination is named by the runtime but not served: the generic DJS0605 text covers it.
            Assert.True(served || recognised || name == DrfClassNames.CursorPagination, name + " is neither served nor reported by the build");
            Assert.False(served && recognised, name + " is both served and reported as not served");
        }
        Assert.All(DrfPortSupport.ServedClasses, c => Assert.Contains(c, names));
    }
}
