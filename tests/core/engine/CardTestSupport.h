#pragma once

// Helpers for the card family tests: run one card from the built-in catalogue on given inputs,
// exactly as the executor would (defaults, required checks, typed conversions).

#include "engine/CardCatalogue.h"
#include "engine/CardInvoker.h"
#include "flow/Flow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <functional>
#include <utility>

namespace wf::test {

// A fixed clock (2024-05-01T12:00:00.000Z) and scripted helper flows.
class TestEnv final : public ExecutionEnv {
public:
    QDateTime fixedNow = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    std::function<Result<QJsonObject>(const QString &, const QJsonObject &)> helper;
    QList<std::pair<QString, QJsonObject>> asyncCalls;
    bool stop = false;

    QDateTime now() const override { return fixedNow; }
    Result<QJsonObject> callFlow(const QString &flowId, const QJsonObject &inputs) override
    {
        if (!helper)
            return makeError(ErrorType::NotFound, QStringLiteral("no helper flow %1").arg(flowId));
        return helper(flowId, inputs);
    }
    Result<bool> callFlowAsync(const QString &flowId, const QJsonObject &inputs) override
    {
        asyncCalls.append({flowId, inputs});
        return true;
    }
    bool stopRequested() const override { return stop; }
};

// Parses a JSON literal used in data-driven rows: "[1,2]", "{\"a\":1}", "\"text\"", "3", "null".
inline QJsonValue json(const char *literal)
{
    const QByteArray wrapped = QByteArrayLiteral("[") + QByteArray(literal) + QByteArrayLiteral("]");
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

using NamedValues = QList<std::pair<QString, QJsonValue>>;

// Inputs in the order written (a JSON object would sort them): {{"a", "1"}, {"b", "\"x\""}}.
inline NamedValues inputs(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    NamedValues values;
    for (const auto &[name, literal] : pairs)
        values.append({QString::fromUtf8(name), json(literal)});
    return values;
}

struct CardSetup {
    QJsonObject options;
    QList<FieldDecl> outputs;
    // Types for dynamic inputs, by name (Any when absent).
    QList<std::pair<QString, ValueType>> inputTypes;
};

// Runs `functionId` with inputs in the given order (order matters for Concatenate and friends).
inline Result<QJsonObject> runCard(const QString &functionId, const NamedValues &inputs,
                                   const CardSetup &setup = {}, TestEnv *env = nullptr)
{
    const CardSpec *spec = CardCatalogue::builtIn().find(functionId);
    if (!spec)
        return makeError(ErrorType::NotFound, QStringLiteral("no card %1").arg(functionId));
    CardNode node;
    node.id = QStringLiteral("card");
    node.function = functionId;
    node.options = setup.options;
    node.outputs = setup.outputs;
    QJsonObject raw;
    for (const auto &[name, value] : inputs) {
        InputBinding input;
        input.name = name;
        for (const auto &[typedName, type] : setup.inputTypes) {
            if (typedName == name)
                input.type = type;
        }
        input.binding = Binding::fromConstant(value);
        node.inputs.append(input);
        raw.insert(name, value);
    }
    TestEnv localEnv;
    return invokeFunctionCard(*spec, node, raw, env ? *env : localEnv);
}

inline Result<QJsonObject> runCard(const QString &functionId, const QJsonObject &inputs,
                                   const CardSetup &setup = {}, TestEnv *env = nullptr)
{
    NamedValues ordered;
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        ordered.append({it.key(), it.value()});
    return runCard(functionId, ordered, setup, env);
}

} // namespace wf::test
