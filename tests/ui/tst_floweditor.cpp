// FlowEditorPage driven through its real widgets on the sample workspace: the cards of a flow on the
// canvas (blocks nested), a card added from the catalogue by typing its name and pressing Enter
// (after the selection, or into a block), inputs bound from the list of earlier outputs and by a
// typed constant, event and declared fields edited, undo/redo, reorder and delete by keyboard,
// problems shown on the card, the field and in the list, what is saved to workspace.json (and what
// is not while the flow has problems), and changes made elsewhere taken in.

#include "UiTestSupport.h"
#include "editor/BindingEditor.h"
#include "editor/CardCatalogueDialog.h"
#include "editor/CardFrame.h"
#include "editor/CardInspector.h"
#include "editor/FieldListEditor.h"
#include "editor/FlowCanvas.h"
#include "editor/FlowEditorPage.h"
#include "editor/FlowEdits.h"
#include "editor/InputRow.h"
#include "editor/ProblemListModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Chooses the item of `combo` whose text contains `text` with the arrow keys, as a user would.
bool chooseItem(QComboBox *combo, const QString &text)
{
    int target = -1;
    for (int i = 0; i < combo->count() && target < 0; ++i) {
        if (combo->itemText(i).contains(text))
            target = i;
    }
    if (target < 0)
        return false;
    combo->setFocus();
    for (int step = 0; step < combo->count() && combo->currentIndex() != target; ++step)
        QTest::keyClick(combo, target > combo->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
    return combo->currentIndex() == target;
}

// Lays out what was rebuilt, so a click lands where the widget is shown (as it is before painting).
void settle()
{
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void clickCard(FlowCanvas *canvas, const QString &cardId)
{
    settle();
    CardFrame *frame = canvas->cardFrame(cardId);
    QVERIFY2(frame, qPrintable(cardId));
    canvas->ensureWidgetVisible(frame);
    settle();
    QTest::mouseClick(frame, Qt::LeftButton, {}, QPoint(frame->width() - 4, 4));
}

// The flow as workspace.json has it now, read the way the console reads it at start.
std::optional<Flow> savedFlow(const QString &dir, const QString &flowId)
{
    auto workspace = Workspace::open(dir);
    if (!workspace) {
        qWarning("%s", qPrintable(workspace.error().message));
        return std::nullopt;
    }
    const Flow *flow = workspace->flowById(flowId);
    return flow ? std::optional<Flow>(*flow) : std::nullopt;
}

} // namespace

class TestFlowEditor final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheFlowAsCards();
    void showsBlocksNested();
    void addsACardFromTheCatalogueByTyping();
    void addsACardIntoABlock();
    void bindsFromTheListAndByConstantAndSaves();
    void undoAndRedoRestore();
    void reordersAndDeletesByKeyboard();
    void showsProblemsOnTheCardAndDoesNotSaveThem();
    void problemListSelectsTheCard();
    void editsEventFieldsWithTheirReferences();
    void editsDeclaredFieldsOfAReturnCard();
    void renamesACardId();
    void takesInChangesMadeElsewhere();
    void switchingFlowsKeepsUnsaveableWork();
    void asksForEndpointSettings();

private:
    FlowEditorPage *openPage(const QString &flowId);
    QWidget *inspectorChild(const QString &name) const;

    std::unique_ptr<SessionFixture> m_fixture;
    std::unique_ptr<FlowEditorPage> m_page;
};

void TestFlowEditor::init()
{
    m_fixture = std::make_unique<SessionFixture>();
    QVERIFY(m_fixture->create());
}

void TestFlowEditor::cleanup()
{
    m_page.reset(); // before the session it edits
    m_fixture.reset();
}

FlowEditorPage *TestFlowEditor::openPage(const QString &flowId)
{
    m_page = std::make_unique<FlowEditorPage>(*m_fixture->session);
    m_page->resize(1280, 800);
    m_page->show();
    m_page->activateWindow();
    if (!QTest::qWaitForWindowActive(m_page.get()))
        qWarning("the editor window did not become active");
    m_page->openFlow(flowId);
    return m_page.get();
}

