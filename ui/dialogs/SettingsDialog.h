#pragma once

// The workspace's settings (host, port, public base URL, HTTPS certificate and key, body and rate
// limits, timeout, history retention) and the console's own (language, appearance). OK checks every
// field, shows what is wrong under the field and keeps what was typed; only a complete, valid set is
// saved, through ConsoleSession::edit(). A server that cannot take the change while running (host,
// port, certificate, body limit) is restarted on it.

#include <QDialog>
#include <QList>
#include <functional>
#include <utility>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace wf {
struct WorkspaceSettings;
}

namespace wf::ui {

class ConsoleSession;

class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // Asks for a file to open: (title, file shown now) -> the chosen path, empty when canceled.
    using FilePicker = std::function<QString(const QString &title, const QString &current)>;

    SettingsDialog(ConsoleSession &session, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Replaces the file dialog of the Browse buttons (tests).
    void setFilePicker(FilePicker picker);

    // Checks, saves and closes; stays open with the problems shown when something is wrong.
    void accept() override;

private:
    QWidget *buildServerGroup();
    QWidget *buildLimitsGroup();
    QWidget *buildConsoleGroup();
    QLineEdit *addField(QGridLayout *grid, const QString &name, const QString &label, const QString &unit);
    QLabel *addErrorRow(QGridLayout *grid, const QString &name);
    void browse(QLineEdit *edit, const QString &title);
    void showSettings();
    // The settings the fields describe, over the workspace's; false when a field is wrong (each
    // wrong field then shows why).
    bool readFields(WorkspaceSettings &settings);
    void readLimitFields(WorkspaceSettings &settings);
    void readTls(WorkspaceSettings &settings);
    void showError(QLineEdit *edit, const QString &message);
    bool hasErrors() const;
    void growToFit();
    void saveConsoleChoices();

    ConsoleSession &m_session;
    FilePicker m_pickFile;
    QList<std::pair<QLineEdit *, QLabel *>> m_fields; // every line edit and its problem, in order
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_publicBaseUrl = nullptr;
    QLineEdit *m_certificate = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_tlsError = nullptr;
    QLineEdit *m_bodyLimit = nullptr;
    QString m_bodyLimitShown; // the body limit as shown, to keep an unchanged odd size exact
    QLineEdit *m_rateLimit = nullptr;
    QLineEdit *m_timeout = nullptr;
    QLineEdit *m_historyRetention = nullptr;
    QLineEdit *m_pausedRetention = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_appearance = nullptr;
    QLabel *m_saveError = nullptr;
};

} // namespace wf::ui
