#pragma once

// Data-driven rows for card tests whose inputs are one JSON object: a row gives the inputs and either
// the exact outputs or the error type and a part of its message.

#include "CardTestSupport.h"

#include <QTest>

namespace wf::test {

inline constexpr int kOk = -1;

inline QJsonObject obj(const char *literal)
{
    return json(literal).toObject();
}

// Checks either the exact outputs (error == kOk) or the error type and that the message contains
// `message`.
inline void check(const Result<QJsonObject> &r, const QJsonObject &expected, int error,
                  const QString &message)
{
    if (error == kOk) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(QJsonValue(*r), QJsonValue(expected));
        return;
    }
    QVERIFY2(!r.ok(), r.ok() ? qPrintable(valueToText(*r)) : "");
    QCOMPARE(static_cast<int>(r.error().type), error);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
}

inline void addColumns()
{
    QTest::addColumn<QJsonObject>("inputs");
    QTest::addColumn<QJsonObject>("expected");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("message");
}

inline void ok(const char *row, const char *inputs, const char *expected)
{
    QTest::addRow("%s", row) << obj(inputs) << obj(expected) << kOk << QString();
}

inline void fails(const char *row, const char *inputs, ErrorType type, const char *message)
{
    QTest::addRow("%s", row) << obj(inputs) << QJsonObject() << static_cast<int>(type)
                             << QString::fromUtf8(message);
}

} // namespace wf::test
