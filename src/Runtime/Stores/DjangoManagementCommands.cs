using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DjangoSettings.Users;
using Microsoft.Extensions.Configuration;

namespace DjangoSettings.Stores;

/// <summary>
/// The Django management commands the stores need, for a host's command line:
/// <c>flushexpiredtokens</c> and <c>createsuperuser</c>.
/// </summary>
public sealed class DjangoManagementCommands
{
    /// <summary>The environment variable (configuration key) non-interactive <c>createsuperuser</c> reads the password from, as Django does.</summary>
    public const string SuperuserPasswordKey = "DJANGO_SUPERUSER_PASSWORD";

    private readonly IUserStore _users;
    private readonly ITokenBlacklistStore _blacklist;
    private readonly TimeProvider _time;
    private readonly IConfiguration? _configuration;

    /// <summary>Creates the commands over the registered stores.</summary>
    /// <param name="users">Where <c>createsuperuser</c> creates the user.</param>
    /// <param name="blacklist">What <c>flushexpiredtokens</c> flushes.</param>
    /// <param name="timeProvider">"Now" for the flush; the system clock when null.</param>
    /// <param name="configuration">Read for <c>DJANGO_SUPERUSER_PASSWORD</c> and <c>DJANGO_SUPERUSER_&lt;FIELD&gt;</c> by <see cref="CreateSuperuserNoInputAsync"/>.</param>
    public DjangoManagementCommands(IUserStore users, ITokenBlacklistStore blacklist, TimeProvider? timeProvider = null, IConfiguration? configuration = null)
    {
        _users = users ?? throw new ArgumentNullException(nameof(users));
        _blacklist = blacklist ?? throw new ArgumentNullException(nameof(blacklist));
        _time = timeProvider ?? TimeProvider.System;
        _configuration = configuration;
    }

    /// <summary><c>manage.py flushexpiredtokens</c>: deletes tokens with <c>expires_at &lt;= now</c>; returns how many outstanding tokens went.</summary>
    public Task<int> FlushExpiredTokensAsync(CancellationToken cancellationToken = default) =>
        _blacklist.FlushExpiredAsync(_time.GetUtcNow(), cancellationToken).AsTask();

    /// <summary><c>manage.py createsuperuser</c>: an active staff superuser with a Django password hash.</summary>
    /// <exception cref="DuplicateUsernameException">The username is taken.</exception>
    public Task<DjangoUser> CreateSuperuserAsync(string username, string password, string email = "", CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("A superuser needs a password.", nameof(password));
        return _users.CreateUserAsync(username, password, isSuperuser: true, email, cancellationToken).AsTask();
    }

    /// <summary>
    /// <c>manage.py createsuperuser --noinput</c> for the user model: the login from
    /// <c>--&lt;USERNAME_FIELD&gt;</c> or <c>DJANGO_SUPERUSER_&lt;USERNAME_FIELD&gt;</c>, each of
    /// <c>REQUIRED_FIELDS</c> from <c>--&lt;field&gt;</c> or <c>DJANGO_SUPERUSER_&lt;FIELD&gt;</c> (named after the
    /// field, upper-cased), the password from <c>DJANGO_SUPERUSER_PASSWORD</c> (absent: an unusable
    /// password; empty: a hash of the empty string). Validation and messages are Django's: a taken or
    /// blank login, a missing required field, an invalid e-mail or username, a value over max_length.
    /// </summary>
    /// <param name="args">The command line after the command name (<c>--email x</c> or <c>--email=x</c>).</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<DjangoCommandResult> CreateSuperuserNoInputAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        DjangoUserModel model = _users.Model;
        DjangoUserField loginField = model.Username;
        string? login = Option(args, "--" + loginField.Name) ?? Environment(loginField.Name);
        if (login is null) return Error($"You must use --{loginField.Name} with --noinput.");
        // Validated as given, before any normalisation (as Django's _validate_username).
        if (loginField.Unique && await _users.FindByUsernameAsync(login, cancellationToken).ConfigureAwait(false) is not null)
        {
            return Error($"Error: That {loginField.VerboseName} is already taken.", alreadyTaken: true);
        }
        if (login.Length == 0) return Error($"{CapFirst(loginField.VerboseName)} cannot be blank.");
        if (DjangoFieldValidation.Errors(loginField, login) is { Count: > 0 } loginErrors) return Error(string.Join("; ", loginErrors));

        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (string name in model.RequiredFields)
        {
            string? value = Option(args, "--" + name);
            if (string.IsNullOrEmpty(value)) value = Environment(name);
            if (string.IsNullOrEmpty(value)) return Error($"You must use --{name} with --noinput.");
            DjangoUserField field = model.Find(name)!;
            if (field.IsText && DjangoFieldValidation.Errors(field, value) is { Count: > 0 } errors) return Error(string.Join("; ", errors));
            fields[name] = value;
        }
        string? password = model.Find("password") is null ? null : _configuration?[SuperuserPasswordKey];
        try
        {
            DjangoUser user = await _users.CreateUserAsync(new DjangoNewUser(login, password, IsSuperuser: true) { Fields = fields }, cancellationToken).ConfigureAwait(false);
            return new DjangoCommandResult(0, "Superuser created successfully.", user);
        }
        catch (DuplicateUsernameException)
        {
            // Django checks the raw value and crashes on the normalised duplicate; a clear message instead.
            return Error($"Error: That {loginField.VerboseName} is already taken.", alreadyTaken: true);
        }
    }

    /// <summary>
    /// Runs <paramref name="args"/> when they name one of the commands and returns the exit code, or
    /// returns null (nothing done) so the host starts normally. Understands
    /// <c>flushexpiredtokens</c> and <c>createsuperuser [--&lt;field&gt; value]... [--noinput]</c>
    /// (see <see cref="CreateSuperuserNoInputAsync"/>).
    /// </summary>
    public async Task<int?> TryRunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Count == 0) return null;
        switch (args[0])
        {
            case "flushexpiredtokens":
                int flushed = await FlushExpiredTokensAsync(cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"Flushed {flushed} expired token(s).").ConfigureAwait(false);
                return 0;
            case "createsuperuser":
                DjangoCommandResult result = await CreateSuperuserNoInputAsync(args, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(result.Output).ConfigureAwait(false);
                return result.ExitCode;
            default:
                return null;
        }
    }

    private string? Environment(string fieldName) => _configuration?["DJANGO_SUPERUSER_" + fieldName.ToUpperInvariant()];

    private static DjangoCommandResult Error(string message, bool alreadyTaken = false) => new(1, "CommandError: " + message, null, alreadyTaken);

    private static string CapFirst(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count) return args[i + 1];
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i].Substring(name.Length + 1);
        }
        return null;
    }
}
