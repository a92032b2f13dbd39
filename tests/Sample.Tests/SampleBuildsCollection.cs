using Xunit;

namespace DjangoSettings.Sample.Tests;

/// <summary>
/// Tests that build the sample again (with another settings file or Django project) run one after
/// the other: each build also builds the runtime projects it references, and two builds writing the
/// same obj folders at once fail at random.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleBuildsCollection
{
    public const string Name = "Sample builds";
}
