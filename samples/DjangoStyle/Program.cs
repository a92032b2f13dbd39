using DjangoSettings.Drf;
using DjangoSettings.Http;
using DjangoSettings.Jwt;
using DjangoSettings.Stores;
using DjangoStyle;

// Our own switch is not a configuration key=value pair: keep it away from the host's parser.
const string CreateSuperuserFromEnv = "--create-superuser-from-env";
bool createSuperuser = args.Contains(CreateSuperuserFromEnv);
args = args.Where(a => a != CreateSuperuserFromEnv).ToArray();

var builder = WebApplication.CreateBuilder(args);

// DATABASES may name PostgreSQL (shared by several instances): its provider package serves it.
builder.Services.AddDjangoPostgreSqlProvider();
// Optional: outstanding/blacklisted tokens in Redis (users stay in DATABASES).
if (builder.Configuration["DJANGO_TOKEN_REDIS"] is { Length: > 0 } redis)
{
    builder.Services.AddDjangoRedisTokenStore(redis);
}
// CACHES['default'] on Redis (django-redis or Django's RedisCache): DRF's throttle histories are kept
// there in Django's format, shared with Django processes on the same Redis.
builder.Services.AddDjangoRedisCache();
// One generated call for the project's settings file (cors.settings, or -p:DjangoSettingsFile=PATH):
// the precompiled django-cors-headers policy, SIMPLE_JWT, MIDDLEWARE with ALLOWED_HOSTS and the
// SECURE_* settings (composed below by UseDjangoMiddleware), and the database DATABASES names
// (db.sqlite3 here, created if absent, used as is if Django made it).
// A settings file without ALLOWED_HOSTS is served for configuration's AllowedHosts, "*" unless configured.
SampleBaseSettings.AddDefaultAllowedHosts(builder.Configuration);
builder.AddDjangoSettings();
// Optional: flushexpiredtokens in the background (e.g. DJANGO_FLUSH_INTERVAL=1.00:00:00 for daily).
if (TimeSpan.TryParse(builder.Configuration["DJANGO_FLUSH_INTERVAL"], System.Globalization.CultureInfo.InvariantCulture, out TimeSpan flushEvery) && flushEvery > TimeSpan.Zero)
{
    builder.Services.AddDjangoTokenFlushing(flushEvery);
}
// Optional: how long a request waits for SQLite's lock (held by Django, a migration, a backup)
// before answering 503 store_unavailable, in seconds, as Django's DATABASES OPTIONS "timeout" (default 5).
if (double.TryParse(builder.Configuration["DJANGO_SQLITE_TIMEOUT"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double sqliteTimeout) && sqliteTimeout >= 0)
{
    builder.Services.Configure<SqliteDatabaseOptions>(o => o.Timeout = TimeSpan.FromSeconds(sqliteTimeout));
}
// Throughput comparison only (bench/e2e.sh): Sample:Cors = django (default) | aspnet | none.
string corsMode = SampleCorsMode.Read(builder.Configuration);
if (corsMode == "aspnet") SampleCorsMode.AddAspNetCors(builder.Services);
// The "username" claim and REST_FRAMEWORK (the oracle's base keys where the file's leaves some out).
var file = (DjangoProjectSettings)builder.Services.Single(d => d.ServiceType == typeof(DjangoProjectSettings)).ImplementationInstance!;
SampleApp.AddServices(builder.Services, new SampleFileFacts(file.RestFramework.DefaultAuthenticationClassesIsSet, file.RestFramework.DefaultRendererClassesIsSet));
if (corsMode != "django") SampleCorsMode.RemoveCorsMiddleware(builder.Services);

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
    await SampleSetup.CreateSuperuserFromEnvironmentAsync(app.Services, app.Logger);
}

app.UseExceptionHandler(SampleSetup.ExceptionHandler);
if (corsMode == "aspnet") app.UseCors();
// MIDDLEWARE, in its order (CorsMiddleware, SecurityMiddleware, CommonMiddleware here), with URL
// resolution (UseRouting) inside; authentication, the token endpoints and the views follow, as in Django.
SampleApp.UsePipeline(app);

await app.StartAsync();
foreach (var address in app.Urls)
{
    app.Logger.LogInformation("DjangoStyle API on {ApiUrl}", address);
}
// The demo front end on its own origin (Sample:ClientUrl, default http://localhost:3000; "none" turns it off).
await using var client = await DemoClient.StartAsync(app);
await app.WaitForShutdownAsync();
if (client is not null) await client.StopAsync();
return 0;
