// FlowsPage driven through its real widgets: the table (sorted, filtered), the on/off switch by mouse
// and keyboard, new / duplicate / rename / delete with undo through shortcuts and buttons, import of
// broken files (every problem shown, nothing changed), export and import round trip, the newest
// execution's status after a real request, the signals the window wires, and the context menu.

#include "UiTestSupport.h"
#include "endpoint/ClientToken.h"
#include "engine/CardCatalogue.h"
#include "flow/FlowJson.h"
#include "flow/FlowValidator.h"
#include "models/FlowListModel.h"
#include "pages/FlowsPage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// The parts of a flow that an export and import keep (not its id, alias or token).
QJsonObject definitionOf(const Flow &flow)
{
    QJsonObject object = flowjson::toJsonObject(flow);
    object.remove(s("id"));
    object.remove(s("alias"));
    QJsonObject endpoint = object.value(s("endpoint")).toObject();
    endpoint.remove(s("clientTokenSha256"));
    object.insert(s("endpoint"), endpoint);
    return object;
}

// A page on a fresh sample workspace, shown and active, whose questions are answered from fields.
struct PageFixture {
    SessionFixture f;
    std::unique_ptr<FlowsPage> page;
    std::optional<QString> nextName;
    bool nextConfirm = true;
    QString nextOpenPath;
    QString nextSavePath;
    int asked = 0;

    bool create()
    {
        if (!f.create())
            return false;
        page = std::make_unique<FlowsPage>(*f.session);
        FlowsPage::Prompts prompts;
        prompts.askText = [this](const QString &, const QString &, const QString &) {
            ++asked;
            return nextName;
        };
        prompts.confirm = [this](const QString &, const QString &) {
            ++asked;
            return nextConfirm;
        };
        prompts.openFile = [this](const QString &, const QString &) {
            ++asked;
            return nextOpenPath;
        };
        prompts.saveFile = [this](const QString &, const QString &) {
            ++asked;
            return nextSavePath;
        };
        page->setPrompts(prompts);
        page->resize(1200, 700);
        page->show();
        page->activateWindow();
        return QTest::qWaitForWindowActive(page.get());
    }

    const Workspace &workspace() const { return f.session->workspace(); }
    QTableView *table() const { return page->findChild<QTableView *>(s("flowTable")); }
    QLineEdit *filter() const { return page->findChild<QLineEdit *>(s("flowFilter")); }
    QWidget *messageBar() const { return page->findChild<QWidget *>(s("flowsMessage")); }
    QString message() const { return page->findChild<QLabel *>(s("flowsMessageText"))->text(); }
    QWidget *undoBar() const { return page->findChild<QWidget *>(s("undoBar")); }
    QAction *action(const char *name) const { return page->findChild<QAction *>(QLatin1String(name)); }

    QModelIndex viewIndex(const QString &flowId, int column) const
    {
        QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(FlowListModel::FlowIdRole).toString() == flowId)
                return model->index(row, column);
        }
        return {};
    }
    QString cellText(const QString &flowId, int column) const
    {
        return viewIndex(flowId, column).data().toString();
    }
    QStringList columnTexts(int column) const
    {
        QStringList texts;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            texts.append(table()->model()->index(row, column).data().toString());
        return texts;
    }

    // Makes `flowId` current and gives the table the keyboard focus.
    bool select(const QString &flowId)
    {
        if (!page->selectFlow(flowId))
            return false;
        table()->setFocus();
        return QTest::qWaitFor([this] { return table()->hasFocus(); }, 5000);
    }
};

// Where the check box of a checkable cell is drawn.
QPoint checkBoxCentre(QTableView *table, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.rect = table->visualRect(index);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = index.data().toString();
    option.font = table->font();
    option.fontMetrics = table->fontMetrics();
    return table->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table).center();
}

} // namespace

