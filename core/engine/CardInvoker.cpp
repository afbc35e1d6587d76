#include "engine/CardInvoker.h"

namespace wf {

Result<QJsonObject> prepareCardInputs(const CardSpec &spec, const CardNode &node,
                                      const QJsonObject &rawInputs)
{
    return prepareCardInputs(spec, node, [&rawInputs](const QString &name) { return rawInputs.value(name); });
}

Result<QJsonObject> prepareCardInputs(const CardSpec &spec, const CardNode &node, const RawInput &rawInput)
{
    QJsonObject prepared;
    for (const PortSpec &port : spec.inputs) {
        QJsonValue value = rawInput(port.name);
        if (value.isUndefined() || value.isNull())
            value = port.defaultValue;
        if (port.required && (value.isNull() || value.isUndefined()))
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("%1: a value is required").arg(port.name));
        auto converted = convertValue(value, port.type);
        if (!converted)
            return makeError(converted.error().type,
                             QStringLiteral("%1: %2").arg(port.name, converted.error().message));
        prepared.insert(port.name, *converted);
    }
    if (spec.dynamicInputs) {
        for (const InputBinding &input : node.inputs) {
            if (spec.findInput(input.name))
                continue;
            auto converted = convertValue(rawInput(input.name), input.type.value_or(ValueType::any()));
            if (!converted)
                return makeError(converted.error().type,
                                 QStringLiteral("%1: %2").arg(input.name, converted.error().message));
            prepared.insert(input.name, *converted);
        }
    }
    return prepared;
}

Result<QJsonObject> invokeFunctionCard(const CardSpec &spec, const CardNode &node,
                                       const QJsonObject &rawInputs, ExecutionEnv &env)
{
    auto inputs = prepareCardInputs(spec, node, rawInputs);
    if (!inputs)
        return inputs.error();
    if (!spec.run)
        return makeError(ErrorType::Internal,
                         QStringLiteral("card %1 cannot run on its own").arg(spec.functionId));
    return spec.run(CardCall{node, std::move(inputs).value(), env});
}

} // namespace wf
