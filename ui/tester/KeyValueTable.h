#pragma once

// An editable table of name/value rows with an "enabled" check box each, as the request tester uses
// for query parameters, headers and form fields. There is always one empty row at the end to type
// into; rows are removed with Delete or the row's context menu.

#include "tester/RequestDocument.h"

#include <QWidget>

class QTableWidget;

namespace wf::ui {

class KeyValueTable final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueTable)

public:
    KeyValueTable(const QString &namePlaceholder, const QString &valuePlaceholder, QWidget *parent = nullptr);

    // The rows with a name or a value (the empty last row is not one).
    QList<tester::KeyValue> rows() const;
    void setRows(const QList<tester::KeyValue> &rows);
    QTableWidget *table() const { return m_table; }

signals:
    void rowsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void appendRow(const tester::KeyValue &row);
    void ensureEmptyLastRow();
    void removeSelectedRows();

    QTableWidget *m_table = nullptr;
    QString m_namePlaceholder;
    QString m_valuePlaceholder;
    bool m_filling = false;
};

} // namespace wf::ui
