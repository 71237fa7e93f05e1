namespace Linli.Modules.Requests.Features.PlaceRecognition;

/// <summary>A region of the tree the recognizer knows: its code, official name, depth (1 district, 2 street, 3 community) and parent.</summary>
internal sealed record PlaceEntry(string Code, string Name, int Depth, string? ParentCode);

/// <summary>Words of the text that name a place: where they are (UTF-16 offsets), and every region they may name.</summary>
internal sealed record PlaceMatch(int Start, int Length, string Text, IReadOnlyList<PlaceEntry> Regions);

/// <summary>The places found in a text and the unit proposed for the ticket (the most specific region the matches agree on), if any.</summary>
internal sealed record RecognizedPlace(IReadOnlyList<PlaceMatch> Matches, PlaceEntry? Proposed);

/// <summary>
/// Finds the region tree's district, street, community and village names in a message, in full or in their suffix-less
/// form (<see cref="PlaceNames.ShortForms"/>), by leftmost-longest match on a character trie built once (a few thousand
/// names): "浑河湾街道" wins over "浑河湾", and a match is never cut inside another. A name shared by several regions
/// (新华社区 in more than one district) is settled by the other names of the text (the one under a district or street
/// also named); when nothing settles it, only the regions all its candidates share are proposed.
/// </summary>
internal sealed class PlaceRecognizer
{
    private sealed class Node
    {
        public Dictionary<char, Node>? Next;
        public List<PlaceEntry>? Regions;
    }

    // Short forms of community names shorter than this are common words more often than places ("新华", "建设").
    private const int MinimumCommunityStem = 3;

    private readonly Node _root = new();
    private readonly Dictionary<string, PlaceEntry> _byCode;

    public PlaceRecognizer(IEnumerable<PlaceEntry> regions)
    {
        _byCode = new Dictionary<string, PlaceEntry>(StringComparer.Ordinal);
        foreach (var r in regions)
        {
            _byCode[r.Code] = r;
            Add(r.Name, r);
            foreach (var form in PlaceNames.ShortForms(r.Name))
                if (r.Depth < 3 || form.Length >= MinimumCommunityStem) Add(form, r);
        }
    }

    public int Count => _byCode.Count;

    private void Add(string name, PlaceEntry region)
    {
        var node = _root;
        foreach (var c in name) node = (node.Next ??= [])!.TryGetValue(c, out var next) ? next : node.Next[c] = new Node();
        node.Regions ??= [];
        if (!node.Regions.Contains(region)) node.Regions.Add(region);
    }

    public RecognizedPlace Recognize(string text)
    {
        var matches = new List<PlaceMatch>();
        for (var i = 0; i < text.Length;)
        {
            var node = _root;
            var (end, found) = (-1, (List<PlaceEntry>?)null);
            for (var j = i; j < text.Length && node.Next is not null && node.Next.TryGetValue(text[j], out var next); j++)
            {
                node = next;
                if (node.Regions is not null) (end, found) = (j + 1, node.Regions);
            }
            if (found is null)
            {
                i++;
                continue;
            }
            matches.Add(new PlaceMatch(i, end - i, text[i..end], found));
            i = end;
        }
        return new RecognizedPlace(matches, Propose(matches));
    }

    private PlaceEntry? Propose(List<PlaceMatch> matches)
    {
        if (matches.Count == 0) return null;
        // Each candidate scores by how many other matches name it or one of its ancestors; the most specific best wins.
        var named = matches.SelectMany(m => m.Regions).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        PlaceEntry? best = null;
        var bestScore = -1;
        var ambiguous = false;
        foreach (var candidate in matches.SelectMany(m => m.Regions).Distinct())
        {
            var score = Ancestry(candidate).Count(a => named.Contains(a.Code));
            var better = score > bestScore || (score == bestScore && best is not null && candidate.Depth > best.Depth);
            if (score == bestScore && best is not null && candidate.Depth == best.Depth && candidate.Code != best.Code) ambiguous = true;
            if (better)
            {
                (best, bestScore) = (candidate, score);
                ambiguous = false;
            }
        }
        if (!ambiguous || best is null) return best;
        // Equally good regions at the same depth: propose what they have in common, if anything.
        var tied = matches.SelectMany(m => m.Regions).Distinct().Where(c => c.Depth == best.Depth && Ancestry(c).Count(a => named.Contains(a.Code)) == bestScore).ToList();
        return Ancestry(tied[0]).Skip(1).FirstOrDefault(a => tied.All(t => Ancestry(t).Contains(a)));
    }

    /// <summary>The region and its ancestors up to the district, itself first.</summary>
    public IEnumerable<PlaceEntry> Ancestry(PlaceEntry region)
    {
        for (var r = (PlaceEntry?)region; r is not null; r = r.ParentCode is { } p ? _byCode.GetValueOrDefault(p) : null) yield return r;
    }
}
