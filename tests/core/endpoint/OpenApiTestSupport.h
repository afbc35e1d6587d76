#pragma once

// Shared by the OpenAPI test classes (tst_openapi: whole documents, the bundled samples and the checker;
// tst_openapioperations: what each operation says about a hand-made flow): JSON from text, JSON Pointer
// edits, hand-made flows, and the structural check of every document a test makes.
//
// Set WF_OPENAPI_DUMP_DIR to a folder to have every document the tests check written there, for an
// external validator (ctest does not need one).

#include "OpenApiChecker.h"
#include "endpoint/OpenApi.h"
#include "flow/FlowJson.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

namespace wf::openapitest {

inline const QString kBase = QStringLiteral("http://127.0.0.1:8787");
inline const QString kAlias = QStringLiteral("0123456789abcdef0123456789abcdef");

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline QString samplesDir()
{
    return QStringLiteral(WF_SOURCE_DIR "/resources/samples/flows");
}

// Any JSON value from its text ("{}", "[1]", "\"x\"", "true").
inline QJsonValue jsonValue(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s", text.constData());
    return doc.array().at(0);
}

inline QJsonObject jsonObject(const QByteArray &text)
{
    return jsonValue(text).toObject();
}

inline QByteArray compact(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

// Sets (or, with an undefined value, removes) the member at `tokens` below `node`.
inline QJsonValue setAt(QJsonValue node, QStringList tokens, const QJsonValue &value)
{
    const QString token = tokens.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = token.toInt();
        array[index] = tokens.isEmpty() ? value : setAt(array.at(index), tokens, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (tokens.isEmpty()) {
        if (value.isUndefined())
            object.remove(token);
        else
            object.insert(token, value);
    } else {
        object.insert(token, setAt(object.value(token), tokens, value));
    }
    return object;
}

inline QJsonObject withAt(const QJsonObject &document, const QString &pointer, const QJsonValue &value)
{
    return setAt(document, pointerTokens(pointer), value).toObject();
}

inline QString invokePath(const QString &alias = kAlias)
{
    return QStringLiteral("/api/flo/") + alias + QStringLiteral("/invoke");
}

inline QString resumePath(const QString &alias = kAlias)
{
    return QStringLiteral("/api/flo/") + alias + QStringLiteral("/resume/{executionId}");
}

// "@invoke/get" → "/paths/~1api~1flo~1<alias>~1invoke/get"; "@resume/post" likewise.
inline QString expandPointer(const QString &pointer, const QString &alias)
{
    QString result = pointer;
    result.replace(QStringLiteral("@invoke"), QStringLiteral("/paths/") + escapeToken(invokePath(alias)));
    result.replace(QStringLiteral("@resume"), QStringLiteral("/paths/") + escapeToken(resumePath(alias)));
    return result;
}

// With WF_OPENAPI_DUMP_DIR set, writes the document to <dir>/<test function>-<data tag>.openapi.json.
inline void dumpForValidator(const QJsonObject &document)
{
    const QString dir = qEnvironmentVariable("WF_OPENAPI_DUMP_DIR");
    if (dir.isEmpty())
        return;
    QString name = s(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag())
        name += QLatin1Char('-') + s(tag);
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    name.replace(unsafe, QStringLiteral("_"));
    QFile out(dir + QLatin1Char('/') + name + QStringLiteral(".openapi.json"));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(out.fileName()));
    out.write(QJsonDocument(document).toJson());
}

// The structural check of a document a test made (written out for an external validator on request).
inline QStringList checkDocument(const QJsonObject &document)
{
    dumpForValidator(document);
    return checkOpenApi(document);
}

inline QByteArray describe(const QStringList &problems)
{
    return problems.isEmpty() ? QByteArray("(no problems)") : problems.join(QLatin1Char('\n')).toUtf8();
}

// ---- Flows ----

struct ParsedFlow {
    Flow flow;
    QString problems;
};

inline ParsedFlow parseFlow(const QJsonObject &object)
{
    const FlowParseResult parsed = flowjson::parse(object);
    ParsedFlow result;
    if (parsed.flow)
        result.flow = *parsed.flow;
    QStringList lines;
    for (const FlowProblem &problem : parsed.problems)
        lines.append(problem.toString());
    if (!parsed.flow)
        lines.append(QStringLiteral("no flow"));
    result.problems = lines.join(QLatin1Char('\n'));
    return result;
}

// A flow of the given security level, event card and cards (JSON texts).
inline ParsedFlow makeFlow(const QString &security, const QByteArray &event, const QByteArray &cards)
{
    return parseFlow(QJsonObject{
        {QStringLiteral("format"), 1},
        {QStringLiteral("id"), QStringLiteral("hand-made")},
        {QStringLiteral("name"), QStringLiteral("Hand-made flow")},
        {QStringLiteral("description"), QStringLiteral("Made by the test.")},
        {QStringLiteral("alias"), kAlias},
        {QStringLiteral("endpoint"), QJsonObject{{QStringLiteral("security"), security}}},
        {QStringLiteral("event"), jsonObject(event)},
        {QStringLiteral("cards"), jsonValue(cards).toArray()},
    });
}

inline const QByteArray kNoFields = R"({"type": "apiEndpoint", "body": [], "query": [], "headers": []})";

inline QJsonObject nullableSchema(QJsonObject schema)
{
    if (schema.contains(QLatin1String("type")))
        schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

inline QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace wf::openapitest