QWidget *TestFlowEditor::inspectorChild(const QString &name) const
{
    return m_page->inspector()->findChild<QWidget *>(name);
}

void TestFlowEditor::showsTheFlowAsCards()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    QCOMPARE(page->flowId(), s("hello-public"));
    QCOMPARE(page->findChild<QLabel *>(s("flowTitle"))->text(), s("Hello (public)"));
    FlowCanvas *canvas = page->canvas();
    QCOMPARE(canvas->cardOrder(),
             (QStringList{s("event"), s("name"), s("salutation"), s("greeting"), s("length"), s("return")}));
    QCOMPARE(canvas->cardFrame(s("greeting"))->title(), s("Compose"));
    QCOMPARE(canvas->cardFrame(s("name"))->title(), s("Name or stranger"));
    // Inputs with their bindings, outputs draggable, the event card's declared and fixed outputs.
    InputRow *name = canvas->inputRow({s("greeting"), -1, s("name")});
    QVERIFY(name);
    QCOMPARE(name->valueText(), s("Name or stranger › output"));
    QCOMPARE(canvas->inputRow({s("greeting"), -1, s("template")})->valueText(),
             s("\"{{salutation}}, {{name}}!\""));
    QVERIFY(canvas->cardFrame(s("greeting"))->findChild<QWidget *>(s("output:greeting.output")));
    QWidget *event = canvas->cardFrame(s("event"));
    for (const QString &output :
         {s("event.body.name"), s("event.query.lang"), s("event.raw.headers"), s("event.context.client_id")})
        QVERIFY2(event->findChild<QWidget *>(s("output:") + output), qPrintable(output));
    QVERIFY(page->problems().isEmpty());
    QVERIFY(!page->undoStack()->canUndo());
}

void TestFlowEditor::showsBlocksNested()
{
    FlowEditorPage *page = openPage(s("customer-oauth"));
    FlowCanvas *canvas = page->canvas();
    CardFrame *lookup = canvas->cardFrame(s("lookup"));
    QVERIFY(lookup);
    QVERIFY(lookup->isAncestorOf(canvas->cardFrame(s("found"))));
    QVERIFY(lookup->isAncestorOf(canvas->cardFrame(s("not-found"))));
    QVERIFY(!lookup->isAncestorOf(canvas->cardFrame(s("return"))));
    QVERIFY(lookup->findChild<QWidget *>(s("block:lookup:0"))->isAncestorOf(canvas->cardFrame(s("found"))));
    QVERIFY(
        lookup->findChild<QWidget *>(s("block:lookup:1"))->isAncestorOf(canvas->cardFrame(s("not-found"))));
    // If Error offers its error to its error block.
    page->openFlow(s("echo-raw"));
    QVERIFY(canvas->cardFrame(s("check"))
                ->findChild<QWidget *>(s("block:check:1"))
                ->findChild<QWidget *>(s("output:check.error")));
}

void TestFlowEditor::addsACardFromTheCatalogueByTyping()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    clickCard(page->canvas(), s("length"));
    QCOMPARE(page->selectedCard(), s("length"));
    QTest::keyClick(page->canvas(), Qt::Key_K, Qt::ControlModifier);
    CardCatalogueDialog *dialog = page->catalogueDialog();
    QTRY_VERIFY(dialog->isVisible());
    auto *filter = dialog->findChild<QLineEdit *>(s("catalogueFilter"));
    QTest::keyClicks(filter, s("upper"));
    QCOMPARE(dialog->chosenFunctionId(), s("text.toUpperCase"));
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(page->canvas()->cardOrder().mid(4, 2), (QStringList{s("length"), s("toUpperCase1")}));
    QCOMPARE(page->selectedCard(), s("toUpperCase1"));
    QCOMPARE(static_cast<QLabel *>(inspectorChild(s("inspectorTitle")))->text(), s("To Upper Case"));
    QCOMPARE(page->undoStack()->count(), 1);

    // Up/Down move through the matches; Escape adds nothing.
    page->addCard();
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(filter, s("length"));
    QCOMPARE(dialog->chosenFunctionId(), s("text.length"));
    QTest::keyClick(filter, Qt::Key_Down);
    QCOMPARE(dialog->chosenFunctionId(), s("list.length"));
    QTest::keyClick(filter, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(page->undoStack()->count(), 1);
}