class TestFlowsPage final : public QObject {
    Q_OBJECT

private slots:
    void listSortsAndFilters();
    void switchFlowOnAndOff();
    void newFlow();
    void duplicateFlow();
    void renameInPlace();
    void deleteAndUndo_data();
    void deleteAndUndo();
    void helperInUseIsNotDeleted();
    void failedDeleteShowsWhy();
    void importBrokenFileShowsEveryProblem();
    void exportImportRoundTrip();
    void lastStatusAfterARequest();
    void signalsForTheWindow();
    void contextMenu();
    void selectFlowClearsTheFilter();
};

void TestFlowsPage::listSortsAndFilters()
{
    PageFixture p;
    QVERIFY(p.create());
    QCOMPARE(p.table()->model()->rowCount(), p.workspace().flows().size());
    QStringList names = p.columnTexts(FlowListModel::NameColumn);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a.toLower(), b.toLower()) < 0;
    });
    QCOMPARE(names, sorted);

    // A click on the Type header sorts by type: API endpoints and helper flows apart.
    QHeaderView *header = p.table()->horizontalHeader();
    QTest::mouseClick(
        header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(FlowListModel::TypeColumn) + 8, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(FlowListModel::TypeColumn));
    const QStringList types = p.columnTexts(FlowListModel::TypeColumn);
    const QString helperAt =
        header->sortIndicatorOrder() == Qt::AscendingOrder ? types.constLast() : types.constFirst();
    QCOMPARE(helperAt, s("Helper flow"));

    // Ctrl+F goes to the filter, which matches names, descriptions and ids.
    p.table()->setFocus();
    QTRY_VERIFY(p.table()->hasFocus());
    QTest::keyClick(p.table(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(p.filter()->hasFocus());
    QTest::keyClicks(p.filter(), s("token"));
    QCOMPARE(p.table()->model()->rowCount(), 1);
    QCOMPARE(p.table()->model()->index(0, 0).data(FlowListModel::FlowIdRole).toString(),
             s("order-total-token"));
    p.filter()->clear();
    QTest::keyClicks(p.filter(), s("GREETS THE CALLER"));
    QCOMPARE(p.table()->model()->rowCount(), 1);
    QCOMPARE(p.table()->model()->index(0, 0).data(FlowListModel::FlowIdRole).toString(), s("hello-public"));
    p.filter()->clear();
    QTest::keyClicks(p.filter(), s("zzzz"));
    QCOMPARE(p.table()->model()->rowCount(), 0);
    auto *empty = p.page->findChild<QLabel *>(s("flowsEmpty"));
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(s("zzzz")), qPrintable(empty->text()));
    QVERIFY(!p.table()->isVisible());
    p.filter()->clear();
    QVERIFY(!empty->isVisible());
    QVERIFY(p.table()->isVisible());
    QCOMPARE(p.table()->model()->rowCount(), p.workspace().flows().size());
}

void TestFlowsPage::switchFlowOnAndOff()
{
    PageFixture p;
    QVERIFY(p.create());
    const QString flowId = s("hello-public");
    QVERIFY(p.workspace().flowById(flowId)->active);

    const QModelIndex on = p.viewIndex(flowId, FlowListModel::ActiveColumn);
    QTest::mouseClick(p.table()->viewport(), Qt::LeftButton, {}, checkBoxCentre(p.table(), on));
    QTRY_VERIFY(!p.workspace().flowById(flowId)->active);
    QCOMPARE(p.cellText(flowId, FlowListModel::ActiveColumn), s("Off"));
    auto reopened = Workspace::open(p.f.dir.path());
    QVERIFY(reopened.ok());
    QVERIFY(!reopened->flowById(flowId)->active);

    // Space on the switch's cell turns it back on.
    QVERIFY(p.select(flowId));
    p.table()->setCurrentIndex(p.viewIndex(flowId, FlowListModel::ActiveColumn));
    QTest::keyClick(p.table(), Qt::Key_Space);
    QTRY_VERIFY(p.workspace().flowById(flowId)->active);
    QVERIFY(Workspace::open(p.f.dir.path())->flowById(flowId)->active);
    QVERIFY(!p.messageBar()->isVisible());
}

