using System.Runtime.CompilerServices;

// The tests run the commands over hand-built modules through the internal compiler seam.
[assembly: InternalsVisibleTo("DjangoSettings.Generator.Tests")]