void TestFlowEditor::addsACardIntoABlock()
{
    FlowEditorPage *page = openPage(s("customer-oauth"));
    auto *add = page->canvas()->findChild<QToolButton *>(s("addCard:lookup:1"));
    QVERIFY(add);
    settle();
    page->canvas()->ensureWidgetVisible(add);
    settle();
    QTest::mouseClick(add, Qt::LeftButton);
    CardCatalogueDialog *dialog = page->catalogueDialog();
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(s("catalogueFilter")), s("Return Raw"));
    QTest::keyClick(dialog->findChild<QLineEdit *>(s("catalogueFilter")), Qt::Key_Enter);
    QTRY_VERIFY(!dialog->isVisible());
    const auto at = flowedit::locate(page->document()->flow(), s("returnRaw1"));
    QVERIFY(at);
    QCOMPARE(at->parentCardId, s("lookup"));
    QCOMPARE(at->block, 1);
    QCOMPARE(at->index, 1);
    QVERIFY(page->canvas()->cardFrame(s("lookup"))->isAncestorOf(page->canvas()->cardFrame(s("returnRaw1"))));
}

void TestFlowEditor::bindsFromTheListAndByConstantAndSaves()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    QSignalSpy saved(page, &FlowEditorPage::flowSaved);
    QVERIFY(page->insertCard(s("text.toUpperCase"), {QString(), -1, 4}));
    // Bind from the list of earlier outputs: the Return card (later) is not offered.
    auto *text = qobject_cast<BindingEditor *>(inspectorChild(s("binding:text")));
    QVERIFY(text);
    auto *source = text->findChild<QComboBox *>(s("bindingSource"));
    QVERIFY(!chooseItem(source, s("Return")));
    QVERIFY(chooseItem(source, s("Salutation › output")));
    QCOMPARE(
        flowedit::findInput(page->document()->flow(), {s("toUpperCase1"), -1, s("text")})->binding.reference,
        s("salutation.output"));
    QCOMPARE(page->canvas()->inputRow({s("toUpperCase1"), -1, s("text")})->valueText(),
             s("Salutation › output"));

    // A constant typed into the Compose template: one undo step for the whole word.
    clickCard(page->canvas(), s("greeting"));
    auto *template_ = qobject_cast<BindingEditor *>(inspectorChild(s("binding:template")));
    auto *constant = template_->findChild<QLineEdit *>(s("constantEdit"));
    QVERIFY(constant->isVisible());
    const int steps = page->undoStack()->count();
    constant->setFocus();
    constant->selectAll();
    QTest::keyClicks(constant, s("Hi {{name}}"));
    QCOMPARE(page->undoStack()->count(), steps + 1);
    QCOMPARE(page->canvas()->inputRow({s("greeting"), -1, s("template")})->valueText(), s("\"Hi {{name}}\""));
    QVERIFY(constant->hasFocus()); // typing never rebuilds the field under the cursor

    // The edits reach workspace.json (atomically saved, readable as the console reads it at start).
    QVERIFY(saved.wait(5000));
    QTRY_VERIFY(!page->hasUnsavedChanges());
    const auto flow = savedFlow(m_fixture->dir.path(), s("hello-public"));
    QVERIFY(flow);
    const CardNode *upper = flowedit::findCard(*flow, s("toUpperCase1"));
    QVERIFY(upper);
    QCOMPARE(upper->findInput(s("text"))->binding.reference, s("salutation.output"));
    QCOMPARE(flowedit::findCard(*flow, s("greeting"))->findInput(s("template"))->binding.constant.toString(),
             s("Hi {{name}}"));
    QCOMPARE(flow->alias, m_fixture->session->workspace().flowById(s("hello-public"))->alias);
}

