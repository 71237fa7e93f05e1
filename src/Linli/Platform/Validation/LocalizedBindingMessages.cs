using Linli.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Validation;

/// <summary>
/// The page forms' model-binding messages from the resource files, naming the field and never quoting what was typed:
/// the framework's own are English and repeat the value ("The value '…' is not valid for …"), which may be personal data.
/// </summary>
internal sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var text = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => text["{0}的格式不正确。", field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["格式不正确。"]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["{0}的格式不正确。", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["格式不正确。"]);
        messages.SetValueIsInvalidAccessor(_ => text["格式不正确。"]);
        messages.SetValueMustNotBeNullAccessor(_ => text["必填。"]);
        messages.SetValueMustBeANumberAccessor(field => text["{0}须为数字。", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["须为数字。"]);
        messages.SetMissingBindRequiredValueAccessor(field => text["请填写{0}。", field]);
        messages.SetMissingKeyOrValueAccessor(() => text["必填。"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["请求正文缺失或不是所需格式的 JSON。"]);
    }
}

internal static class LocalizedBindingMessagesExtensions
{
    public static IServiceCollection AddLocalizedBindingMessages(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
}