void TestFlowsPage::newFlow()
{
    PageFixture p;
    QVERIFY(p.create());
    const qsizetype count = p.workspace().flows().size();
    QSignalSpy opened(p.page.get(), &FlowsPage::openFlowRequested);
    p.table()->setFocus();

    p.nextName = std::nullopt; // cancelled
    QTest::keyClick(p.table(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(p.asked, 1);
    QCOMPARE(p.workspace().flows().size(), count);

    p.nextName = s("   ");
    QTest::keyClick(p.table(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(p.workspace().flows().size(), count);
    QVERIFY(p.messageBar()->isVisible());
    QVERIFY(p.message().contains(s("needs a name")));

    p.nextName = s(" Order sync ");
    QTest::keyClick(p.table(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(p.asked, 3);
    QCOMPARE(p.workspace().flows().size(), count + 1);
    const Flow *flow = p.workspace().flowById(s("order-sync"));
    QVERIFY(flow);
    QCOMPARE(flow->name, s("Order sync"));
    QVERIFY(!flow->isHelper());
    QCOMPARE(flow->endpoint.security, SecurityLevel::None);
    QVERIFY(flow->cards.isEmpty());
    QVERIFY(!flow->active);
    QCOMPARE(flow->alias.size(), 32);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), s("order-sync"));
    QCOMPARE(p.page->currentFlowId(), s("order-sync"));
    QVERIFY(p.message().contains(s("Order sync")));
    auto reopened = Workspace::open(p.f.dir.path()); // valid as written
    QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().message));
    QVERIFY(reopened->flowById(s("order-sync")));

    // The same name again gets its own id.
    QTest::keyClick(p.table(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(p.workspace().flowById(s("order-sync-2")));
}

void TestFlowsPage::duplicateFlow()
{
    PageFixture p;
    QVERIFY(p.create());
    const Flow original = *p.workspace().flowById(s("order-total-token"));
    QVERIFY(p.select(original.id));
    QTest::keyClick(p.table(), Qt::Key_D, Qt::ControlModifier);

    const QString copyId = p.page->currentFlowId();
    QVERIFY(copyId != original.id);
    const Flow *copy = p.workspace().flowById(copyId);
    QVERIFY(copy);
    QCOMPARE(copy->name, original.name + s(" copy"));
    QVERIFY(copy->alias != original.alias);
    QCOMPARE(copy->alias.size(), 32);
    QCOMPARE(copy->endpoint.security, SecurityLevel::ClientToken);
    const auto token = p.f.secrets.read(clientTokenSecretKey(p.workspace().id(), copyId));
    QVERIFY(token.ok() && token->has_value());
    QVERIFY(clientTokenMatches(**token, copy->endpoint.clientTokenHash));
    QVERIFY(copy->endpoint.clientTokenHash != original.endpoint.clientTokenHash);
    Flow renamedOriginal = original;
    renamedOriginal.name = copy->name;
    QCOMPARE(definitionOf(*copy), definitionOf(renamedOriginal));
    QVERIFY(Workspace::open(p.f.dir.path())->flowById(copyId));
    QVERIFY(p.message().contains(original.name));
}

void TestFlowsPage::renameInPlace()
{
    PageFixture p;
    QVERIFY(p.create());
    const QString flowId = s("hello-public");
    QVERIFY(p.select(flowId));

    QTest::keyClick(p.table(), Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) &&
                p.table()->isAncestorOf(editor));
    editor->selectAll();
    QTest::keyClicks(editor, s("Greeter"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(p.workspace().flowById(flowId)->name, s("Greeter"));
    QCOMPARE(p.cellText(flowId, FlowListModel::NameColumn), s("Greeter"));
    QCOMPARE(Workspace::open(p.f.dir.path())->flowById(flowId)->name, s("Greeter"));
    QCOMPARE(p.page->currentFlowId(), flowId);

    // The toolbar's Rename opens the same editor; Escape changes nothing.
    p.action("renameFlowAction")->trigger();
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) &&
                p.table()->isAncestorOf(editor));
    QTest::keyClicks(editor, s("Discarded"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(p.table()->hasFocus());
    QCOMPARE(p.workspace().flowById(flowId)->name, s("Greeter"));

    // A blank name is refused where the user typed it.
    QTest::keyClick(p.table(), Qt::Key_F2);
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) &&
                p.table()->isAncestorOf(editor));
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Space);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(p.messageBar()->isVisible());
    QVERIFY(p.message().contains(s("needs a name")));
    QCOMPARE(p.workspace().flowById(flowId)->name, s("Greeter"));
}

void TestFlowsPage::deleteAndUndo_data()
{
    QTest::addColumn<QString>("flowId");
    QTest::addColumn<bool>("undoByKey");
    QTest::addColumn<QString>("removeFirst"); // a flow that calls it

    QTest::newRow("public flow, Undo button") << s("hello-public") << false << QString();
    QTest::newRow("client-token flow, Ctrl+Z") << s("order-total-token") << true << QString();
    QTest::newRow("helper flow, Ctrl+Z") << s("line-total") << true << s("order-total-token");
}

void TestFlowsPage::deleteAndUndo()
{
    QFETCH(QString, flowId);
    QFETCH(bool, undoByKey);
    QFETCH(QString, removeFirst);

    PageFixture p;
    QVERIFY(p.create());
    if (!removeFirst.isEmpty()) {
        QVERIFY(
            p.f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) { return workspace.removeFlow(removeFirst, p.f.secrets); })
                .ok());
    }
    const Flow before = *p.workspace().flowById(flowId);
    const QByteArray workspaceBefore = p.workspace().toJson();
    const bool hasToken = before.endpoint.security == SecurityLevel::ClientToken && !before.isHelper();
    const QString tokenKey = clientTokenSecretKey(p.workspace().id(), flowId);
    qsizetype index = 0;
    while (p.workspace().flows().at(index).id != flowId)
        ++index;
    QVERIFY(!p.action("undoDeleteAction")->isEnabled());

    // Not confirmed: nothing happens.
    QVERIFY(p.select(flowId));
    p.nextConfirm = false;
    QTest::keyClick(p.table(), Qt::Key_Delete);
    QCOMPARE(p.asked, 1);
    QVERIFY(p.workspace().flowById(flowId));

    p.nextConfirm = true;
    QTest::keyClick(p.table(), Qt::Key_Delete);
    QCOMPARE(p.asked, 2);
    QVERIFY(!p.workspace().flowById(flowId));
    QVERIFY(!Workspace::open(p.f.dir.path())->flowById(flowId));
    QVERIFY(!p.viewIndex(flowId, 0).isValid());
    QVERIFY(p.undoBar()->isVisible());
    const QString undoText = p.page->findChild<QLabel *>(s("undoBarText"))->text();
    QVERIFY2(undoText.contains(before.name), qPrintable(undoText));
    QCOMPARE(undoText.contains(s("same Invoke URL")), !before.isHelper());
    QCOMPARE(undoText.contains(s("new client token")), hasToken);
    QVERIFY(p.action("undoDeleteAction")->isEnabled());
    QVERIFY(!p.page->currentFlowId().isEmpty()); // the next flow is current

    if (undoByKey) {
        p.table()->setFocus();
        QTest::keyClick(p.table(), Qt::Key_Z, Qt::ControlModifier);
    } else {
        QTest::mouseClick(p.page->findChild<QPushButton *>(s("undoButton")), Qt::LeftButton);
    }
    const Flow *restored = p.workspace().flowById(flowId);
    QVERIFY(restored);
    QCOMPARE(p.workspace().flows().at(index).id, flowId); // back in its place
    QCOMPARE(restored->alias, before.alias);              // the same Invoke URL
    QVERIFY(!p.undoBar()->isVisible());
    QVERIFY(!p.action("undoDeleteAction")->isEnabled());
    QCOMPARE(p.page->currentFlowId(), flowId);
    auto reopened = Workspace::open(p.f.dir.path());
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->flowById(flowId)->alias, before.alias);
    if (hasToken) {
        const auto token = p.f.secrets.read(tokenKey);
        QVERIFY(token.ok() && token->has_value());
        QVERIFY(clientTokenMatches(**token, restored->endpoint.clientTokenHash));
        QVERIFY(restored->endpoint.clientTokenHash != before.endpoint.clientTokenHash);
        QVERIFY(p.message().contains(s("client token is new")));
    } else {
        QCOMPARE(p.workspace().toJson(), workspaceBefore); // exactly as before
    }

    // Nothing more to undo.
    const QByteArray now = p.workspace().toJson();
    QTest::keyClick(p.table(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(p.workspace().toJson(), now);
}

void TestFlowsPage::helperInUseIsNotDeleted()
{
    PageFixture p;
    QVERIFY(p.create());
    const QByteArray before = p.workspace().toJson();
    const QString caller = p.workspace().flowById(s("order-total-token"))->name;
    QVERIFY(p.select(s("line-total")));
    QTest::keyClick(p.table(), Qt::Key_Delete);
    QCOMPARE(p.asked, 0); // refused before asking
    QVERIFY(p.messageBar()->isVisible());
    QVERIFY2(p.message().contains(caller), qPrintable(p.message()));
    QCOMPARE(p.workspace().toJson(), before);
    QVERIFY(!p.undoBar()->isVisible());
    QVERIFY(Workspace::open(p.f.dir.path()).ok());
}

void TestFlowsPage::failedDeleteShowsWhy()
{
    PageFixture p;
    QVERIFY(p.create());
    const QByteArray before = p.workspace().toJson();
    const QString file = QDir(p.f.dir.path()).filePath(Workspace::kFileName);
    QVERIFY(QFile::remove(file));
    QVERIFY(QDir().mkdir(file)); // workspace.json cannot be written now

    QVERIFY(p.select(s("hello-public")));
    QTest::keyClick(p.table(), Qt::Key_Delete);
    QVERIFY(p.messageBar()->isVisible());
    QVERIFY2(p.message().contains(s("was not deleted")), qPrintable(p.message()));
    QVERIFY(!p.undoBar()->isVisible());
    QCOMPARE(p.workspace().toJson(), before);
    QVERIFY(p.viewIndex(s("hello-public"), 0).isValid());

    // Dismissing the message hides it.
    QTest::mouseClick(p.page->findChild<QWidget *>(s("flowsMessageClose")), Qt::LeftButton);
    QVERIFY(!p.messageBar()->isVisible());
}

void TestFlowsPage::importBrokenFileShowsEveryProblem()
{
    PageFixture p;
    QVERIFY(p.create());
    const QByteArray before = p.workspace().toJson();
    const int rows = p.table()->model()->rowCount();
    QTemporaryDir files;

    // A flow with an unknown card, a reference to a card that does not exist and a wrong type name.
    QJsonObject broken = flowjson::toJsonObject(*p.workspace().flowById(s("hello-public")));
    broken.insert(s("id"), s("broken-import"));
    QJsonArray cards = broken.value(s("cards")).toArray();
    cards.append(QJsonObject{{s("id"), s("mystery")}, {s("function"), s("text.noSuchCard")}});
    QJsonObject first = cards.at(0).toObject();
    first.insert(s("inputs"),
                 QJsonArray{QJsonObject{{s("name"), s("a")}, {s("ref"), s("nowhere.output")}},
                            QJsonObject{{s("name"), s("operator")}, {s("value"), s("is empty")}}});
    cards.replace(0, first);
    broken.insert(s("cards"), cards);
    QJsonObject event = broken.value(s("event")).toObject();
    event.insert(s("body"), QJsonArray{QJsonObject{{s("name"), s("name")}, {s("type"), s("colour")}}});
    broken.insert(s("event"), event);
    const QByteArray bytes = QJsonDocument(broken).toJson();
    const QString path = files.filePath(s("broken.json"));
    QVERIFY(writeFile(path, bytes));
    const FlowLibrary library = p.workspace().library();
    const FlowParseResult expected = loadFlow(bytes, CardCatalogue::builtIn(), &library);
    QVERIFY2(expected.problems.size() >= 3, qPrintable(QString::number(expected.problems.size())));

    p.nextOpenPath = path;
    p.action("importFlowAction")->trigger();
    QVERIFY(p.messageBar()->isVisible());
    QVERIFY(p.message().contains(s("broken.json was not imported")));
    for (const FlowProblem &problem : expected.problems)
        QVERIFY2(p.message().contains(problem.toString()),
                 qPrintable(problem.toString() + s("\n") + p.message()));
    QCOMPARE(p.workspace().toJson(), before);
    QCOMPARE(p.table()->model()->rowCount(), rows);

    // Not JSON at all, and a file that is not there.
    QVERIFY(writeFile(path, "not a flow {"));
    p.action("importFlowAction")->trigger();
    QVERIFY(p.message().contains(s("broken.json was not imported")));
    p.nextOpenPath = files.filePath(s("missing.json"));
    p.action("importFlowAction")->trigger();
    QVERIFY(p.message().contains(s("missing.json was not imported")));
    QCOMPARE(p.workspace().toJson(), before);

    // Cancelled: nothing at all.
    p.nextOpenPath.clear();
    p.action("importFlowAction")->trigger();
    QVERIFY(!p.messageBar()->isVisible());
}

void TestFlowsPage::exportImportRoundTrip()
{
    PageFixture p;
    QVERIFY(p.create());
    QTemporaryDir files;
    const Flow original = *p.workspace().flowById(s("order-total-token"));

    QVERIFY(p.select(original.id));
    p.nextSavePath = files.filePath(s("exported.json"));
    p.action("exportFlowAction")->trigger();
    QVERIFY(p.message().contains(s("exported.json")));
    const QByteArray exported = readFile(p.nextSavePath);
    QVERIFY(!exported.isEmpty());
    QVERIFY(!exported.contains(original.alias.toLatin1())); // the Invoke URL is not shared
    QVERIFY(!exported.contains(original.endpoint.clientTokenHash.toLatin1()));

    // The id is taken: the import gets a new one, a fresh alias and its own client token.
    p.nextOpenPath = p.nextSavePath;
    p.action("importFlowAction")->trigger();
    const QString importedId = p.page->currentFlowId();
    QCOMPARE(importedId, s("order-total-token-2"));
    QVERIFY(p.message().contains(s("order-total-token-2")));
    const Flow *imported = p.workspace().flowById(importedId);
    QVERIFY(imported);
    QCOMPARE(definitionOf(*imported), definitionOf(original));
    QCOMPARE(imported->alias.size(), 32);
    QVERIFY(imported->alias != original.alias);
    const auto token = p.f.secrets.read(clientTokenSecretKey(p.workspace().id(), importedId));
    QVERIFY(token.ok() && token->has_value());
    QVERIFY(clientTokenMatches(**token, imported->endpoint.clientTokenHash));
    QVERIFY(Workspace::open(p.f.dir.path())->flowById(importedId));

    // With the id free it is kept.
    QVERIFY(p.f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) { return workspace.removeFlow(original.id, p.f.secrets); })
                .ok());
    p.action("importFlowAction")->trigger();
    QCOMPARE(p.page->currentFlowId(), original.id);
    QCOMPARE(definitionOf(*p.workspace().flowById(original.id)), definitionOf(original));

    // Cancelling the save dialog writes nothing.
    p.nextSavePath.clear();
    p.action("exportFlowAction")->trigger();
    QVERIFY(!p.messageBar()->isVisible());
}

