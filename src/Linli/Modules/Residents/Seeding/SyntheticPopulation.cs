using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Geography;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Linli.Platform.Seeding;

namespace Linli.Modules.Residents.Seeding;

/// <summary>
/// Makes the people of the synthetic city, one community at a time, as bulk rows. Everything is visibly synthetic:
/// IsSynthetic is set, names end in "（样例）", addresses are on 样例 roads and villages, phones are in the 140 block
/// (not issued to people). Ages follow an old north-eastern city (about 25 % aged 60+, 4 % aged 80+); household sizes
/// average <see cref="CityProfile.UrbanHouseholdSize"/> / <see cref="CityProfile.RuralHouseholdSize"/>.
/// All draws come from the community's own random stream, and the few counters that must be city-wide (ids, ID-number
/// sequences, phone numbers) advance in community order, so a seed always gives the same city.
/// </summary>
internal sealed class SyntheticPopulation(IDistrictGeometry geometry, IPersonalDataProtector protector, long firstHouseholdId, long firstResidentId, long firstTagId)
{
    /// <summary>The day the synthetic city describes: ages, tags and ID numbers are as of this date, whatever today is.</summary>
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    public const string NameMarker = "（样例）";

    // Share of residents per 5-year age group 0–4 … 95–99 (percent): 10 % under 15, 65 % aged 15–59, 21 % aged 60–79, 4 % aged 80+.
    private static readonly double[] AgeGroupWeights =
        [2.8, 3.4, 3.8, 3.8, 4.8, 6.2, 7.8, 7.4, 7.0, 8.2, 10.0, 9.8, 7.2, 6.2, 4.6, 3.0, 2.2, 1.2, 0.5, 0.1];

    // Household sizes 1, 2, 3 …: means 2.55 (urban) and 3.55 (rural), as CityProfile.
    private static readonly double[] UrbanSizes = [0.20, 0.32, 0.30, 0.11, 0.05, 0.02];
    private static readonly double[] RuralSizes = [0.12, 0.18, 0.21, 0.20, 0.15, 0.09, 0.05];

    // One-person households go to an older person this much more often than at random, so about 10 % of people aged
    // 60+ live alone (rural one-person households are fewer, and more of them are old people's).
    private const double UrbanAloneElderlyBias = 0.06, RuralAloneElderlyBias = 0.64;

