// Engine throughput: cards executed per second on a 20-card flow, and a For Each over 10,000 items,
// each beside a reference loop that does the same work directly on QJsonObject, so the printed
// ratio shows the engine's own overhead independently of how busy the machine is.

#include "endpoint/ResponseShaper.h"
#include "engine/Executor.h"
#include "flow/FlowLibrary.h"
#include "flow/FlowValidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

using namespace wf;

namespace {

QJsonObject input(const QString &name, const QJsonValue &value, bool isRef = false, const QString &type = {})
{
    QJsonObject o{{QStringLiteral("name"), name}};
    o.insert(isRef ? QStringLiteral("ref") : QStringLiteral("value"), value);
    if (!type.isEmpty())
        o.insert(QStringLiteral("type"), type);
    return o;
}

QJsonObject card(const QString &id, const QString &function, const QJsonArray &inputs,
                 const QJsonObject &options = {})
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("function"), function},
                  {QStringLiteral("inputs"), inputs}};
    if (!options.isEmpty())
        o.insert(QStringLiteral("options"), options);
    return o;
}

// 20 cards: text and number work chained through references, ending in Return.
Flow twentyCardFlow()
{
    QJsonArray cards;
    cards.append(card(QStringLiteral("c0"), QStringLiteral("text.trim"),
                      {input(QStringLiteral("text"), QStringLiteral("event.body.name"), true)}));
    cards.append(card(QStringLiteral("n0"), QStringLiteral("number.add"),
                      {input(QStringLiteral("a"), QStringLiteral("event.body.amount"), true),
                       input(QStringLiteral("b"), 1)}));
    for (int i = 1; i < 10; ++i) {
        const QString prevText = QStringLiteral("c%1.output").arg(i - 1);
        const QString prevNumber = QStringLiteral("n%1.result").arg(i - 1);
        cards.append(card(QStringLiteral("c%1").arg(i),
                          i % 2 ? QStringLiteral("text.toUpperCase") : QStringLiteral("text.toLowerCase"),
                          {input(QStringLiteral("text"), prevText, true)}));
        if (i < 9)
            cards.append(
                card(QStringLiteral("n%1").arg(i), QStringLiteral("number.multiply"),
                     {input(QStringLiteral("a"), prevNumber, true), input(QStringLiteral("b"), 1.5)}));
    }
    cards.append(
        card(QStringLiteral("return"), QStringLiteral("flow.return"),
             {input(QStringLiteral("name"), QStringLiteral("c9.output"), true, QStringLiteral("text")),
              input(QStringLiteral("amount"), QStringLiteral("n8.result"), true, QStringLiteral("number"))}));
    const QJsonObject flow{
        {QStringLiteral("format"), 1},
        {QStringLiteral("id"), QStringLiteral("bench")},
        {QStringLiteral("name"), QStringLiteral("bench")},
        {QStringLiteral("event"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("apiEndpoint")},
                     {QStringLiteral("body"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("name")},
                                             {QStringLiteral("type"), QStringLiteral("text")}},
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("amount")},
                                             {QStringLiteral("type"), QStringLiteral("number")}}}}}},
        {QStringLiteral("cards"), cards}};
    auto parsed = loadFlow(QJsonDocument(flow).toJson(), CardCatalogue::builtIn(), nullptr);
    if (!parsed.ok()) {
        for (const auto &p : parsed.problems)
            std::fprintf(stderr, "%s\n", qPrintable(p.toString()));
        std::exit(1);
    }
    return *parsed.flow;
}

// The same 20 steps done by hand, as the reference.
QJsonObject referenceTwenty(const QJsonObject &body)
{
    QString text = body.value(QLatin1String("name")).toString().trimmed();
    double number = body.value(QLatin1String("amount")).toDouble() + 1;
    for (int i = 1; i < 10; ++i) {
        text = i % 2 ? text.toUpper() : text.toLower();
        if (i < 9)
            number *= 1.5;
    }
    return QJsonObject{{QStringLiteral("name"), text}, {QStringLiteral("amount"), number}};
}

