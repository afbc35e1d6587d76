#pragma once

// What a card is: its function id, the category and name the catalogue shows, its typed inputs and
// outputs, and the function that runs it. Every card family registers its specs in one file under
// core/engine/cards/.

#include "Result.h"
#include "engine/ValueType.h"
#include "flow/Flow.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace wf {

struct PortSpec {
    QString name;
    ValueType type;
    bool required = false;
    QString description;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Null);
};

// Function cards compute outputs from inputs. Control cards (Return, Pause, Continue If, ...) end or
// shape the flow; Block cards (If/Else, If/ElseIf, If Error) hold nested cards. The executor runs
// Control and Block cards itself; their specs are here so the catalogue lists them and the loader
// validates their inputs.
enum class CardKind { Function, Control, Block };

class ExecutionEnv;

// One call of a Function card: the inputs already resolved and converted to their declared types
// (absent optional inputs are null), the node (for options and declared outputs) and the
// environment (clock, helper flows, cancellation).
struct CardCall {
    const CardNode &node;
    QJsonObject inputs;
    ExecutionEnv &env;

    QJsonValue input(const QString &name) const { return inputs.value(name); }
};

using CardFunction = std::function<Result<QJsonObject>(const CardCall &)>;

struct CardSpec {
    QString functionId; // "text.concatenate"
    QString category;   // "Text"
    QString name;       // "Concatenate"
    QString description;
    CardKind kind = CardKind::Function;
    QList<PortSpec> inputs;
    QList<PortSpec> outputs;
    // The flow may declare further inputs (Return fields, Concatenate parts, Call Flow arguments).
    bool dynamicInputs = false;
    // The flow declares the outputs (Assign, Pause, Call Flow, Get Multiple, blocks).
    bool dynamicOutputs = false;
    CardFunction run;

    const PortSpec *findInput(const QString &portName) const;
    const PortSpec *findOutput(const QString &portName) const;
};

// A port; the default value is null unless given.
inline PortSpec port(const QString &name, ValueType type, bool required, const QString &description,
                     const QJsonValue &defaultValue = QJsonValue(QJsonValue::Null))
{
    return PortSpec{name, type, required, description, defaultValue};
}

// The Function cards of one family: ids "<prefix>.<id>", all in one category.
struct CardFamily {
    QString prefix;   // "text"
    QString category; // "Text"

    CardSpec card(const QString &id, const QString &name, const QString &description, QList<PortSpec> inputs,
                  QList<PortSpec> outputs, CardFunction run) const
    {
        CardSpec spec;
        spec.functionId = prefix + QLatin1Char('.') + id;
        spec.category = category;
        spec.name = name;
        spec.description = description;
        spec.inputs = std::move(inputs);
        spec.outputs = std::move(outputs);
        spec.run = std::move(run);
        return spec;
    }
};

// Services a card may use while it runs. Implemented by the executor; tests use their own.
class ExecutionEnv {
public:
    virtual ~ExecutionEnv() = default;
    // The current time (fixed in tests).
    virtual QDateTime now() const = 0;
    // Runs the helper flow `flowId` with `inputs` and returns the fields of its Return card
    // (an empty object when it has none).
    virtual Result<QJsonObject> callFlow(const QString &flowId, const QJsonObject &inputs) = 0;
    // Starts the helper flow without waiting for it.
    virtual Result<bool> callFlowAsync(const QString &flowId, const QJsonObject &inputs) = 0;
    // True once the execution was canceled or ran out of time; long-running cards check it.
    virtual bool stopRequested() const = 0;
};

// Limits that keep one card from exhausting memory.
inline constexpr qsizetype kMaxTextLength = 16 * 1024 * 1024;
inline constexpr qsizetype kMaxListLength = 1000000;

} // namespace wf
