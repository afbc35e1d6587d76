// The flow editor's "Test flow" and drag-and-drop binding, driven through the real widgets: the hello
// sample run with Ctrl+R and with the Run button (200, its answer and its trace, the cards marked),
// a failing card marked in the trace and on the canvas, a trace row selecting its card, the edits
// not yet saved being what runs, a helper flow run with its inputs; and outputs dropped on inputs
// (synthetic drag events carrying the output reference), refused where the validator would refuse.

#include "UiTestSupport.h"
#include "editor/CardFrame.h"
#include "editor/FlowCanvas.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditorPage.h"
#include "editor/FlowEdits.h"
#include "editor/InputRow.h"
#include "editor/OutputChip.h"
#include "editor/RunTraceModel.h"
#include "editor/TestFlowPanel.h"
#include "widgets/JsonView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void settle()
{
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void typeInto(QPlainTextEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// True once `spy` has more than `before` signals. A run that ends at once may report before a
// QSignalSpy::wait() would start, so count instead.
bool finishedAgain(const QSignalSpy &spy, qsizetype before)
{
    return QTest::qWaitFor([&] { return spy.size() > before; }, 10000);
}

// Sends what a drag of `reference` onto `row` sends: enter, move, drop. True when the drop was taken.
bool dropOutput(InputRow *row, const QString &reference)
{
    QMimeData mime;
    mime.setData(kOutputRefMime, reference.toUtf8());
    const QPoint at = row->rect().center();
    QDragEnterEvent enter(at, Qt::LinkAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(row, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(at, Qt::LinkAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(row, &move);
    QDropEvent drop(QPointF(at), Qt::LinkAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(row, &drop);
    return drop.isAccepted();
}

// Sends what a drag of card `cardId` onto `target` sends, at `at` (target coordinates).
bool dropCard(QWidget *target, const QString &cardId, QPoint at)
{
    QMimeData mime;
    mime.setData(kCardMime, cardId.toUtf8());
    QDragEnterEvent enter(at, Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

class TestFlowEditorTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runsTheHelloSampleWithCtrlR();
    void runsWithTheRunButtonAndSelectsTraceCards();
    void marksTheFailingCard();
    void runsTheEditsNotYetSaved();
    void runsAHelperFlowWithItsInputs();
    void dropsAnOutputOnAnInput();
    void refusesOutputsThatDoNotRunBefore();
    void dropsIntoBlocksWithTheirScope();
    void outputsCarryTheirReference();
    void dragsCardsToReorderThem();
    void dragsCardsIntoBlocksButNotIntoThemselves();

private:
    FlowEditorPage *openPage(const QString &flowId);
    TestFlowPanel *panel() const { return m_page->testPanel(); }
    QString status() const { return panel()->findChild<QLabel *>(s("testStatus"))->text(); }
    QString answer() const { return panel()->findChild<JsonView *>(s("testResponseBody"))->toPlainText(); }

    std::unique_ptr<SessionFixture> m_fixture;
    std::unique_ptr<FlowEditorPage> m_page;
};

void TestFlowEditorTest::init()
{
    m_fixture = std::make_unique<SessionFixture>();
    QVERIFY(m_fixture->create());
}

void TestFlowEditorTest::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

FlowEditorPage *TestFlowEditorTest::openPage(const QString &flowId)
{
    m_page = std::make_unique<FlowEditorPage>(*m_fixture->session);
    m_page->resize(1280, 800);
    m_page->show();
    m_page->activateWindow();
    if (!QTest::qWaitForWindowActive(m_page.get()))
        qWarning("the editor window did not become active");
    m_page->openFlow(flowId);
    settle();
    return m_page.get();
}

void TestFlowEditorTest::runsTheHelloSampleWithCtrlR()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    QAbstractItemModelTester tester(panel()->traceModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The request is prefilled from the declared fields.
    auto *body = panel()->findChild<QPlainTextEdit *>(s("testBody"));
    QVERIFY(body->toPlainText().contains(s("\"name\"")));
    QCOMPARE(panel()->findChild<QLineEdit *>(s("testQuery"))->text(), s("lang="));
    typeInto(body, s("{\"name\": \"Ada\"}"));
    typeInto(panel()->findChild<QLineEdit *>(s("testQuery")), s("lang=fr"));

    QSignalSpy finished(panel(), &TestFlowPanel::finished);
    qsizetype before = finished.size();
    QTest::keyClick(page->canvas(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(finishedAgain(finished, before));
    QCOMPARE(panel()->lastStatus(), 200);
    QVERIFY2(status().startsWith(s("200 OK")), qPrintable(status()));
    QVERIFY2(answer().contains(s("Bonjour, Ada!")), qPrintable(answer()));
    QVERIFY(answer().contains(s("\"nameLength\": 3")));
    QVERIFY(panel()->findChild<QLabel *>(s("testResponseHeaders"))->text().contains(s("X-Execution-Id")));
    // The trace: one row per card, in running order, each card marked on the canvas.
    RunTraceModel *trace = panel()->traceModel();
    QCOMPARE(trace->rowCount(), 5);
    QStringList ran;
    for (int row = 0; row < trace->rowCount(); ++row)
        ran.append(trace->index(row, RunTraceModel::IdColumn).data().toString());
    QCOMPARE(ran, (QStringList{s("name"), s("salutation"), s("greeting"), s("length"), s("return")}));
    auto *mark = page->canvas()->cardFrame(s("greeting"))->findChild<QLabel *>(s("runMark"));
    QVERIFY(mark->isVisible());
    QVERIFY(mark->text().contains(s("ran")));
    // The details of the selected row show its inputs and outputs.
    QVERIFY(panel()->findChild<JsonView *>(s("testTraceDetails"))->toPlainText().contains(s("\"inputs\"")));
    // A test run is not an invocation: history records none.
    const auto recorded = m_fixture->session->history().count();
    QVERIFY(recorded);
    QCOMPARE(*recorded, 0);
}

void TestFlowEditorTest::runsWithTheRunButtonAndSelectsTraceCards()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    page->findChild<QTabWidget *>(s("editorBottomTabs"))->setCurrentWidget(panel());
    settle();
    QSignalSpy finished(panel(), &TestFlowPanel::finished);
    auto *run = panel()->findChild<QPushButton *>(s("testRunButton"));
    const qsizetype before = finished.size();
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finishedAgain(finished, before));
    QVERIFY(answer().contains(s("Hello, stranger!")));
    auto *view = panel()->findChild<QTreeView *>(s("testTrace"));
    settle();
    const QRect row = view->visualRect(view->model()->index(3, RunTraceModel::CardColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(page->selectedCard(), s("length"));
    QVERIFY(page->canvas()->cardFrame(s("length"))->isSelected());
    QVERIFY(
        panel()->findChild<JsonView *>(s("testTraceDetails"))->toPlainText().contains(s("\"length\": 8")));
    // An edit makes the marks of the last run go: they were about another version of the flow.
    QVERIFY(page->insertCard(s("text.trim"), {}));
    QVERIFY(!page->canvas()->cardFrame(s("greeting"))->findChild<QLabel *>(s("runMark"))->isVisible());
}

void TestFlowEditorTest::marksTheFailingCard()
{
    FlowEditorPage *page = openPage(s("echo-raw"));
    typeInto(panel()->findChild<QPlainTextEdit *>(s("testHeaders")), s("Content-Type: text/plain"));
    typeInto(panel()->findChild<QPlainTextEdit *>(s("testBody")), s("{not json"));
    QSignalSpy finished(panel(), &TestFlowPanel::finished);
    qsizetype before = finished.size();
    page->runTest();
    QVERIFY(finishedAgain(finished, before));
    QCOMPARE(panel()->lastStatus(), 422); // If Error caught the Parse card's failure
    RunTraceModel *trace = panel()->traceModel();
    int failed = -1;
    for (int row = 0; row < trace->rowCount(); ++row) {
        if (trace->index(row, 0).data(RunTraceModel::kFailedRole).toBool())
            failed = row;
    }
    QVERIFY(failed >= 0);
    QCOMPARE(trace->index(failed, RunTraceModel::IdColumn).data().toString(), s("parsed"));
    QVERIFY(trace->index(failed, RunTraceModel::ResultColumn).data().toString().contains(s("Invalid")));
    // The failing row is the one shown first, and the card says so on the canvas.
    QCOMPARE(panel()->findChild<QTreeView *>(s("testTrace"))->currentIndex().row(), failed);
    QVERIFY(page->canvas()
                ->cardFrame(s("parsed"))
                ->findChild<QLabel *>(s("runMark"))
                ->text()
                .contains(s("failed")));
    QVERIFY(page->canvas()
                ->cardFrame(s("bad-body"))
                ->findChild<QLabel *>(s("runMark"))
                ->text()
                .contains(s("ran")));

    // A body that is not JSON with a JSON content type is the 400 the endpoint gives.
    typeInto(panel()->findChild<QPlainTextEdit *>(s("testHeaders")), s("Content-Type: application/json"));
    before = finished.size();
    page->runTest();
    QVERIFY(finishedAgain(finished, before));
    QCOMPARE(panel()->lastStatus(), 400);
    QVERIFY(status().startsWith(s("400")));
}

void TestFlowEditorTest::runsTheEditsNotYetSaved()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    QVERIFY(page->document()->change(s("template"), [](Flow &flow) {
        return flowedit::setBinding(flow, {s("greeting"), -1, s("template")},
                                    Binding::fromConstant(s("Yo {{name}}")));
    }));
    QVERIFY(page->hasUnsavedChanges());
    QSignalSpy finished(panel(), &TestFlowPanel::finished);
    qsizetype before = finished.size();
    page->runTest();
    QVERIFY(finishedAgain(finished, before));
    QVERIFY2(answer().contains(s("Yo stranger")), qPrintable(answer()));
    // A run does not wait for, nor stop, the save.
    QTRY_VERIFY(!page->hasUnsavedChanges());
}

void TestFlowEditorTest::runsAHelperFlowWithItsInputs()
{
    FlowEditorPage *page = openPage(s("line-total"));
    QVERIFY(!panel()->findChild<QLineEdit *>(s("testQuery"))->isVisible()); // no HTTP request for a helper
    auto *body = panel()->findChild<QPlainTextEdit *>(s("testBody"));
    QVERIFY(body->toPlainText().contains(s("\"item\"")));
    typeInto(body, s("{\"item\": {\"price\": 2.5, \"qty\": 4}}"));
    QSignalSpy finished(panel(), &TestFlowPanel::finished);
    qsizetype before = finished.size();
    page->runTest();
    QVERIFY(finishedAgain(finished, before));
    QCOMPARE(panel()->lastStatus(), 200);
    QVERIFY2(answer().contains(s("\"total\": 10")), qPrintable(answer()));
    typeInto(body, s("[1, 2]"));
    before = finished.size();
    page->runTest();
    QVERIFY(finishedAgain(finished, before));
    QVERIFY(status().contains(s("JSON object")));
}

void TestFlowEditorTest::dropsAnOutputOnAnInput()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    InputRow *text = page->canvas()->inputRow({s("length"), -1, s("text")});
    QVERIFY(text);
    QVERIFY(dropOutput(text, s("event.query.lang")));
    QCOMPARE(flowedit::findInput(page->document()->flow(), {s("length"), -1, s("text")})->binding.reference,
             s("event.query.lang"));
    QCOMPARE(page->undoStack()->count(), 1);
    QCOMPARE(page->canvas()->inputRow({s("length"), -1, s("text")})->valueText(),
             s("API Endpoint › query.lang"));
    // An input the card does not have yet (unset) takes a drop too; so does a declared one.
    QVERIFY(dropOutput(page->canvas()->inputRow({s("name"), -1, s("b")}), s("event.body.name")));
    QCOMPARE(flowedit::findInput(page->document()->flow(), {s("name"), -1, s("b")})->binding.reference,
             s("event.body.name"));
    QVERIFY(dropOutput(page->canvas()->inputRow({s("return"), -1, s("greeting")}), s("salutation.output")));
    page->undoStack()->undo();
    QCOMPARE(
        flowedit::findInput(page->document()->flow(), {s("return"), -1, s("greeting")})->binding.reference,
        s("greeting.output"));
}

void TestFlowEditorTest::refusesOutputsThatDoNotRunBefore()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    InputRow *name = page->canvas()->inputRow({s("greeting"), -1, s("name")});
    QVERIFY(!dropOutput(name, s("length.length")));   // a later card
    QVERIFY(!dropOutput(name, s("greeting.output"))); // itself
    QVERIFY(!dropOutput(name, s("nodot")));
    // Other kinds of drops are not taken either.
    QMimeData text;
    text.setText(s("event.body.name"));
    QDragEnterEvent enter(QPoint(2, 2), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(name, &enter);
    QVERIFY(!enter.isAccepted());
    QCOMPARE(page->undoStack()->count(), 0);
    QVERIFY(page->problems().isEmpty());
}

void TestFlowEditorTest::dropsIntoBlocksWithTheirScope()
{
    FlowEditorPage *page = openPage(s("echo-raw"));
    // The error of If Error reaches the cards of its error block, not those of the first block.
    InputRow *badBody = page->canvas()->inputRow({s("bad-body"), -1, s("headers")});
    QVERIFY(badBody);
    QVERIFY(dropOutput(badBody, s("check.error")));
    QVERIFY(!dropOutput(page->canvas()->inputRow({s("parsed"), -1, s("text")}), s("check.error")));
    // A card inside a block sees the cards before it there, and those before the block.
    QVERIFY(dropOutput(page->canvas()->inputRow({s("try-return"), -1, s("pretty")}), s("parsed.output")));
    QVERIFY(
        !dropOutput(page->canvas()->inputRow({s("headers"), -1, s("X-Echoed-Request")}), s("parsed.output")));
    QVERIFY(page->problems().isEmpty());

    // If/ElseIf conditions take drops too.
    QVERIFY(page->insertCard(s("branching.ifElseIf"), {}));
    InputRow *a = page->canvas()->inputRow({s("ifElseIf1"), 0, s("a")});
    QVERIFY(a);
    QVERIFY(dropOutput(a, s("headers.output")));
    const CardNode *branch = flowedit::findCard(page->document()->flow(), s("ifElseIf1"));
    QCOMPARE(flowedit::findInput(page->document()->flow(), {s("ifElseIf1"), 0, s("a")})->binding.reference,
             s("headers.output"));
    QCOMPARE(branch->blocks.first().condition.size(), 2);
}

void TestFlowEditorTest::outputsCarryTheirReference()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    auto *chip =
        page->canvas()->cardFrame(s("greeting"))->findChild<OutputChip *>(s("output:greeting.output"));
    QVERIFY(chip);
    QCOMPARE(chip->reference(), s("greeting.output"));
    QVERIFY(!OutputChip::dragInProgress());
    auto *event = page->canvas()->cardFrame(s("event"))->findChild<OutputChip *>(s("output:event.raw.body"));
    QVERIFY(event);
    QCOMPARE(event->reference(), s("event.raw.body"));
}

void TestFlowEditorTest::dragsCardsToReorderThem()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    FlowCanvas *canvas = page->canvas();
    // The upper half of a card: before it; the lower half: after it.
    CardFrame *name = canvas->cardFrame(s("name"));
    QVERIFY(dropCard(name, s("length"), QPoint(20, 2)));
    QCOMPARE(canvas->cardOrder().mid(1, 2), (QStringList{s("length"), s("name")}));
    QCOMPARE(page->selectedCard(), s("length"));
    CardFrame *greeting = canvas->cardFrame(s("greeting"));
    QVERIFY(dropCard(greeting, s("length"), QPoint(20, greeting->height() - 2)));
    QCOMPARE(canvas->cardOrder().mid(4, 2), (QStringList{s("length"), s("return")}));
    // Onto the event card: first. Onto itself: nothing changes.
    QVERIFY(dropCard(canvas->cardFrame(s("event")), s("return"), QPoint(20, 20)));
    QCOMPARE(canvas->cardOrder().at(1), s("return"));
    const int steps = page->undoStack()->count();
    QVERIFY(dropCard(canvas->cardFrame(s("return")), s("return"), QPoint(20, 2)));
    QCOMPARE(page->undoStack()->count(), steps);
    QCOMPARE(steps, 3);
    // The event card itself does not move.
    QVERIFY(!dropCard(canvas->cardFrame(s("name")), s("event"), QPoint(20, 2)));
}

void TestFlowEditorTest::dragsCardsIntoBlocksButNotIntoThemselves()
{
    FlowEditorPage *page = openPage(s("customer-oauth"));
    FlowCanvas *canvas = page->canvas();
    QWidget *ifBlock = canvas->cardFrame(s("lookup"))->findChild<QWidget *>(s("block:lookup:0"));
    QVERIFY(ifBlock);
    QVERIFY(dropCard(ifBlock, s("directory"), QPoint(10, 5)));
    auto at = flowedit::locate(page->document()->flow(), s("directory"));
    QCOMPARE(at->parentCardId, s("lookup"));
    QCOMPARE(at->index, 2);
    // Before a card of the other block.
    QVERIFY(dropCard(canvas->cardFrame(s("not-found")), s("directory"), QPoint(20, 2)));
    at = flowedit::locate(page->document()->flow(), s("directory"));
    QCOMPARE(at->block, 1);
    QCOMPARE(at->index, 0);
    // A block card never goes into one of its own blocks: the drag ends on the card itself, unchanged.
    const int steps = page->undoStack()->count();
    const QByteArray before = FlowDocument::contentBytes(page->document()->flow());
    QWidget *elseBlock = canvas->cardFrame(s("lookup"))->findChild<QWidget *>(s("block:lookup:1"));
    dropCard(elseBlock, s("lookup"), QPoint(10, 5));
    dropCard(canvas->cardFrame(s("found")), s("lookup"), QPoint(20, 2));
    QCOMPARE(page->undoStack()->count(), steps);
    QCOMPARE(FlowDocument::contentBytes(page->document()->flow()), before);
    // What moved is undone in one step each.
    page->undoStack()->undo();
    page->undoStack()->undo();
    QCOMPARE(flowedit::locate(page->document()->flow(), s("directory"))->parentCardId, QString());
}

QTEST_MAIN(TestFlowEditorTest)
#include "tst_floweditortest.moc"
