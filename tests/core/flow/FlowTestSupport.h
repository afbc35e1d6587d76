#pragma once

// Fixtures shared by the flow format and validator tests: flows built from JSON snippets, the bundled
// samples, and problem matching.

#include "engine/CardCatalogue.h"
#include "flow/FlowJson.h"
#include "flow/FlowLibrary.h"
#include "flow/FlowValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace wf::flowtest {

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline QString samplesDir()
{
    return QStringLiteral(WF_SOURCE_DIR "/resources/samples/flows");
}

inline QString fixturePath(const char *name)
{
    return QStringLiteral(WF_TEST_DATA_DIR "/flows/") + s(name);
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QString describe(const QList<FlowProblem> &problems)
{
    QStringList lines;
    for (const FlowProblem &problem : problems)
        lines.append(QStringLiteral("[%1|%2] %3").arg(problem.cardId, problem.field, problem.message));
    return lines.isEmpty() ? QStringLiteral("(no problems)") : lines.join(QLatin1Char('\n'));
}

inline bool hasProblem(const QList<FlowProblem> &problems, const QString &cardId, const QString &field,
                       const QString &message)
{
    for (const FlowProblem &problem : problems) {
        if (problem.cardId == cardId && problem.field == field && problem.message.contains(message))
            return true;
    }
    return false;
}

// A flow around `cards` whose event declares body name/count/items/profile, query q and header x-h.
inline QByteArray endpointFlow(const char *cards, const char *extra = "")
{
    QByteArray json = QByteArrayLiteral(
        R"({"format": 1, "id": "t", "name": "T", "event": {"type": "apiEndpoint",
            "body": [{"name": "name", "type": "text"}, {"name": "count", "type": "number"},
                     {"name": "items", "type": "list<object>"}, {"name": "profile", "type": "object"}],
            "query": [{"name": "q", "type": "text"}], "headers": [{"name": "X-H", "type": "text"}]})");
    json += extra;
    json += R"(, "cards": )";
    json += cards;
    json += '}';
    return json;
}

inline QByteArray helperFlow(const char *cards,
                             const char *inputs = R"([{"name": "item", "type": "object"}])")
{
    QByteArray json = QByteArrayLiteral(
        R"({"format": 1, "id": "h", "name": "H", "event": {"type": "helperFlow", "inputs": )");
    json += inputs;
    json += R"(}, "cards": )";
    json += cards;
    json += '}';
    return json;
}

// Nests `levels` If Error cards inside each other.
inline QJsonArray nestedCards(int levels)
{
    QJsonArray cards;
    for (int level = levels; level >= 1; --level) {
        const QJsonObject card{{QStringLiteral("id"), QStringLiteral("level%1").arg(level)},
                               {QStringLiteral("function"), QStringLiteral("error.ifError")},
                               {QStringLiteral("blocks"),
                                QJsonArray{QJsonObject{{QStringLiteral("label"), QStringLiteral("try")},
                                                       {QStringLiteral("cards"), cards}},
                                           QJsonObject{{QStringLiteral("label"), QStringLiteral("if error")},
                                                       {QStringLiteral("cards"), QJsonArray()}}}}};
        cards = QJsonArray{card};
    }
    return cards;
}

inline QByteArray flowWithCards(const QJsonArray &cards)
{
    const QJsonObject flow{{QStringLiteral("format"), 1},
                           {QStringLiteral("id"), QStringLiteral("t")},
                           {QStringLiteral("name"), QStringLiteral("T")},
                           {QStringLiteral("cards"), cards}};
    return QJsonDocument(flow).toJson(QJsonDocument::Compact);
}

inline FlowLibrary testLibrary()
{
    FlowLibrary library;
    FlowParseResult helper = flowjson::parse(helperFlow("[]"));
    helper.flow->id = QStringLiteral("helper");
    library.add(*helper.flow);
    FlowParseResult endpoint = flowjson::parse(endpointFlow("[]"));
    endpoint.flow->id = QStringLiteral("endpoint");
    library.add(*endpoint.flow);
    return library;
}

} // namespace wf::flowtest
