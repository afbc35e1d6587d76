// The chips multiselect: the popup's model (checked by QAbstractItemModelTester), filtering as one
// types, adding by Enter, by the keyboard in the list and by a click, removing with a chip's ✕, and
// chosen ids that no item has any more.

#include "widgets/ChipMultiSelect.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using wf::ui::ChipChoice;
using wf::ui::ChipChoiceModel;
using wf::ui::ChipMultiSelect;

namespace {

QList<ChipChoice> sampleItems()
{
    return {{QStringLiteral("0oaAlphaAAAAAAAAAAAA"), QStringLiteral("Sample API client"), QString()},
            {QStringLiteral("0oaBravoBBBBBBBBBBBB"), QStringLiteral("Billing service"), QString()},
            {QStringLiteral("0oaCharlieCCCCCCCCCC"), QStringLiteral("Reports"), QStringLiteral("inactive")}};
}

QStringList rowIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ChipChoiceModel::IdRole).toString());
    return ids;
}

} // namespace

class TestChipMultiSelect final : public QObject {
    Q_OBJECT

private slots:
    void modelFilters_data();
    void modelFilters();
    void modelExcludesChosen();
    void modelData();
    void typingFiltersAndEnterAdds();
    void keyboardInThePopup();
    void clickInThePopupAdds();
    void removeChip();
    void unknownIdsKeepTheirChip();
    void setSelectedIdsDropsDuplicates();

private:
    // A shown multiselect with the sample items.
    std::unique_ptr<ChipMultiSelect> makeWidget()
    {
        auto widget = std::make_unique<ChipMultiSelect>();
        widget->setItems(sampleItems());
        widget->resize(500, 120);
        widget->show();
        if (!QTest::qWaitForWindowExposed(widget.get()))
            qWarning("the multiselect was not exposed");
        widget->filterEdit()->setFocus();
        return widget;
    }

    static QToolButton *removeButton(ChipMultiSelect &widget, const QString &id)
    {
        return widget.findChild<QToolButton *>(QLatin1String("chip_") + id + QLatin1String("_remove"));
    }
};

void TestChipMultiSelect::modelFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    const QString alpha = QStringLiteral("0oaAlphaAAAAAAAAAAAA");
    const QString bravo = QStringLiteral("0oaBravoBBBBBBBBBBBB");
    const QString charlie = QStringLiteral("0oaCharlieCCCCCCCCCC");
    QTest::addRow("empty shows all") << QString() << QStringList{alpha, bravo, charlie};
    QTest::addRow("name, other case") << QStringLiteral("BILL") << QStringList{bravo};
    QTest::addRow("middle of a name") << QStringLiteral("api cli") << QStringList{alpha};
    QTest::addRow("client id") << QStringLiteral("charliecc") << QStringList{charlie};
    QTest::addRow("shared by all ids") << QStringLiteral("0oa") << QStringList{alpha, bravo, charlie};
    QTest::addRow("surrounding spaces ignored") << QStringLiteral("  reports ") << QStringList{charlie};
    QTest::addRow("no match") << QStringLiteral("zzz") << QStringList{};
}

void TestChipMultiSelect::modelFilters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    ChipChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems(sampleItems());
    model.setFilter(filter);
    QCOMPARE(rowIds(model), expected);
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), 3);
}

