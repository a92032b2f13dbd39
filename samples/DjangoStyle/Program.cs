using DjangoSettings.Cors;
using DjangoSettings.Jwt;
using DjangoSettings.Stores;
using DjangoStyle;

// Our own switch is not a configuration key=value pair: keep it away from the host's parser.
const string CreateSuperuserFromEnv = "--create-superuser-from-env";
bool createSuperuser = args.Contains(CreateSuperuserFromEnv);
args = args.Where(a => a != CreateSuperuserFromEnv).ToArray();

var builder = WebApplication.CreateBuilder(args);

// One generated call: the precompiled django-cors-headers policy, SIMPLE_JWT, and the database
// cors.settings names in DATABASES (db.sqlite3 here, created if absent, used as is if Django made it).
builder.AddCorsSettings();
// The seed's TokenObtainPairSerializer.get_token override added a "username" claim.
builder.Services.AddSingleton<ISimpleJwtClaimsProvider, UsernameClaimsProvider>();
// Throughput comparison only (bench/e2e.sh): Sample:Cors = django (default) | aspnet | none.
string corsMode = SampleCorsMode.Read(builder.Configuration);
if (corsMode == "aspnet") SampleCorsMode.AddAspNetCors(builder.Services);

var app = builder.Build();
app.Services.EnsureDjangoDatabase();

// manage.py-style commands: createsuperuser, flushexpiredtokens.
var commands = app.Services.GetRequiredService<DjangoManagementCommands>();
if (await commands.TryRunAsync(args, Console.Out) is int exitCode)
{
    return exitCode;
}
if (createSuperuser)
{
    await SampleSetup.CreateSuperuserFromEnvironmentAsync(app.Services, app.Configuration, app.Logger);
}

app.UseExceptionHandler(SampleSetup.ExceptionHandler);
if (corsMode == "django") app.UseDjangoCors();
else if (corsMode == "aspnet") app.UseCors();
app.UseRouting();
app.UseSimpleJwtAuthentication();
app.UseAuthorization();

app.MapSimpleJwt("/api/token");
SampleRoutes.Map(app);

app.Run();
return 0;
