#pragma once

// The Flows page of the workflows console: every flow of the workspace with its on/off switch,
// type, security level and newest execution, sortable and filterable; new, duplicate, rename and
// delete (with undo), import and export of a flow as JSON; opening a flow, its endpoint settings or
// its history is asked of the window through signals.

#include "flow/Flow.h"

#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace wf::ui {

class ConsoleSession;
class FlowListModel;

class FlowsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowsPage)

public:
    // The questions the page asks; the defaults show dialogs, tests answer them without any.
    struct Prompts {
        // The text typed, or nullopt when cancelled.
        std::function<std::optional<QString>(const QString &title, const QString &label, const QString &text)>
            askText;
        std::function<bool(const QString &title, const QString &question)> confirm;
        // A path, or empty when cancelled.
        std::function<QString(const QString &title, const QString &suggestedPath)> openFile;
        std::function<QString(const QString &title, const QString &suggestedPath)> saveFile;
    };

    explicit FlowsPage(ConsoleSession &session, QWidget *parent = nullptr);
    ~FlowsPage() override;

    const Prompts &prompts() const { return m_prompts; }
    void setPrompts(Prompts prompts);

    // Makes the flow the current row (clearing a filter that hides it); false when there is none.
    bool selectFlow(const QString &flowId);
    QString currentFlowId() const;
    FlowListModel *model() const { return m_model; }

    void newFlow();
    void duplicateFlow();
    void renameFlow();
    void deleteFlow();
    void undoDelete();
    void importFlow();
    void exportFlow();

signals:
    void openFlowRequested(const QString &flowId);
    void endpointSettingsRequested(const QString &flowId);
    void historyRequested(const QString &flowId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct DeletedFlow {
        Flow flow;
        qsizetype index = -1; // its place in the workspace
    };

    void buildTable();
    void buildActions();
    void connectActions();
    void connectViews();
    QWidget *buildMessageBars();
    bool makeCurrent(const QString &flowId); // without touching the filter
    void showContextMenu(const QPoint &position);
    void updateActions();
    void updateEmptyState();
    void showMessage(const QString &text, bool error);
    void hideMessage();
    void showUndo(const Flow &deleted);
    const Flow *currentFlow() const;
    QModelIndex proxyIndexOf(const QString &flowId, int column) const;
    bool addFlowAndSelect(Flow flow, bool keepFreeId, QString *addedId);

    ConsoleSession &m_session;
    Prompts m_prompts;
    FlowListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_message = nullptr;
    QLabel *m_messageText = nullptr;
    QWidget *m_undoBar = nullptr;
    QLabel *m_undoText = nullptr;
    QMenu *m_contextMenu = nullptr;
    QString m_rememberedFlowId; // the current flow, kept across model resets
    QString m_lastDirectory;    // of the last import or export
    std::optional<DeletedFlow> m_deleted;

    QAction *m_newAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_endpointAction = nullptr;
    QAction *m_historyAction = nullptr;
};

} // namespace wf::ui