void TestChipMultiSelect::modelExcludesChosen()
{
    ChipChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems(sampleItems());
    model.setExcluded({QStringLiteral("0oaBravoBBBBBBBBBBBB"), QStringLiteral("0oaUnknownXXXXXXXXXX")});
    QCOMPARE(rowIds(model),
             (QStringList{QStringLiteral("0oaAlphaAAAAAAAAAAAA"), QStringLiteral("0oaCharlieCCCCCCCCCC")}));
    model.setFilter(QStringLiteral("bill"));
    QCOMPARE(model.rowCount(), 0);
    model.setExcluded({});
    QCOMPARE(rowIds(model), QStringList{QStringLiteral("0oaBravoBBBBBBBBBBBB")});
    model.setItems({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.choiceAt(0), ChipChoice());
}

void TestChipMultiSelect::modelData()
{
    ChipChoiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems(sampleItems());
    const QModelIndex reports = model.index(2, 0);
    QCOMPARE(reports.data(ChipChoiceModel::NameRole).toString(), QStringLiteral("Reports"));
    QCOMPARE(reports.data(ChipChoiceModel::NoteRole).toString(), QStringLiteral("inactive"));
    const QString display = reports.data(Qt::DisplayRole).toString();
    QVERIFY2(display.contains(QLatin1String("Reports")) && display.contains(QLatin1String("0oaCharlie")) &&
                 display.contains(QLatin1String("inactive")),
             qPrintable(display));
    QVERIFY(model.roleNames().value(ChipChoiceModel::IdRole) == "choiceId");
    QVERIFY(!model.index(3, 0).isValid());
}

void TestChipMultiSelect::typingFiltersAndEnterAdds()
{
    auto widget = makeWidget();
    QSignalSpy changed(widget.get(), &ChipMultiSelect::selectionChanged);
    QTest::keyClicks(widget->filterEdit(), QStringLiteral("bIl"));
    QTRY_VERIFY(widget->popup()->isVisible());
    QCOMPARE(rowIds(*widget->popup()->model()), QStringList{QStringLiteral("0oaBravoBBBBBBBBBBBB")});

    QTest::keyClick(widget->filterEdit(), Qt::Key_Return);
    QCOMPARE(widget->selectedIds(), QStringList{QStringLiteral("0oaBravoBBBBBBBBBBBB")});
    QCOMPARE(changed.count(), 1);
    QVERIFY(widget->filterEdit()->text().isEmpty());
    QVERIFY(!widget->popup()->isVisible());
    QVERIFY(removeButton(*widget, QStringLiteral("0oaBravoBBBBBBBBBBBB")));
    auto *label = widget->findChild<QLabel *>(QStringLiteral("chip_0oaBravoBBBBBBBBBBBB_label"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Billing service"));

    // What is chosen is no longer offered; a filter that matches nothing else adds nothing.
    QTest::keyClicks(widget->filterEdit(), QStringLiteral("bill"));
    QCOMPARE(widget->popup()->model()->rowCount(), 0);
    QVERIFY(!widget->popup()->isVisible());
    QTest::keyClick(widget->filterEdit(), Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
}

void TestChipMultiSelect::keyboardInThePopup()
{
    auto widget = makeWidget();
    QTest::keyClick(widget->filterEdit(), Qt::Key_Down);
    QTRY_VERIFY(widget->popup()->isVisible());
    QCOMPARE(widget->popup()->model()->rowCount(), 3);
    QCOMPARE(widget->popup()->currentIndex().row(), 0);

    // While the list is open it has the keyboard: arrows move in it, letters go on in the field.
    QTest::keyClick(widget->popup(), Qt::Key_Down);
    QCOMPARE(widget->popup()->currentIndex().row(), 1);
    QTest::keyClick(widget->popup(), Qt::Key_R);
    QCOMPARE(widget->filterEdit()->text(), QStringLiteral("r"));
    QTRY_VERIFY(widget->popup()->isVisible());
    QCOMPARE(rowIds(*widget->popup()->model()),
             (QStringList{QStringLiteral("0oaBravoBBBBBBBBBBBB"), QStringLiteral("0oaCharlieCCCCCCCCCC")}));
    QTest::keyClick(widget->popup(), Qt::Key_Down);
    QTest::keyClick(widget->popup(), Qt::Key_Return);
    QCOMPARE(widget->selectedIds(), QStringList{QStringLiteral("0oaCharlieCCCCCCCCCC")});
    QVERIFY(!widget->popup()->isVisible());

    QTest::keyClick(widget->filterEdit(), Qt::Key_Down);
    QTRY_VERIFY(widget->popup()->isVisible());
    QTest::keyClick(widget->popup(), Qt::Key_Escape);
    QVERIFY(!widget->popup()->isVisible());
    QCOMPARE(widget->selectedIds().size(), 1);
}

void TestChipMultiSelect::clickInThePopupAdds()
{
    auto widget = makeWidget();
    QSignalSpy changed(widget.get(), &ChipMultiSelect::selectionChanged);
    auto *dropDown = widget->findChild<QToolButton *>(QStringLiteral("chipDropDown"));
    QVERIFY(dropDown);
    QTest::mouseClick(dropDown, Qt::LeftButton);
    QTRY_VERIFY(widget->popup()->isVisible());
    QListView *popup = widget->popup();
    const QModelIndex sample = popup->model()->index(0, 0);
    QCOMPARE(sample.data(ChipChoiceModel::IdRole).toString(), QStringLiteral("0oaAlphaAAAAAAAAAAAA"));
    QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, popup->visualRect(sample).center());
    QCOMPARE(widget->selectedIds(), QStringList{QStringLiteral("0oaAlphaAAAAAAAAAAAA")});
    QCOMPARE(changed.count(), 1);
}

void TestChipMultiSelect::removeChip()
{
    auto widget = makeWidget();
    widget->setSelectedIds({QStringLiteral("0oaAlphaAAAAAAAAAAAA"), QStringLiteral("0oaBravoBBBBBBBBBBBB")});
    QSignalSpy changed(widget.get(), &ChipMultiSelect::selectionChanged);
    QToolButton *remove = removeButton(*widget, QStringLiteral("0oaAlphaAAAAAAAAAAAA"));
    QVERIFY(remove);
    QTRY_VERIFY(remove->isVisible());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(widget->selectedIds(), QStringList{QStringLiteral("0oaBravoBBBBBBBBBBBB")});
    QCOMPARE(changed.count(), 1);
    QVERIFY(!removeButton(*widget, QStringLiteral("0oaAlphaAAAAAAAAAAAA")));
    // The removed item is offered again.
    QTest::keyClicks(widget->filterEdit(), QStringLiteral("sample"));
    QCOMPARE(rowIds(*widget->popup()->model()), QStringList{QStringLiteral("0oaAlphaAAAAAAAAAAAA")});
}

void TestChipMultiSelect::unknownIdsKeepTheirChip()
{
    auto widget = makeWidget();
    const QString gone = QStringLiteral("0oaGoneGGGGGGGGGGGGG");
    widget->setSelectedIds({gone, QStringLiteral("0oaAlphaAAAAAAAAAAAA")});
    QCOMPARE(widget->unknownIds(), QStringList{gone});
    auto *label = widget->findChild<QLabel *>(QLatin1String("chip_") + gone + QLatin1String("_label"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(gone) && label->text().contains(QLatin1String("unknown")),
             qPrintable(label->text()));
    QVERIFY(widget->findChild<QWidget *>(QLatin1String("chip_") + gone)->property("unknown").toBool());

    // It comes back: its chip shows its name again, and the choice was kept throughout.
    QList<ChipChoice> items = sampleItems();
    items.append({gone, QStringLiteral("Restored app"), QString()});
    widget->setItems(items);
    QVERIFY(widget->unknownIds().isEmpty());
    label = widget->findChild<QLabel *>(QLatin1String("chip_") + gone + QLatin1String("_label"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Restored app"));
    QCOMPARE(widget->selectedIds(), (QStringList{gone, QStringLiteral("0oaAlphaAAAAAAAAAAAA")}));

    QToolButton *remove = removeButton(*widget, gone);
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(widget->selectedIds(), QStringList{QStringLiteral("0oaAlphaAAAAAAAAAAAA")});
}

void TestChipMultiSelect::setSelectedIdsDropsDuplicates()
{
    ChipMultiSelect widget;
    widget.setItems(sampleItems());
    QSignalSpy changed(&widget, &ChipMultiSelect::selectionChanged);
    widget.setSelectedIds(
        {QStringLiteral("0oaAlphaAAAAAAAAAAAA"), QString(), QStringLiteral("0oaAlphaAAAAAAAAAAAA")});
    QCOMPARE(widget.selectedIds(), QStringList{QStringLiteral("0oaAlphaAAAAAAAAAAAA")});
    QCOMPARE(changed.count(), 1);
    widget.setSelectedIds({QStringLiteral("0oaAlphaAAAAAAAAAAAA")});
    QCOMPARE(changed.count(), 1); // no change, no signal
    QCOMPARE(widget.findChildren<QToolButton *>(QStringLiteral("chip_0oaAlphaAAAAAAAAAAAA_remove")).size(),
             1);
}

QTEST_MAIN(TestChipMultiSelect)
#include "tst_chipmultiselect.moc"
