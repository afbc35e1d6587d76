#pragma once

// The execution history page: every execution of one flow or of all flows, newest first, filtered
// by status and by text found in the saved data, beside the details of the selected one. It updates
// while requests arrive (at most four refreshes a second, keeping the selection), shows the
// executions running now, and resumes paused executions, retries failed ones, cancels running ones
// and clears history. Resume and retry run as the org's owner, without credentials.

#include "store/ExecutionRecord.h"

#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace wf::ui {

class ConsoleSession;
class ExecutionDetails;
class HistoryModel;

class HistoryPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    // Asks for the JSON body of a resume, offering `suggested` (the Pause card's outputs with empty
    // values); nullopt when the user cancels. The body may be empty.
    using ResumeBodyAsker = std::function<std::optional<QByteArray>(const QString &suggested)>;
    // Asks a yes/no question; true for yes.
    using Confirmer = std::function<bool(const QString &question)>;

    explicit HistoryPage(ConsoleSession &session, QWidget *parent = nullptr);
    ~HistoryPage() override;

    // Shows the executions of `flowId` (every flow when empty).
    void showFlow(const QString &flowId);
    // Selects the execution, widening the filters and loading older pages when it is not listed.
    void showExecution(const QString &executionId);
    // Reads history again (F5).
    void refresh();

    // Dialog seams: tests answer instead of a modal dialog.
    void setResumeBodyAsker(ResumeBodyAsker asker);
    void setConfirmer(Confirmer confirmer);

    HistoryModel *model() const { return m_model; }
    ExecutionDetails *details() const { return m_details; }
    QString selectedExecutionId() const;

signals:
    // An action (resume, retry, cancel, clear) ended; `message` says how (also shown on the page).
    void actionFinished(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildFilters();
    QWidget *buildList();
    // The dialogs, the server, the session, the model and the details pane.
    void connectParts();
    void fillFlowFilter();
    void applyFilter();
    void scheduleRefresh();
    void pollRunning();
    void updateServerState();
    void updateFooter();
    void selectRow(int row);
    void currentRowChanged();
    void reloadDetails();
    void selectPendingExecution();
    void showPendingExecution(const ExecutionRecord &record);
    void resumeSelected();
    void retrySelected();
    void cancelSelected();
    void clearHistory();
    void finishAction(const QString &message);
    void showMessage(const QString &message);
    QString suggestedResumeBody(const ExecutionRecord &record) const;

    ConsoleSession &m_session;
    HistoryModel *m_model = nullptr;
    ExecutionDetails *m_details = nullptr;
    QComboBox *m_flowFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_clear = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_loadMore = nullptr;
    QLabel *m_message = nullptr;
    QSplitter *m_splitter = nullptr;
    QTimer *m_searchDelay = nullptr;  // debounces typing in the search field
    QTimer *m_refreshDelay = nullptr; // coalesces live refreshes (at most four a second)
    QTimer *m_runningPoll = nullptr;  // the executions running now, while the page is shown
    QString m_pendingSelection;       // asked for by showExecution, not listed yet
    quint64 m_detailsGeneration = 0;  // a newer selection makes older detail loads stale
    ResumeBodyAsker m_askResumeBody;
    Confirmer m_confirm;
};

} // namespace wf::ui
