using Xunit;

namespace DjangoSettings.Runtime.Tests;

public class AssemblyTests
{
    [Fact]
    public void Runtime_assembly_is_named_for_the_package()
    {
        Assert.Equal("DjangoSettings.Runtime", typeof(DjangoSettings.RuntimeInfo).Assembly.GetName().Name);
    }
}
