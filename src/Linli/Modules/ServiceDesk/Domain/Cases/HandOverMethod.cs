namespace Linli.Modules.ServiceDesk.Domain.Cases;

internal enum HandOverMethod
{
    /// <summary>窗口领取.</summary>
    Window = 1,
    /// <summary>邮寄.</summary>
    Post = 2,
    /// <summary>送达上门.</summary>
    Home = 3,
}
