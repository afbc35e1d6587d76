#include "pages/AppDetailsAsker.h"

#include <QMessageBox>
#include <QPushButton>

namespace wf::ui {

void AppDetailsAsker::ask(QWidget *parent, const Question &question, std::function<void()> accepted) const
{
    if (m_answer) {
        if (m_answer(question))
            accepted();
        return;
    }
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("confirmationDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(question.destructive ? QMessageBox::Warning : QMessageBox::Question);
    box->setWindowTitle(question.title);
    box->setText(question.text);
    box->setInformativeText(question.details);
    QPushButton *accept = box->addButton(question.acceptLabel, QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("confirmAccept"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("confirmCancel"));
    // Enter must not do something that cannot be undone.
    box->setDefaultButton(question.destructive ? cancel : accept);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, accept, accepted = std::move(accepted)] {
        if (box->clickedButton() == accept)
            accepted();
    });
    box->open();
}

} // namespace wf::ui