void TestFlowEditor::undoAndRedoRestore()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    const QByteArray original = FlowDocument::contentBytes(page->document()->flow());
    QVERIFY(page->insertCard(s("text.trim"), {}));
    const QByteArray added = FlowDocument::contentBytes(page->document()->flow());
    page->canvas()->setFocus();
    QTest::keyClick(page->canvas(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(FlowDocument::contentBytes(page->document()->flow()), original);
    QVERIFY(!page->canvas()->cardFrame(s("trim1")));
    QTest::keyClick(page->canvas(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(FlowDocument::contentBytes(page->document()->flow()), added);
    QVERIFY(page->canvas()->cardFrame(s("trim1")));
    // The toolbar does the same, and the saved flow follows.
    auto *undo = page->findChild<QAction *>(s("undoAction"));
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(s("Trim")));
    undo->trigger();
    QVERIFY(page->saveNow());
    QCOMPARE(FlowDocument::contentBytes(*savedFlow(m_fixture->dir.path(), s("hello-public"))), original);
}

void TestFlowEditor::reordersAndDeletesByKeyboard()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    FlowCanvas *canvas = page->canvas();
    clickCard(canvas, s("length"));
    QVERIFY(canvas->hasFocus());
    QTest::keyClick(canvas, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(canvas->cardOrder().mid(3, 2), (QStringList{s("length"), s("greeting")}));
    QCOMPARE(page->selectedCard(), s("length"));
    QTest::keyClick(canvas, Qt::Key_Down, Qt::AltModifier);
    QTest::keyClick(canvas, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(canvas->cardOrder().mid(3, 3), (QStringList{s("greeting"), s("return"), s("length")}));
    QVERIFY(!page->findChild<QAction *>(s("moveDownAction"))->isEnabled()); // it is last now

    QTest::keyClick(canvas, Qt::Key_Delete);
    QVERIFY(!canvas->cardFrame(s("length")));
    QCOMPARE(page->selectedCard(), s("return")); // the card before it
    // Up and Down walk the cards; Del in a text field of the inspector edits the text, not the flow.
    QTest::keyClick(canvas, Qt::Key_Up);
    QCOMPARE(page->selectedCard(), s("greeting"));
    auto *label = qobject_cast<QLineEdit *>(inspectorChild(s("cardNameEdit")));
    label->setFocus();
    QTest::keyClicks(label, s("ab"));
    QTest::keyClick(label, Qt::Key_Backspace);
    QTest::keyClick(label, Qt::Key_Home);
    QTest::keyClick(label, Qt::Key_Delete);
    QVERIFY(canvas->cardFrame(s("greeting")));
    QCOMPARE(label->text(), s(""));
    // The undo history takes it all back.
    while (page->undoStack()->canUndo())
        page->undoStack()->undo();
    QCOMPARE(canvas->cardOrder(),
             (QStringList{s("event"), s("name"), s("salutation"), s("greeting"), s("length"), s("return")}));
}

void TestFlowEditor::showsProblemsOnTheCardAndDoesNotSaveThem()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    const QByteArray onDisk =
        FlowDocument::contentBytes(*savedFlow(m_fixture->dir.path(), s("hello-public")));
    // A required input left unset.
    QVERIFY(page->insertCard(s("text.compose"), {}));
    CardFrame *compose = page->canvas()->cardFrame(s("compose1"));
    QVERIFY(compose->problems().join(QLatin1Char('\n')).contains(s("template")));
    QVERIFY(compose->findChild<QLabel *>(s("problemBadge"))->isVisible());
    QVERIFY(!page->canvas()->inputRow({s("compose1"), -1, s("template")})->toolTip().isEmpty());
    auto *binding = qobject_cast<BindingEditor *>(inspectorChild(s("binding:template")));
    QVERIFY(binding->findChild<QLabel *>(s("bindingProblem"))->isVisible());
    QVERIFY(inspectorChild(s("inspectorProblems"))->isVisible());

    // A reference to a card that runs later.
    page->document()->change(s("bind"), [](Flow &flow) {
        return flowedit::setBinding(flow, {s("greeting"), -1, s("name")},
                                    flowedit::referenceBinding(s("length.length")));
    });
    const QStringList greeting = page->canvas()->cardFrame(s("greeting"))->problems();
    QCOMPARE(greeting.size(), 1);
    QVERIFY2(greeting.first().contains(s("does not run before this one")), qPrintable(greeting.first()));
    QVERIFY(page->canvas()->inputRow({s("greeting"), -1, s("name")})->toolTip().contains(s("length")));

    // Such a flow is kept here, not written to workspace.json (which only holds flows that validate).
    QVERIFY(!page->saveNow());
    QVERIFY(page->hasUnsavedChanges());
    QVERIFY(page->findChild<QLabel *>(s("saveState"))->text().contains(s("problem")));
    QCOMPARE(FlowDocument::contentBytes(*savedFlow(m_fixture->dir.path(), s("hello-public"))), onDisk);
    // Fixed, it is saved.
    page->undoStack()->undo();
    page->undoStack()->undo();
    QVERIFY(page->problems().isEmpty());
    QVERIFY(page->canvas()->cardFrame(s("greeting"))->problems().isEmpty());
    QVERIFY(page->saveNow());
}

void TestFlowEditor::problemListSelectsTheCard()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    QVERIFY(page->insertCard(s("text.replace"), {}));
    clickCard(page->canvas(), s("event"));
    auto *view = page->findChild<QTreeView *>(s("problemList"));
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, ProblemListModel::CardColumn).data().toString(), s("Replace"));
    QCOMPARE(view->model()->index(0, ProblemListModel::FieldColumn).data().toString(), s("search"));
    page->findChild<QTabWidget *>(s("editorBottomTabs"))->setCurrentIndex(0);
    QTRY_VERIFY(view->isVisible());
    settle();
    const QRect row = view->visualRect(view->model()->index(0, ProblemListModel::MessageColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(page->selectedCard(), s("replace1"));
    QVERIFY(page->canvas()->cardFrame(s("replace1"))->isSelected());
}

void TestFlowEditor::editsEventFieldsWithTheirReferences()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    clickCard(page->canvas(), s("event"));
    auto *body = qobject_cast<FieldListEditor *>(inspectorChild(s("eventBodyFields")));
    QVERIFY(body);
    // Rename "name": the cards that read event.body.name follow.
    auto *name = body->findChild<QLineEdit *>(s("fieldName:0"));
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, s("who"));
    QTest::keyClick(name, Qt::Key_Return);
    const Flow &flow = page->document()->flow();
    QCOMPARE(flow.event.body.first().name, s("who"));
    QCOMPARE(flowedit::findCard(flow, s("name"))->findInput(s("a"))->binding.reference, s("event.body.who"));
    QVERIFY(page->problems().isEmpty());
    QVERIFY(page->canvas()->cardFrame(s("event"))->findChild<QWidget *>(s("output:event.body.who")));

    // Add a field, typed: it is an output of the event card at once.
    settle();
    QTest::mouseClick(body->findChild<QPushButton *>(s("addField")), Qt::LeftButton);
    auto *added = body->findChild<QLineEdit *>(s("fieldName:1"));
    QTRY_VERIFY(added && added->hasFocus());
    QTest::keyClicks(added, s("count"));
    QTest::keyClick(added, Qt::Key_Tab);
    QVERIFY(chooseItem(body->findChild<QComboBox *>(s("fieldType:1")), s("Number")));
    QCOMPARE(flow.event.body.size(), 2);
    QCOMPARE(flow.event.body.at(1).name, s("count"));
    QCOMPARE(flow.event.body.at(1).type, ValueType::number());
    QVERIFY(page->canvas()->cardFrame(s("event"))->findChild<QWidget *>(s("output:event.body.count")));

    // Header names are lower case; a reserved query name is a problem on the event card.
    auto *query = qobject_cast<FieldListEditor *>(inspectorChild(s("eventQueryFields")));
    auto *lang = query->findChild<QLineEdit *>(s("fieldName:0"));
    lang->setFocus();
    lang->selectAll();
    QTest::keyClicks(lang, s("x-okta-workflows-x"));
    QTest::keyClick(lang, Qt::Key_Return);
    QVERIFY(!page->canvas()->cardFrame(s("event"))->problems().isEmpty());
    QVERIFY(lang->styleSheet().contains(s("c62828")));
    auto *headers = qobject_cast<FieldListEditor *>(inspectorChild(s("eventHeaderFields")));
    settle();
    QTest::mouseClick(headers->findChild<QPushButton *>(s("addField")), Qt::LeftButton);
    auto *header = headers->findChild<QLineEdit *>(s("fieldName:0"));
    QTRY_VERIFY(header && header->hasFocus());
    QTest::keyClicks(header, s("X-Trace"));
    QCOMPARE(header->text(), s("x-trace"));
}

