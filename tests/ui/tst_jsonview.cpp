// The JSON viewer: pretty printing with two spaces, text that is not JSON shown as it is, and
// folding of objects and arrays from the margin, nested folds kept while an outer one is closed.

#include "widgets/JsonView.h"

#include <QTest>
#include <QTextBlock>

using namespace wf::ui;

class TestJsonView final : public QObject {
    Q_OBJECT

private slots:
    void prettyPrintsWithTwoSpaces();
    void showsTextThatIsNotJsonAsItIs();
    void foldsAndUnfoldsABlock();
    void keepsInnerFoldsWhileTheOuterIsClosed();
    void foldAllLeavesTheOutermostLines();
    void clickOnTheMarginToggles();
    void newTextHasNoFolds();

private:
    static QByteArray sample()
    {
        return QByteArrayLiteral(R"({"a": 1, "inner": {"b": [1, 2, 3], "c": "x"}, "z": true})");
    }
};

void TestJsonView::prettyPrintsWithTwoSpaces()
{
    JsonView view;
    view.setJson(QByteArrayLiteral(R"({"a":{"b":1}})"));
    QCOMPARE(view.toPlainText(), QStringLiteral("{\n  \"a\": {\n    \"b\": 1\n  }\n}"));
}

void TestJsonView::showsTextThatIsNotJsonAsItIs()
{
    JsonView view;
    view.setJson(QByteArrayLiteral("plain {text"));
    QCOMPARE(view.toPlainText(), QStringLiteral("plain {text"));
    QVERIFY(!view.isFoldable(0));
}

void TestJsonView::foldsAndUnfoldsABlock()
{
    JsonView view;
    view.setJson(sample());
    // {, "a", "inner": {, "b": [, 1, 2, 3, ], "c", }, "z", }
    QCOMPARE(view.document()->blockCount(), 12);
    QVERIFY(view.isFoldable(0));
    QVERIFY(view.isFoldable(2));
    QVERIFY(view.isFoldable(3));
    QVERIFY(!view.isFoldable(1));
    view.setFolded(2, true);
    QVERIFY(view.isFolded(2));
    // The lines inside "inner" are hidden; its opening and closing lines stay.
    QCOMPARE(view.visibleLineCount(), 12 - 6);
    QVERIFY(view.document()->findBlockByNumber(9).isVisible());
    QVERIFY(!view.document()->findBlockByNumber(4).isVisible());
    view.setFolded(2, false);
    QCOMPARE(view.visibleLineCount(), 12);
}

void TestJsonView::keepsInnerFoldsWhileTheOuterIsClosed()
{
    JsonView view;
    view.setJson(sample());
    view.setFolded(3, true); // "b": [
    QCOMPARE(view.visibleLineCount(), 12 - 3);
    view.setFolded(2, true);
    QCOMPARE(view.visibleLineCount(), 12 - 6);
    view.setFolded(2, false);
    // The inner array is still folded.
    QVERIFY(view.isFolded(3));
    QCOMPARE(view.visibleLineCount(), 12 - 3);
}

void TestJsonView::foldAllLeavesTheOutermostLines()
{
    JsonView view;
    view.setJson(sample());
    view.foldAll();
    QCOMPARE(view.visibleLineCount(), 2);
    view.unfoldAll();
    QCOMPARE(view.visibleLineCount(), 12);
}

void TestJsonView::clickOnTheMarginToggles()
{
    JsonView view;
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setJson(sample());
    auto *margin = view.findChild<QWidget *>(QStringLiteral("foldMargin"));
    QVERIFY(margin && margin->width() > 0);
    const int lineHeight = view.fontMetrics().height();
    // The third line ("inner": {) is at about 2.5 line heights from the top.
    QTest::mouseClick(margin, Qt::LeftButton, {}, QPoint(margin->width() / 2, lineHeight * 5 / 2 + 4));
    QVERIFY(view.isFolded(2));
    QTest::mouseClick(margin, Qt::LeftButton, {}, QPoint(margin->width() / 2, lineHeight * 5 / 2 + 4));
    QVERIFY(!view.isFolded(2));
}

void TestJsonView::newTextHasNoFolds()
{
    JsonView view;
    view.setJson(sample());
    view.foldAll();
    view.setJson(sample());
    QVERIFY(!view.isFolded(0));
    QCOMPARE(view.visibleLineCount(), 12);
}

QTEST_MAIN(TestJsonView)
#include "tst_jsonview.moc"
