#include "editor/EventCardWidget.h"

#include "editor/OutputChip.h"
#include "editor/OutputScope.h"
#include "editor/ValueText.h"
#include "models/FlowListModel.h"

#include <QGridLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

QString titleOf(const Flow &flow)
{
    return flow.isHelper() ? EventCardWidget::tr("Helper Flow") : EventCardWidget::tr("API Endpoint");
}

QString subtitleOf(const Flow &flow)
{
    if (flow.isHelper())
        return EventCardWidget::tr("Event · called by Call Flow, For Each and Map");
    return EventCardWidget::tr("Event · %1").arg(FlowListModel::securityDisplayName(flow));
}

} // namespace

EventCardWidget::EventCardWidget(const Flow &flow, QWidget *parent)
    : CardFrame(eventCardId(), titleOf(flow), subtitleOf(flow),
                valuetext::categoryColour(QStringLiteral("Event")), parent)
{
    addOutputs(flow);
    if (flow.isHelper())
        return;
    auto *settings = new QToolButton(this);
    settings->setObjectName(QStringLiteral("endpointSettingsButton"));
    settings->setText(tr("Endpoint settings"));
    settings->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    settings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    settings->setAutoRaise(true);
    settings->setToolTip(
        tr("Security level, allowed app integrations, client token, Invoke and Resume URLs"));
    connect(settings, &QToolButton::clicked, this, &EventCardWidget::endpointSettingsClicked);
    contentLayout()->addWidget(settings, 0, Qt::AlignLeft);
}

EventCardWidget::~EventCardWidget() = default;

void EventCardWidget::addOutputs(const Flow &flow)
{
    const QColor accent = valuetext::categoryColour(QStringLiteral("Event"));
    QList<OutputRef> outputs = OutputScope::eventOutputs(flow);
    if (outputs.isEmpty()) {
        auto *hint = new QLabel(tr("No inputs declared yet: add them in the inspector."), this);
        hint->setStyleSheet(QStringLiteral("color: gray; font-style: italic;"));
        contentLayout()->addWidget(hint);
        return;
    }
    // Grouped by what comes before the first dot: body, query, headers on the left; raw and context
    // (always there) on the right.
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(1);
    int rows[2] = {0, 0};
    QString group;
    for (const OutputRef &output : outputs) {
        const QString head = flow.isHelper() ? QString() : output.output.section(QLatin1Char('.'), 0, 0);
        const QString name = flow.isHelper() ? output.output : output.output.section(QLatin1Char('.'), 1);
        const int column = head == QLatin1String("raw") || head == QLatin1String("context") ? 1 : 0;
        if (head != group && !head.isEmpty()) {
            group = head;
            auto *label = new QLabel(head.toUpper(), this);
            QFont small = label->font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            small.setBold(true);
            label->setFont(small);
            label->setStyleSheet(QStringLiteral("color: gray;"));
            grid->addWidget(label, rows[column]++, column);
        }
        auto *chip = new OutputChip(output.reference, name, output.type, accent, this);
        chip->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        grid->addWidget(chip, rows[column]++, column);
    }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    contentLayout()->addLayout(grid);
}

} // namespace wf::ui