void TestFlowsPage::lastStatusAfterARequest()
{
    PageFixture p;
    QVERIFY(p.create());
    QVERIFY(p.f.startServer());
    const Flow *hello = p.workspace().flowById(s("hello-public"));
    QVERIFY(hello);
    QTRY_COMPARE(p.cellText(hello->id, FlowListModel::LastRunColumn), s("Never"));

    QNetworkAccessManager network;
    QNetworkRequest request(
        QUrl(p.f.session->server().baseUrl() + s("/api/flo/") + hello->alias + s("/invoke")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, s("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{{s("name"), s("Grace")}}).toJson(QJsonDocument::Compact);
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    QTRY_COMPARE_WITH_TIMEOUT(p.cellText(hello->id, FlowListModel::LastStatusColumn), s("Success"), 10000);
    QCOMPARE(p.cellText(hello->id, FlowListModel::LastRunColumn), s("just now"));
    QCOMPARE(p.cellText(s("order-total-token"), FlowListModel::LastStatusColumn), s("—"));
}

void TestFlowsPage::signalsForTheWindow()
{
    PageFixture p;
    QVERIFY(p.create());
    QSignalSpy opened(p.page.get(), &FlowsPage::openFlowRequested);
    QSignalSpy endpoint(p.page.get(), &FlowsPage::endpointSettingsRequested);
    QSignalSpy history(p.page.get(), &FlowsPage::historyRequested);

    QVERIFY(p.select(s("hello-public")));
    QTest::keyClick(p.table(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), s("hello-public"));

    const QRect cell = p.table()->visualRect(p.viewIndex(s("order-total-token"), FlowListModel::TypeColumn));
    QTest::mouseClick(p.table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(p.table()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(opened.count(), 2);
    QCOMPARE(opened.at(1).at(0).toString(), s("order-total-token"));

    // Endpoint settings are for API endpoint flows only.
    QVERIFY(p.select(s("line-total")));
    QVERIFY(!p.action("endpointSettingsAction")->isEnabled());
    QVERIFY(p.action("showHistoryAction")->isEnabled());
    QVERIFY(p.select(s("customer-oauth")));
    QVERIFY(p.action("endpointSettingsAction")->isEnabled());
    p.action("endpointSettingsAction")->trigger();
    QCOMPARE(endpoint.count(), 1);
    QCOMPARE(endpoint.at(0).at(0).toString(), s("customer-oauth"));
    p.action("showHistoryAction")->trigger();
    QCOMPARE(history.count(), 1);
    QCOMPARE(history.at(0).at(0).toString(), s("customer-oauth"));

    // With no flow shown, the flow actions are off.
    QTest::keyClicks(p.filter(), s("zzzz"));
    for (const char *name : {"openFlowAction", "duplicateFlowAction", "renameFlowAction", "deleteFlowAction",
                             "exportFlowAction", "endpointSettingsAction", "showHistoryAction"})
        QVERIFY2(!p.action(name)->isEnabled(), name);
    QVERIFY(p.action("newFlowAction")->isEnabled());
    QVERIFY(p.action("importFlowAction")->isEnabled());
}

void TestFlowsPage::contextMenu()
{
    PageFixture p;
    QVERIFY(p.create());
    QVERIFY(p.select(s("hello-public")));
    const QRect cell = p.table()->visualRect(p.viewIndex(s("echo-raw"), FlowListModel::SecurityColumn));
    emit p.table()->customContextMenuRequested(cell.center());
    auto *menu = p.page->findChild<QMenu *>(s("flowContextMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(p.page->currentFlowId(), s("echo-raw")); // the flow under the pointer
    QStringList names;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names.append(action->objectName());
    }
    QCOMPARE(names, (QStringList{s("openFlowAction"), s("endpointSettingsAction"), s("showHistoryAction"),
                                 s("renameFlowAction"), s("duplicateFlowAction"), s("exportFlowAction"),
                                 s("deleteFlowAction"), s("newFlowAction"), s("importFlowAction")}));
    menu->hide();
}

void TestFlowsPage::selectFlowClearsTheFilter()
{
    PageFixture p;
    QVERIFY(p.create());
    QTest::keyClicks(p.filter(), s("token"));
    QVERIFY(p.page->selectFlow(s("hello-public")));
    QVERIFY(p.filter()->text().isEmpty());
    QCOMPARE(p.page->currentFlowId(), s("hello-public"));
    QVERIFY(!p.page->selectFlow(s("no-such-flow")));
    QCOMPARE(p.page->currentFlowId(), s("hello-public"));
}

QTEST_MAIN(TestFlowsPage)
#include "tst_flowspage.moc"
