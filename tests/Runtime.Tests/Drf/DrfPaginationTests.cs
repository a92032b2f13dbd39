using System.Threading.Tasks;
using DjangoSettings.Drf;
using Xunit;

namespace DjangoSettings.Runtime.Tests.Drf;

/// <summary>
/// PageNumberPagination and LimitOffsetPagination on the oracle's /api/items/ against the recorded
/// Django answers (Fixtures/drf/pagination-*): bodies, absolute next/previous URLs (raw Host, path
/// re-escaped, query re-encoded and sorted, page dropped for page 1), Python int() parsing of the
/// parameters, and the 404 for an invalid page.
/// </summary>
public class DrfPaginationTests
{
    private const string SecretKey = "drf-pagination-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task Page_number_pagination_answers_as_django()
    {
        var settings = DrfViewShellTests.OracleBase with { DefaultPaginationClass = DrfClassNames.PageNumberPagination, PageSize = 10 };
        await using var host = await DrfTestHost.StartAsync(settings, SecretKey);
        var failures = await DrfReplay.RunAsync(host.Server, "pagination-page-number");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Limit_offset_pagination_answers_as_django()
    {
        var settings = DrfViewShellTests.OracleBase with { DefaultPaginationClass = DrfClassNames.LimitOffsetPagination };
        await using var host = await DrfTestHost.StartAsync(settings, SecretKey);
        var failures = await DrfReplay.RunAsync(host.Server, "pagination-limit-offset");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
