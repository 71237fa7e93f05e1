using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Open311;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Seeding;

/// <summary>
/// Open311 reference data: while no service has attributes, two shipped services get example definitions that use all six
/// datatypes (winter heating, noise); with demo data on, the demo client and its documented key (README.md).
/// </summary>
internal sealed class EnsureOpen311Examples(RequestsDbContext db, IConfiguration configuration, TimeProvider clock)
    : IStartupTask
{
    public const string DemoKey = "linli-demo-open311-key";
    public const string DemoClient = "演示 Open311 客户端 (demo)";
    public const string HeatingKey = "城乡建设/城市建设和市政管理/冬季采暖";
    public const string NoiseKey = "环境保护/环境污染/噪音污染";

    public int Order => 45;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.ServiceAttributes.AnyAsync(cancellationToken))
        {
            var leaves = await db.Categories.Where(c => c.SeedKey == HeatingKey || c.SeedKey == NoiseKey).ToDictionaryAsync(c => c.SeedKey!, c => c.Id, cancellationToken);
            if (leaves.TryGetValue(HeatingKey, out var heating))
            {
                db.ServiceAttributes.AddRange(
                    Attribute(heating, "problem", 1, AttributeDatatype.SingleValueList, true, "采暖问题",
                        [new("not_warm", "室温不达标"), new("no_heat", "不供暖"), new("leak", "管道漏水")]),
                    Attribute(heating, "room_temperature", 2, AttributeDatatype.Number, false, "室内温度（℃）", datatypeDescription: "摄氏度，如 16.5"),
                    Attribute(heating, "since", 3, AttributeDatatype.Datetime, false, "问题开始时间", datatypeDescription: "W3C 日期时间，如 2026-11-20T08:00:00+08:00"),
                    Attribute(heating, "unit", 4, AttributeDatatype.String, false, "楼号、单元、门牌"));
            }
            if (leaves.TryGetValue(NoiseKey, out var noise))
            {
                db.ServiceAttributes.AddRange(
                    Attribute(noise, "source", 1, AttributeDatatype.SingleValueList, true, "噪音来源",
                        [new("construction", "建筑施工"), new("business", "商铺经营"), new("traffic", "道路交通"), new("neighbour", "邻里生活"), new("other", "其他")]),
                    Attribute(noise, "periods", 2, AttributeDatatype.MultiValueList, false, "发生时段",
                        [new("morning", "早晨"), new("day", "白天"), new("evening", "傍晚"), new("night", "夜间（22时至次日6时）")]),
                    Attribute(noise, "details", 3, AttributeDatatype.Text, false, "补充说明"));
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            var hash = Open311Keys.Hash(DemoKey);
            if (!await db.Open311Clients.AnyAsync(c => c.KeyHash == hash, cancellationToken))
            {
                db.Open311Clients.Add(new Open311Client
                {
                    Name = DemoClient, KeyHash = hash, KeyHint = Open311Keys.Hint(DemoKey), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = "demo",
                });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private static ServiceAttribute Attribute(int categoryId, string code, int order, AttributeDatatype datatype, bool required, string description,
        ServiceAttributeValue[]? values = null, string? datatypeDescription = null) => new()
    {
        CategoryId = categoryId, Code = code, Order = order, Datatype = datatype, Required = required, Description = description,
        DatatypeDescription = datatypeDescription, ValuesJson = ServiceAttribute.ToJson(values),
    };
}
