#include "pages/CataloguePage.h"

#include "engine/CardCatalogue.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

constexpr int kFunctionIdRole = Qt::UserRole + 1;

QString portsTable(const QList<PortSpec> &ports, bool dynamic, const QString &dynamicNote)
{
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='4' width='100%'>");
    for (const PortSpec &port : ports) {
        html += QStringLiteral("<tr><td><b>%1</b>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(port.name.toHtmlEscaped(), port.required ? QStringLiteral(" *") : QString(),
                         port.type.displayName().toHtmlEscaped(), port.description.toHtmlEscaped());
    }
    if (dynamic)
        html += QStringLiteral("<tr><td colspan='3'><i>%1</i></td></tr>").arg(dynamicNote.toHtmlEscaped());
    if (ports.isEmpty() && !dynamic)
        html += QStringLiteral("<tr><td><i>—</i></td></tr>");
    return html + QStringLiteral("</table>");
}

} // namespace

CataloguePage::CataloguePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cataloguePage"));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("cardFilter"));
    m_filter->setPlaceholderText(tr("Filter cards"));
    m_filter->setClearButtonEnabled(true);

    m_cards = new QTreeWidget(this);
    m_cards->setObjectName(QStringLiteral("cardTree"));
    m_cards->setHeaderLabels({tr("Card"), tr("Function id")});
    m_cards->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_cards);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("cardDetails"));

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 640});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_filter, &QLineEdit::textChanged, this, &CataloguePage::filterCatalogue);
    connect(m_cards, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (current)
            showCard(current->data(0, kFunctionIdRole).toString());
    });
    fillCatalogue();
}

CataloguePage::~CataloguePage() = default;

void CataloguePage::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void CataloguePage::fillCatalogue()
{
    QTreeWidgetItem *category = nullptr;
    for (const CardSpec &spec : CardCatalogue::builtIn().cards()) {
        if (!category || category->text(0) != spec.category) {
            category = new QTreeWidgetItem(m_cards, {spec.category});
            category->setFirstColumnSpanned(true);
            category->setExpanded(true);
            QFont bold = category->font(0);
            bold.setBold(true);
            category->setFont(0, bold);
        }
        auto *item = new QTreeWidgetItem(category, {spec.name, spec.functionId});
        item->setData(0, kFunctionIdRole, spec.functionId);
        item->setToolTip(0, spec.description);
    }
    if (m_cards->topLevelItemCount() > 0 && m_cards->topLevelItem(0)->childCount() > 0)
        m_cards->setCurrentItem(m_cards->topLevelItem(0)->child(0));
}

void CataloguePage::filterCatalogue(const QString &text)
{
    for (int i = 0; i < m_cards->topLevelItemCount(); ++i) {
        QTreeWidgetItem *category = m_cards->topLevelItem(i);
        bool anyVisible = false;
        for (int j = 0; j < category->childCount(); ++j) {
            QTreeWidgetItem *card = category->child(j);
            const bool visible = text.isEmpty() || card->text(0).contains(text, Qt::CaseInsensitive) ||
                                 card->text(1).contains(text, Qt::CaseInsensitive) ||
                                 category->text(0).contains(text, Qt::CaseInsensitive);
            card->setHidden(!visible);
            anyVisible = anyVisible || visible;
        }
        category->setHidden(!anyVisible);
    }
}

void CataloguePage::showCard(const QString &functionId)
{
    const CardSpec *spec = CardCatalogue::builtIn().find(functionId);
    if (!spec) {
        m_details->clear();
        return;
    }
    m_details->setHtml(
        QStringLiteral("<h2>%1</h2><p style='color:gray'>%2 · <code>%3</code></p><p>%4</p>"
                       "<h3>%5</h3>%6<h3>%7</h3>%8")
            .arg(spec->name.toHtmlEscaped(), spec->category.toHtmlEscaped(), spec->functionId,
                 spec->description.toHtmlEscaped(), tr("Inputs"),
                 portsTable(spec->inputs, spec->dynamicInputs, tr("…and the inputs the flow declares")),
                 tr("Outputs"),
                 portsTable(spec->outputs, spec->dynamicOutputs, tr("…and the outputs the flow declares"))));
}

} // namespace wf::ui
