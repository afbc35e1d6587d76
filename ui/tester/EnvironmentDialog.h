#pragma once

// The request tester's variables ({{name}}, substituted at send time): a table of names and values,
// each value optionally secret (kept in the keychain, shown masked, never in the workspace's files).
// Also says which variables the tester provides itself (baseUrl, clientToken).

#include "tester/Variables.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace wf::ui {

class EnvironmentDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentDialog)

public:
    EnvironmentDialog(const QList<tester::Variable> &variables, const QString &serverBaseUrl,
                      QWidget *parent = nullptr);

    QList<tester::Variable> variables() const;
    QTableWidget *table() const { return m_table; }
    void addVariable(const tester::Variable &variable);

    void accept() override;

private:
    void updateMasking();

    QTableWidget *m_table = nullptr;
    QCheckBox *m_showSecrets = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace wf::ui
