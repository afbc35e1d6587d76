#pragma once

// The public keys of one app integration as a table for its General tab: key id, type, status and
// creation time. The page acts on the selected row (activate, deactivate, delete).

#include "auth/AppIntegration.h"

#include <QAbstractTableModel>
#include <QList>

namespace wf::ui {

class AppKeyModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppKeyModel)

public:
    enum Column { KidColumn, TypeColumn, StatusColumn, CreatedColumn, ColumnCount };
    static constexpr int KidRole = Qt::UserRole + 1;
    static constexpr int ActiveRole = Qt::UserRole + 2;

    explicit AppKeyModel(QObject *parent = nullptr);
    ~AppKeyModel() override;

    // Shows `keys`. When the same keys are listed in the same order (a key switched on or off), only
    // their cells change, so views keep their selection.
    void setKeys(const QList<auth::AppKey> &keys);

    QString kidAt(int row) const;
    bool isActiveAt(int row) const;
    // -1 when no key has `kid`.
    int rowOf(const QString &kid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        auth::AppKey key;
        QString type; // "RSA 2048", "EC P-256"; read once from the JWK
    };
    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace wf::ui
