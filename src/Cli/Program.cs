namespace DjangoSettings.Cli;

/// <summary>Entry point of the <c>djangosettings</c> command-line tool.</summary>
public static class Program
{
    /// <summary>Runs the tool; see <c>djangosettings --help</c>.</summary>
    public static int Main(string[] args) => CommandLine.Run(args, System.Console.Out, System.Console.Error);
}
