#pragma once

// The statusCode / headers / body inputs shared by Return Raw, Pause Raw and Close, checked before
// anything is answered: status 200 or 400-599, header names tokens and values free of line breaks.

#include "Result.h"

#include <QJsonObject>
#include <QString>

namespace wf {

struct RawAnswer {
    int statusCode = 200;
    QJsonObject headers; // name → text
    QString body;
};

Result<RawAnswer> readRawAnswer(const QJsonObject &inputs);

} // namespace wf
