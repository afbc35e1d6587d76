#include "pages/AppsPage.h"

#include "ConsoleSession.h"
#include "dialogs/CreateAppWizard.h"
#include "models/AppListModel.h"
#include "pages/AppDetails.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace wf::ui {

AppsPage::AppsPage(ConsoleSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("appsPage"));
    m_details = new AppDetails(session, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildList());
    m_stack->addWidget(m_details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_details, &AppDetails::backRequested, this, &AppsPage::showList);
    connect(m_details, &AppDetails::appGone, this, &AppsPage::showList);
    connect(&session, &ConsoleSession::appsChanged, this, &AppsPage::refreshList);
    connect(&session, &ConsoleSession::workspaceReloaded, this, &AppsPage::refreshList);
    refreshList();
}

AppsPage::~AppsPage() = default;

QWidget *AppsPage::buildList()
{
    m_list = new QWidget(this);
    m_list->setObjectName(QStringLiteral("appList"));
    auto *title = new QLabel(tr("Applications"), m_list);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    m_create = new QPushButton(tr("Create App Integration"), m_list);
    m_create->setObjectName(QStringLiteral("createAppButton"));
    connect(m_create, &QPushButton::clicked, this, &AppsPage::openCreateWizard);

    m_filter = new QLineEdit(m_list);
    m_filter->setObjectName(QStringLiteral("appFilter"));
    m_filter->setPlaceholderText(tr("Search by name, client ID or scope"));
    m_filter->setClearButtonEnabled(true);

    m_model = new AppListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(AppListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &AppsPage::showEmptyState);

    m_table = new QTableView(m_list);
    m_table->setObjectName(QStringLiteral("appTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AppListModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AppListModel::NameColumn, QHeaderView::Stretch);
    for (int column : {int(AppListModel::ClientIdColumn), int(AppListModel::StatusColumn),
                       int(AppListModel::KeysColumn), int(AppListModel::ScopesColumn)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Double-click an app, or press Enter, to open its page."));
    connect(m_table, &QTableView::activated, this, &AppsPage::openIndex);

    m_empty = new QLabel(m_list);
    m_empty->setObjectName(QStringLiteral("appListEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_create);
    auto *layout = new QVBoxLayout(m_list);
    layout->addLayout(top);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    return m_list;
}

void AppsPage::refreshList()
{
    m_model->setApps(m_session.workspace().apps());
    showEmptyState();
}

void AppsPage::showEmptyState()
{
    m_empty->setText(m_model->rowCount() == 0
                         ? tr("No app integrations yet. Create one to call flows secured with OAuth 2.0.")
                         : tr("No app integration matches the search."));
    m_empty->setVisible(m_proxy->rowCount() == 0);
}

void AppsPage::openIndex(const QModelIndex &index)
{
    if (index.isValid())
        selectApp(index.data(AppListModel::ClientIdRole).toString());
}

void AppsPage::selectApp(const QString &clientId)
{
    const QString before = currentClientId();
    const int row = m_model->rowOf(clientId);
    if (row < 0 || !m_details->showApp(clientId))
        return;
    const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, 0));
    if (shown.isValid())
        m_table->selectRow(shown.row());
    m_stack->setCurrentWidget(m_details);
    if (before != clientId)
        emit currentAppChanged(clientId);
}

void AppsPage::showList()
{
    const bool changed = m_stack->currentWidget() != m_list;
    m_stack->setCurrentWidget(m_list);
    m_table->setFocus();
    if (changed)
        emit currentAppChanged(QString());
}

QString AppsPage::currentClientId() const
{
    return m_stack->currentWidget() == m_details ? m_details->clientId() : QString();
}

void AppsPage::focusFilter()
{
    showList();
    m_filter->setFocus();
    m_filter->selectAll();
}

CreateAppWizard *AppsPage::openCreateWizard()
{
    auto *wizard = new CreateAppWizard(m_session, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CreateAppWizard::appCreated, this, &AppsPage::selectApp);
    wizard->open();
    return wizard;
}

AppDetailsAsker &AppsPage::asker()
{
    return m_details->asker();
}

} // namespace wf::ui
