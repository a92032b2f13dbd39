using System.Threading.Tasks;

namespace DjangoSettings.Drf;

/// <summary>A DRF view's method handler (<c>def get(self, request)</c>): returns a response or throws a <see cref="DrfException"/>.</summary>
public delegate ValueTask<DrfResponse> DrfHandler(DrfRequest request);