template <typename F>
double perSecond(F &&work, double seconds, qint64 *iterations)
{
    QElapsedTimer timer;
    timer.start();
    qint64 count = 0;
    while (timer.nsecsElapsed() < static_cast<qint64>(seconds * 1e9)) {
        work();
        ++count;
    }
    *iterations = count;
    return count / (timer.nsecsElapsed() / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toDouble() : 3.0;
    const Executor executor;

    // 1. 20-card flow.
    const Flow flow = twentyCardFlow();
    EventData event;
    event.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    event.body = QByteArrayLiteral(R"({"name":"  Ada Lovelace  ","amount":41})");
    RunOptions options;
    options.recordTrace = true;
    qint64 runs = 0;
    const double flowsPerSecond = perSecond(
        [&] {
            const RunResult result = executor.run(flow, event, options);
            if (result.status != ExecutionStatus::Success)
                std::abort();
        },
        seconds, &runs);
    qint64 refRuns = 0;
    const double referencePerSecond = perSecond(
        [&] {
            const QJsonObject body = QJsonDocument::fromJson(event.body).object();
            const QByteArray out = QJsonDocument(referenceTwenty(body)).toJson(QJsonDocument::Compact);
            if (out.isEmpty())
                std::abort();
        },
        seconds, &refRuns);
    const int cardsPerFlow = 20;

    // 2. For Each over 10,000 items with a 2-card helper flow.
    FlowLibrary library;
    const QByteArray helperJson =
        R"({"format":1,"id":"h","name":"h","event":{"type":"helperFlow","inputs":[{"name":"item","type":"number"}]},
        "cards":[{"id":"m","function":"number.multiply","inputs":[{"name":"a","ref":"event.item"},{"name":"b","value":2}]},
                 {"id":"r","function":"flow.return","inputs":[{"name":"v","type":"number","ref":"m.result"}]}]})";
    library.add(*flowjson::parse(helperJson).flow);
    const QByteArray loopJson =
        R"({"format":1,"id":"loop","name":"loop","event":{"type":"apiEndpoint","body":[{"name":"items","type":"list<number>"}]},
        "cards":[{"id":"each","function":"list.forEach","options":{"flow":"h"},"inputs":[{"name":"list","ref":"event.body.items"}]}]})";
    auto loop = loadFlow(loopJson, CardCatalogue::builtIn(), &library);
    if (!loop.ok()) {
        std::fprintf(stderr, "For Each flow: %s\n", qPrintable(loop.problems.value(0).toString()));
        return 1;
    }
    QJsonArray items;
    for (int i = 0; i < 10000; ++i)
        items.append(i);
    EventData loopEvent;
    loopEvent.headers = event.headers;
    loopEvent.body =
        QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson(QJsonDocument::Compact);
    RunOptions loopOptions;
    loopOptions.library = &library;
    QElapsedTimer timer;
    timer.start();
    int loops = 0;
    while (loops < 3 || timer.elapsed() < seconds * 1000) {
        const RunResult result = executor.run(*loop.flow, loopEvent, loopOptions);
        if (result.status != ExecutionStatus::Success) {
            std::fprintf(stderr, "For Each failed: %s\n", qPrintable(result.outcome.message));
            return 1;
        }
        ++loops;
    }
    const double msPerForEach = timer.nsecsElapsed() / 1e6 / loops;

    QTextStream out(stdout);
    out << "engine benchmark (" << seconds << " s per figure)\n";
    out << "  20-card flow:        " << qRound64(flowsPerSecond)
        << " executions/s = " << qRound64(flowsPerSecond * cardsPerFlow) << " cards/s (trace on)\n";
    out << "  reference (by hand): " << qRound64(referencePerSecond)
        << " runs/s; engine/reference = " << QString::number(flowsPerSecond / referencePerSecond, 'f', 3)
        << '\n';
    out << "  For Each 10,000 items (2-card helper): " << QString::number(msPerForEach, 'f', 1)
        << " ms per run = " << qRound64(10000 / (msPerForEach / 1000)) << " items/s, "
        << qRound64(2 * 10000 / (msPerForEach / 1000)) << " helper cards/s\n";
    return 0;
}