void TestFlowEditor::editsDeclaredFieldsOfAReturnCard()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    clickCard(page->canvas(), s("return"));
    auto *fields = qobject_cast<FieldListEditor *>(inspectorChild(s("dynamicInputs")));
    QVERIFY(fields);
    QCOMPARE(fields->rows().size(), 2);
    settle();
    QTest::mouseClick(fields->findChild<QPushButton *>(s("addField")), Qt::LeftButton);
    auto *name = fields->findChild<QLineEdit *>(s("fieldName:2"));
    QTRY_VERIFY(name && name->hasFocus());
    QTest::keyClicks(name, s("method"));
    QTest::keyClick(name, Qt::Key_Return);
    auto *binding = fields->findChild<BindingEditor *>(s("fieldBinding:2"));
    QVERIFY(chooseItem(binding->findChild<QComboBox *>(s("bindingSource")), s("context.method")));
    const InputBinding *input =
        flowedit::findCard(page->document()->flow(), s("return"))->findInput(s("method"));
    QVERIFY(input);
    QCOMPARE(input->binding.reference, s("event.context.method"));
    QVERIFY(page->canvas()->inputRow({s("return"), -1, s("method")}));
    // Removing a field removes it from the card.
    settle();
    QTest::mouseClick(fields->findChild<QToolButton *>(s("fieldRemove:0")), Qt::LeftButton);
    QVERIFY(!flowedit::findCard(page->document()->flow(), s("return"))->findInput(s("greeting")));
    QTRY_COMPARE(fields->rows().size(), 2);
}

