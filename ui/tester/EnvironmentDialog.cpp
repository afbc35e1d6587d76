#include "EnvironmentDialog.h"

#include "Icons.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wf::ui {

namespace {
enum Column { NameColumn, ValueColumn, SecretColumn };
} // namespace

EnvironmentDialog::EnvironmentDialog(const QList<tester::Variable> &variables, const QString &serverBaseUrl,
                                     QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Request tester variables"));
    auto *intro = new QLabel(tr("Write {{name}} in a URL, parameter, header, body or auth field to use a "
                                "variable. The tester provides {{baseUrl}} (the server: %1) and, for a "
                                "request opened for a client-token flow, {{clientToken}} (that flow's "
                                "token); a variable defined here named baseUrl takes the place of the "
                                "server's.")
                                 .arg(serverBaseUrl.isEmpty() ? tr("not listening") : serverBaseUrl),
                             this);
    intro->setWordWrap(true);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("variables"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Secret")});
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->resizeSection(NameColumn, 180);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(icon(QStringLiteral("add")), tr("&Add"), this);
    add->setObjectName(QStringLiteral("addVariable"));
    auto *remove = new QPushButton(icon(QStringLiteral("delete")), tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeVariable"));
    m_showSecrets = new QCheckBox(tr("Show &secret values"), this);
    m_showSecrets->setObjectName(QStringLiteral("showSecrets"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("variablesError"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch(1);
    row->addWidget(m_showSecrets);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(add, &QPushButton::clicked, this, [this] {
        addVariable({});
        m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
        m_table->cellWidget(m_table->rowCount() - 1, NameColumn)->setFocus();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    connect(m_showSecrets, &QCheckBox::toggled, this, &EnvironmentDialog::updateMasking);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnvironmentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EnvironmentDialog::reject);
    for (const tester::Variable &variable : variables)
        addVariable(variable);
}

void EnvironmentDialog::addVariable(const tester::Variable &variable)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *name = new QLineEdit(variable.name, m_table);
    name->setObjectName(QStringLiteral("variableName"));
    name->setFrame(false);
    auto *value = new QLineEdit(variable.value, m_table);
    value->setObjectName(QStringLiteral("variableValue"));
    value->setFrame(false);
    auto *secret = new QCheckBox(m_table);
    secret->setObjectName(QStringLiteral("variableSecret"));
    secret->setChecked(variable.secret);
    secret->setToolTip(tr("Keep the value in the keychain and mask it"));
    m_table->setCellWidget(row, NameColumn, name);
    m_table->setCellWidget(row, ValueColumn, value);
    m_table->setCellWidget(row, SecretColumn, secret);
    connect(secret, &QCheckBox::toggled, this, &EnvironmentDialog::updateMasking);
    updateMasking();
}

void EnvironmentDialog::updateMasking()
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
        auto *secret = qobject_cast<QCheckBox *>(m_table->cellWidget(row, SecretColumn));
        value->setEchoMode(secret->isChecked() && !m_showSecrets->isChecked() ? QLineEdit::Password
                                                                              : QLineEdit::Normal);
    }
}

QList<tester::Variable> EnvironmentDialog::variables() const
{
    QList<tester::Variable> variables;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto *name = qobject_cast<QLineEdit *>(m_table->cellWidget(row, NameColumn));
        const auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
        const auto *secret = qobject_cast<QCheckBox *>(m_table->cellWidget(row, SecretColumn));
        if (name->text().trimmed().isEmpty() && value->text().isEmpty())
            continue;
        variables.append({name->text().trimmed(), value->text(), secret->isChecked()});
    }
    return variables;
}

void EnvironmentDialog::accept()
{
    QSet<QString> seen;
    for (const tester::Variable &variable : variables()) {
        QString problem;
        if (!tester::isValidVariableName(variable.name))
            problem = tr("\"%1\" is not a variable name: use letters, digits, _, - and . (at most 64).")
                          .arg(variable.name);
        else if (seen.contains(variable.name))
            problem = tr("%1 is defined twice.").arg(variable.name);
        if (!problem.isEmpty()) {
            m_error->setText(problem);
            m_error->show();
            return;
        }
        seen.insert(variable.name);
    }
    QDialog::accept();
}

} // namespace wf::ui
