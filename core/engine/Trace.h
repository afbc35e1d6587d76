#pragma once

// The per-card record of an execution: what each card received and produced, how long it took and
// how it failed.

#include "Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace wf {

struct TraceEntry {
    QString cardId;
    QString function;
    QString name;  // the card's label or its catalogue name
    int depth = 0; // 0 for top-level cards, 1 inside a block, ...
    QJsonObject inputs;
    QJsonObject outputs;
    qint64 durationUs = 0;
    std::optional<Error> error;

    QJsonObject toJson() const;
    // Appends QJsonDocument(toJson()).toJson(QJsonDocument::Compact), byte for byte, written
    // directly: no object is built and the inputs and outputs are not copied.
    void appendCompactJson(QByteArray &out) const;
    static TraceEntry fromJson(const QJsonObject &object);
};

using Trace = QList<TraceEntry>;

QJsonArray traceToJson(const Trace &trace);
Trace traceFromJson(const QJsonArray &array);

} // namespace wf