void TestFlowEditor::renamesACardId()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    clickCard(page->canvas(), s("greeting"));
    auto *id = qobject_cast<QLineEdit *>(inspectorChild(s("cardIdEdit")));
    id->setFocus();
    id->selectAll();
    QTest::keyClicks(id, s("hello"));
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(page->selectedCard(), s("hello"));
    QVERIFY(page->canvas()->cardFrame(s("hello"))->isSelected());
    QCOMPARE(flowedit::findCard(page->document()->flow(), s("return"))
                 ->findInput(s("greeting"))
                 ->binding.reference,
             s("hello.output"));
    QVERIFY(page->problems().isEmpty());
    // A taken id is refused and the field shows the id again.
    id = qobject_cast<QLineEdit *>(inspectorChild(s("cardIdEdit")));
    id->setFocus();
    id->selectAll();
    QTest::keyClicks(id, s("length"));
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(id->text(), s("hello"));
    QVERIFY(flowedit::findCard(page->document()->flow(), s("hello")));
}

void TestFlowEditor::takesInChangesMadeElsewhere()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    ConsoleSession &session = *m_fixture->session;
    // Another view renames the flow and drops a card: nothing is pending here, so the editor follows.
    auto edited =
        session.edit(ConsoleSession::Change::Flows, [&session](Workspace &workspace) -> Result<bool> {
            Flow flow = *workspace.flowById(s("hello-public"));
            flow.name = s("Hello again");
            flowedit::removeCard(flow, s("length"));
            flowedit::findCard(flow, s("return"))->inputs.removeLast(); // it read length.length
            return workspace.updateFlow(flow, session.secrets());
        });
    QVERIFY(edited);
    QCOMPARE(page->findChild<QLabel *>(s("flowTitle"))->text(), s("Hello again"));
    QVERIFY(!page->canvas()->cardFrame(s("length")));
    QVERIFY(!page->undoStack()->canUndo());

    // While an edit of its own waits to be saved, the editor keeps its cards; the name still follows.
    QVERIFY(page->insertCard(s("text.trim"), {}));
    QVERIFY(page->hasUnsavedChanges());
    edited = session.edit(ConsoleSession::Change::Flows, [&session](Workspace &workspace) -> Result<bool> {
        Flow flow = *workspace.flowById(s("hello-public"));
        flow.name = s("Hello thrice");
        return workspace.updateFlow(flow, session.secrets());
    });
    QVERIFY(edited);
    QCOMPARE(page->findChild<QLabel *>(s("flowTitle"))->text(), s("Hello thrice"));
    QVERIFY(page->canvas()->cardFrame(s("trim1")));
    QVERIFY(page->saveNow());
    const auto flow = savedFlow(m_fixture->dir.path(), s("hello-public"));
    QCOMPARE(flow->name, s("Hello thrice"));
    QVERIFY(flowedit::findCard(*flow, s("trim1")));

    // The flow deleted elsewhere: the editor is empty.
    edited = session.edit(ConsoleSession::Change::Flows, [&session](Workspace &workspace) {
        return workspace.removeFlow(s("hello-public"), session.secrets());
    });
    QVERIFY(edited);
    QVERIFY(page->flowId().isEmpty());
    QVERIFY(page->findChild<QLabel *>(s("editorEmpty"))->isVisible());
}