    private const double DisabledRate = 0.065, UrbanDibaoRate = 0.015, RuralDibaoRate = 0.04, FormerDibaoRate = 0.005,
        RuralTekunRate = 0.003, LeftBehindRate = 0.05, OrphanRate = 0.001, MaleVeteranRate = 0.036, FemaleVeteranRate = 0.004;
    private static readonly double[] DisabilityGrades = [0.12, 0.22, 0.30, 0.36];

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
        "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
        "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
    ];
    private static readonly string MaleGiven = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
    private static readonly string FemaleGiven = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";

    private long _nextHousehold = firstHouseholdId, _nextResident = firstResidentId, _nextTag = firstTagId, _phones;
    private readonly Dictionary<long, int> _idSequences = [];

    public long Households { get; private set; }
    public long Residents { get; private set; }
    public long Tags { get; private set; }

    private struct Person
    {
        public DateOnly Birth;
        public int Age;
        public Gender Gender;
        public int Household;
        public RelationToHead Relation;
        public string Surname;
    }

    /// <summary>
    /// Adds <paramref name="households"/> households of one community (and their people and tags) to <paramref name="batch"/>,
    /// each within <paramref name="reachMeters"/> of the community's centre (<see cref="CommunitySpacing"/>).
    /// </summary>
    public void AddCommunity(Random random, RegionInfo community, IReadOnlyList<RegionInfo> grids, int households, bool urban, double reachMeters, SeedBatch batch)
    {
        var district = community.Code[..6];
        var districtNumber = int.Parse(district, System.Globalization.CultureInfo.InvariantCulture);

        // Households: size, grid, place, address.
        var sizes = new int[households];
        var total = 0;
        for (var h = 0; h < households; h++) total += sizes[h] = 1 + Pick(random, urban ? UrbanSizes : RuralSizes);

        // People: drawn from the age profile as one pool, then put into households so that every household has an adult head.
        var people = new Person[total];
        for (var i = 0; i < total; i++) people[i] = DrawPerson(random, AgeGroupWeights);
        var order = Enumerable.Range(0, total).ToArray();
        random.Shuffle(order);
        var adults = order.Where(i => people[i].Age >= 18).ToList();
        var elderly = order.Where(i => people[i].Age >= 60).ToList();
        var taken = new bool[total];
        int nextAdult = 0, nextElderly = 0;
        int TakeAdult()
        {
            while (nextAdult < adults.Count && taken[adults[nextAdult]]) nextAdult++;
            if (nextAdult < adults.Count) return adults[nextAdult++];
            // A tiny community drew too few adults: the next free person becomes one (rare; leaves the age profile intact in expectation).
            var any = Array.FindIndex(taken, t => !t);
            var adult = DrawPerson(random, AgeGroupWeights.AsSpan(4));
            people[any].Birth = adult.Birth;
            people[any].Age = adult.Age;
            return any;
        }
        int TakeElderly()
        {
            while (nextElderly < elderly.Count && taken[elderly[nextElderly]]) nextElderly++;
            return nextElderly < elderly.Count ? elderly[nextElderly++] : TakeAdult();
        }
        var heads = new int[households];
        for (var h = 0; h < households; h++)
        {
            var bias = urban ? UrbanAloneElderlyBias : RuralAloneElderlyBias;
            var head = sizes[h] == 1 && random.NextDouble() < bias ? TakeElderly() : TakeAdult();
            taken[head] = true;
            heads[h] = head;
            people[head].Household = h;
            people[head].Relation = RelationToHead.Head;
            people[head].Surname = Surnames[(int)(Math.Pow(random.NextDouble(), 2) * Surnames.Length)];
        }
        var members = new List<int>[households];
        for (var h = 0; h < households; h++) members[h] = [heads[h]];
        var slot = 0;
        foreach (var i in order)
        {
            if (taken[i]) continue;
            while (members[slot].Count >= sizes[slot]) slot++;
            taken[i] = true;
            members[slot].Add(i);
            people[i].Household = slot;
        }

        // Rows.
        var road = random.Next(1, 100);
        for (var h = 0; h < households; h++)
        {
            var householdId = _nextHousehold++;
            var grid = grids.Count > 0 ? grids[random.Next(grids.Count)] : null;
            var (lon, lat) = Place(random, district, community, grid, urban, reachMeters);
            string address;
            string? building = null, unit = null, room = null;
            if (urban)
            {
                address = $"样例{road}路{1 + h / 96}号";
                building = (1 + h / 24).ToString(System.Globalization.CultureInfo.InvariantCulture);
                unit = (1 + h % 24 / 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
                room = $"{1 + h % 6}0{1 + random.Next(2)}";
            }
            else
            {
                address = $"样例村{1 + h / 40}组{1 + h % 40}号";
            }
            var fullAddress = Household.Describe(address, building, unit, room);
            batch.Households.Add([householdId, community.Code, grid?.Code, address, building, unit, room, lon, lat, true]);
            Households++;

            var head = people[members[h][0]];
            var dibao = random.NextDouble() < (urban ? UrbanDibaoRate : RuralDibaoRate);
            var formerDibao = !dibao && random.NextDouble() < FormerDibaoRate;
            var dibaoStart = AsOf.AddDays(-random.Next(30, 8 * 365));
            var formerStart = AsOf.AddDays(-random.Next(3 * 365, 10 * 365));
            var formerEnd = formerStart.AddDays(random.Next(180, 3 * 365));
            var hasSpouse = false;
            foreach (var i in members[h])
            {
                if (i != members[h][0]) Relate(random, ref people[i], head, ref hasSpouse);
                var idText = NextIdNumber(districtNumber, ref people[i]);
                var p = people[i]; // settled: the ID number may have moved the birth date by a day
                var residentId = _nextResident++;
                var idNumber = protector.SealIdNumber(idText);
                var phone = NextPhone(random, p.Age) is { } number ? protector.SealPhone(PhoneNumber.TryParse(number, out var parsed) ? parsed
                    : throw new InvalidOperationException("A synthetic phone number must be one.")) : (SealedNumber?)null;
                var name = p.Surname + Given(random, p.Gender) + NameMarker;
                var registered = random.NextDouble() < 0.12 ? $"样例省样例市样例区样例街{random.Next(1, 300)}号" : fullAddress;
                batch.Residents.Add([
                    residentId, householdId, community.Code, grid?.Code, name, idNumber.Cipher, idNumber.Hash, idNumber.Masked,
                    phone?.Cipher, phone?.Hash, phone?.Masked, (int)p.Gender, p.Birth.Year, (int)p.Relation, registered, fullAddress, true,
                ]);
                Residents++;

                // Dates are stored as the product stores them: nothing derived from the birthday (TagRules.ConcealStart).
                void Tag(PopulationTagKind tag, DateOnly start, DateOnly? end = null, int? grade = null)
                {
                    if (start < p.Birth) start = p.Birth;
                    batch.Tags.Add([_nextTag++, residentId, community.Code, (int)tag, grade, TagRules.ConcealStart(start, p.Birth),
                        end is { } e ? TagRules.ConcealEnd(e, p.Birth) : null]);
                    Tags++;
                }
                foreach (var (ageTag, ageStart) in AgeTags.For(p.Birth.Year, AsOf)) Tag(ageTag, ageStart);
                if (AgeTags.AgeThisYear(p.Birth.Year, AsOf) >= 60 && sizes[h] == 1)
                    Tag(PopulationTagKind.LivingAlone, Max(new DateOnly(p.Birth.Year + 60, 1, 1), AsOf.AddDays(-random.Next(30, 10 * 365))));
                if (random.NextDouble() < DisabledRate)
                    Tag(PopulationTagKind.Disabled, p.Birth.AddDays(random.Next(0, Math.Max(1, AsOf.DayNumber - p.Birth.DayNumber))), grade: 1 + Pick(random, DisabilityGrades));
                if (dibao) Tag(PopulationTagKind.Dibao, dibaoStart);
                if (formerDibao) Tag(PopulationTagKind.Dibao, formerStart, formerEnd < AsOf ? formerEnd : AsOf.AddDays(-1));
                if (!urban && !dibao && random.NextDouble() < RuralTekunRate) Tag(PopulationTagKind.Tekun, AsOf.AddDays(-random.Next(30, 6 * 365)));
                if (p.Age < 18)
                {
                    if (!urban && random.NextDouble() < LeftBehindRate) Tag(PopulationTagKind.LeftBehindChild, AsOf.AddDays(-random.Next(30, 6 * 365)));
                    if (random.NextDouble() < OrphanRate) Tag(PopulationTagKind.Orphan, AsOf.AddDays(-random.Next(30, 6 * 365)));
                }
                else if (random.NextDouble() < (p.Gender == Gender.Male ? MaleVeteranRate : FemaleVeteranRate))
                {
                    Tag(PopulationTagKind.Veteran, Min(new DateOnly(p.Birth.Year + 22 + random.Next(0, 10), 1, 1).AddDays(random.Next(365)), AsOf.AddDays(-1)));
                }
            }
        }
    }

    private static Person DrawPerson(Random random, ReadOnlySpan<double> groups)
    {
        var group = Pick(random, groups) + (AgeGroupWeights.Length - groups.Length);
        var days = (int)((group * 5 + random.NextDouble() * 5) * 365.2425);
        var birth = AsOf.AddDays(-days);
        return new Person { Birth = birth, Age = AgeTags.AgeOn(birth, AsOf), Gender = random.Next(2) == 0 ? Gender.Male : Gender.Female, Surname = "" };
    }

    /// <summary>A member's relation follows from the age gap to the head: a spouse of the other sex and similar age, children, parents …</summary>
    private static void Relate(Random random, ref Person p, in Person head, ref bool hasSpouse)
    {
        var gap = p.Age - head.Age;
        if (Math.Abs(gap) < 15 && p.Age >= 20 && !hasSpouse && p.Gender != head.Gender)
        {
            hasSpouse = true;
            p.Relation = RelationToHead.Spouse;
            p.Surname = Surnames[(int)(Math.Pow(random.NextDouble(), 2) * Surnames.Length)];
            return;
        }
        p.Relation = gap switch
        {
            >= 40 => RelationToHead.Grandparent,
            >= 15 => RelationToHead.Parent,
            <= -40 => RelationToHead.Grandchild,
            <= -15 => RelationToHead.Child,
            _ => random.NextDouble() < 0.7 ? RelationToHead.Sibling : RelationToHead.Other,
        };
        p.Surname = p.Relation is RelationToHead.Child or RelationToHead.Grandchild or RelationToHead.Sibling || random.NextDouble() < 0.5
            ? head.Surname
            : Surnames[(int)(Math.Pow(random.NextDouble(), 2) * Surnames.Length)];
    }

    /// <summary>
    /// A unique, valid ID number: the district's area code, the birth date, a sequence (odd for men, even for women) and
    /// the GB 11643 check character. The sequences of one district, day and sex are its 500 values in an order of their
    /// own (a step and a start drawn from the key), so they spread over the whole range as the structure allows and a
    /// low sequence says nothing. A full day (500 of one sex) moves on to the day before.
    /// </summary>
    private string NextIdNumber(int district, ref Person p)
    {
        while (true)
        {
            var key = ((long)district * 1_000_000 + p.Birth.DayNumber) * 2 + (p.Gender == Gender.Male ? 1 : 0);
            var n = _idSequences.GetValueOrDefault(key);
            if (n < 500)
            {
                var mix = Mix(key);
                var step = SequenceSteps[(int)(mix % (ulong)SequenceSteps.Length)];
                var slot = (int)((n * step + (long)(mix >> 32) % 500) % 500);
                var sequence = p.Gender == Gender.Male ? 2 * slot + 1 : 2 * slot;
                _idSequences[key] = n + 1;
                return IdNumber.Compose(district.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), p.Birth, sequence);
            }
            p.Birth = p.Birth.AddDays(-1);
            p.Age = AgeTags.AgeOn(p.Birth, AsOf);
        }
    }

    // Steps coprime with 500, so that n * step + start (mod 500) visits every slot once.
    private static readonly int[] SequenceSteps = [3, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101];

    private static ulong Mix(long key)
    {
        var z = (ulong)key + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Most adults and some teenagers have a mobile; numbers are unique (a bijection of a counter) in the 140 block.</summary>
    private string? NextPhone(Random random, int age)
    {
        var share = age >= 18 ? 0.93 : age >= 12 ? 0.6 : 0.0;
        if (random.NextDouble() >= share) return null;
        var suffix = (_phones++ * 7_654_321L + 12_345_678L) % 100_000_000L;
        return "140" + suffix.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Given(Random random, Gender gender)
    {
        var chars = gender == Gender.Male ? MaleGiven : FemaleGiven;
        var first = chars[random.Next(chars.Length)];
        return random.NextDouble() < 0.3 ? first.ToString() : $"{first}{chars[random.Next(chars.Length)]}";
    }

    /// <summary>
    /// A home near its grid's centre: within half the community's reach of it (grid centres lie within the other half), or
    /// within the whole reach of the community's centre where the grid has none, so the home stays nearest to its own community.
    /// </summary>
    private (double?, double?) Place(Random random, string district, RegionInfo community, RegionInfo? grid, bool urban, double reachMeters)
    {
        if (community.Longitude is not { } cLon || community.Latitude is not { } cLat) return (null, null);
        var (lon, lat, max) = (cLon, cLat, reachMeters);
        if (grid is { Longitude: { } gLon, Latitude: { } gLat } && Geo.DistanceMeters(cLon, cLat, gLon, gLat) <= reachMeters / 2)
            (lon, lat, max) = (gLon, gLat, reachMeters / 2);
        var sigma = urban ? 150.0 : 400.0;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (x, y) = CommunitySpacing.Scatter(random, lon, lat, sigma, max);
            if (geometry.Contains(district, x, y)) return (Math.Round(x, 6), Math.Round(y, 6));
        }
        return (lon, lat);
    }

    private static int Pick(Random random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var u = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Length - 1;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>Rows waiting for the bulk writer; flushed every few tens of thousands of residents, so memory stays flat at any scale.</summary>
internal sealed class SeedBatch
{
    public List<object?[]> Households { get; } = [];
    public List<object?[]> Residents { get; } = [];
    public List<object?[]> Tags { get; } = [];
}
