using Linli.Modules.Requests.Domain;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>The services of GeoReport v2: one per live leaf category, grouped by the first-level class.</summary>
internal sealed record Open311Service(Category Leaf, string Name, string Group, string Keywords, string Description);