void TestFlowEditor::switchingFlowsKeepsUnsaveableWork()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    QVERIFY(page->insertCard(s("text.compose"), {})); // template unset: cannot be saved yet
    page->openFlow(s("echo-raw"));
    QVERIFY(page->hasUnsavedChanges());
    QCOMPARE(page->flowId(), s("echo-raw"));
    page->openFlow(s("hello-public"));
    QVERIFY(page->canvas()->cardFrame(s("compose1")));
    QVERIFY(!page->saveNow());
    page->undoStack()->clear();
    QVERIFY(page->document()->change(s("fix"),
                                     [](Flow &flow) { return flowedit::removeCard(flow, s("compose1")); }));
    QVERIFY(page->saveNow());
    QVERIFY(!page->hasUnsavedChanges());
}

void TestFlowEditor::asksForEndpointSettings()
{
    FlowEditorPage *page = openPage(s("hello-public"));
    QSignalSpy asked(page, &FlowEditorPage::endpointSettingsRequested);
    auto *button = page->canvas()->findChild<QToolButton *>(s("endpointSettingsButton"));
    QVERIFY(button && button->isVisible());
    settle();
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().first().toString(), s("hello-public"));
    clickCard(page->canvas(), s("event"));
    settle();
    QTest::mouseClick(qobject_cast<QPushButton *>(inspectorChild(s("inspectorEndpointSettings"))),
                      Qt::LeftButton);
    QCOMPARE(asked.size(), 2);
    // A helper flow has no endpoint.
    page->openFlow(s("line-total"));
    QVERIFY(!page->canvas()->findChild<QToolButton *>(s("endpointSettingsButton")));
}

QTEST_MAIN(TestFlowEditor)
#include "tst_floweditor.moc"
