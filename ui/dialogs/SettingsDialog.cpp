#include "dialogs/SettingsDialog.h"

#include "ConsoleSession.h"
#include "Theme.h"
#include "server/WorkspaceServer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <optional>

namespace wf::ui {
namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr int kNumberWidth = 140;

// Numbers are read in the user's locale ("0,5" in French) and in the C locale ("0.5") alike.
std::optional<double> readNumber(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    double value = QLocale().toDouble(trimmed, &ok);
    if (!ok)
        value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<qint64> readWhole(const QString &text, qint64 min, qint64 max)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    qint64 value = QLocale().toLongLong(trimmed, &ok);
    if (!ok)
        value = QLocale::c().toLongLong(trimmed, &ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

QString showNumber(double value)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value, 'g', QLocale::FloatingPointShortest);
}

// The language codes of "ui/language" (empty: the system's), with each language's own name.
struct Language {
    const char *code;
    const char16_t *name;
};
constexpr Language kLanguages[] = {{"en", u"English"}, {"fr", u"Français"}, {"ja", u"日本語"}};

} // namespace

SettingsDialog::SettingsDialog(ConsoleSession &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_pickFile = [this](const QString &title, const QString &current) {
        const QDir workspace(m_session.workspace().dir());
        const QString start = current.isEmpty() ? workspace.path() : workspace.filePath(current);
        return QFileDialog::getOpenFileName(this, title, start,
                                            tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    };

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildServerGroup());
    layout->addWidget(buildLimitsGroup());
    layout->addWidget(buildConsoleGroup());
    m_saveError = new QLabel(this);
    m_saveError->setObjectName(QStringLiteral("saveError"));
    m_saveError->setWordWrap(true);
    m_saveError->hide();
    layout->addWidget(m_saveError);
    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);

    // Problems are drawn in a red that reads on the palette in use.
    QPalette problem = palette();
    problem.setColor(QPalette::WindowText, palette().color(QPalette::Window).lightness() < 128
                                               ? QColor(0xff, 0x8a, 0x80)
                                               : QColor(0xc6, 0x28, 0x28));
    for (const auto &[edit, label] : std::as_const(m_fields))
        label->setPalette(problem);
    m_tlsError->setPalette(problem);
    m_saveError->setPalette(problem);

    showSettings();
    resize(sizeHint().expandedTo(QSize(620, 0)));
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setFilePicker(FilePicker picker)
{
    m_pickFile = std::move(picker);
}

QWidget *SettingsDialog::buildServerGroup()
{
    auto *group = new QGroupBox(tr("Server"), this);
    auto *grid = new QGridLayout(group);
    grid->setColumnStretch(1, 1);
    m_host = addField(grid, QStringLiteral("host"), tr("&Host:"), QString());
    m_host->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_host->setToolTip(tr("127.0.0.1 serves this computer only; 0.0.0.0 serves every network."));
    m_port = addField(grid, QStringLiteral("port"), tr("&Port:"), QString());
    m_port->setMaximumWidth(kNumberWidth);
    m_publicBaseUrl = addField(grid, QStringLiteral("publicBaseUrl"), tr("Public &base URL:"), QString());
    m_publicBaseUrl->setPlaceholderText(tr("Empty: made of the host and the port"));
    m_publicBaseUrl->setToolTip(tr("The address callers use, when it is not the host and port served "
                                   "(behind a proxy). Every URL shown and the token issuer derive from it."));

    m_certificate = addField(grid, QStringLiteral("tlsCertificate"), tr("TLS &certificate:"), QString());
    m_certificate->setPlaceholderText(tr("None: plain HTTP"));
    m_key = addField(grid, QStringLiteral("tlsKey"), tr("TLS private &key:"), QString());
    m_key->setPlaceholderText(tr("The certificate's unencrypted PEM key"));
    const std::pair<QLineEdit *, QString> pickers[] = {
        {m_certificate, tr("Choose the TLS certificate (PEM)")},
        {m_key, tr("Choose the TLS private key (PEM)")},
    };
    for (const auto &[edit, title] : pickers) {
        auto *button = new QPushButton(tr("Browse..."), group);
        button->setObjectName(edit->objectName() + QStringLiteral("Browse"));
        button->setAutoDefault(false);
        int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
        grid->getItemPosition(grid->indexOf(edit), &row, &column, &rowSpan, &columnSpan);
        grid->addWidget(button, row, 2);
        connect(button, &QPushButton::clicked, this,
                [this, edit = edit, title = title] { browse(edit, title); });
    }
    m_tlsError = addErrorRow(grid, QStringLiteral("tlsError"));

    auto *note =
        new QLabel(tr("Changing the host, port, certificate or body limit restarts the server."), group);
    note->setObjectName(QStringLiteral("restartNote"));
    note->setWordWrap(true);
    note->setEnabled(false); // drawn as a hint
    grid->addWidget(note, grid->rowCount(), 0, 1, 3);
    return group;
}

QWidget *SettingsDialog::buildLimitsGroup()
{
    auto *group = new QGroupBox(tr("Limits and history"), this);
    auto *grid = new QGridLayout(group);
    grid->setColumnStretch(2, 1);
    m_bodyLimit = addField(grid, QStringLiteral("bodyLimit"), tr("Request &body limit:"), tr("MiB"));
    m_rateLimit = addField(grid, QStringLiteral("rateLimit"), tr("&Rate limit:"),
                           tr("calls per second per flow (0: no limit)"));
    m_timeout = addField(grid, QStringLiteral("timeout"), tr("&Timeout:"), tr("seconds"));
    m_historyRetention =
        addField(grid, QStringLiteral("historyRetention"), tr("Keep &history for:"), tr("days"));
    m_pausedRetention =
        addField(grid, QStringLiteral("pausedRetention"), tr("Keep pa&used executions for:"), tr("days"));
    for (QLineEdit *edit : {m_bodyLimit, m_rateLimit, m_timeout, m_historyRetention, m_pausedRetention})
        edit->setMaximumWidth(kNumberWidth);
    return group;
}

QWidget *SettingsDialog::buildConsoleGroup()
{
    auto *group = new QGroupBox(tr("Console"), this);
    auto *grid = new QGridLayout(group);
    grid->setColumnStretch(2, 1);

    m_language = new QComboBox(group);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    for (const Language &language : kLanguages)
        m_language->addItem(QString::fromUtf16(language.name), QString::fromLatin1(language.code));
    auto *languageLabel = new QLabel(tr("&Language:"), group);
    languageLabel->setBuddy(m_language);
    auto *restart = new QLabel(tr("Applied the next time the console starts."), group);
    restart->setObjectName(QStringLiteral("languageNote"));
    restart->setEnabled(false);
    grid->addWidget(languageLabel, 0, 0);
    grid->addWidget(m_language, 0, 1);
    grid->addWidget(restart, 0, 2);

    m_appearance = new QComboBox(group);
    m_appearance->setObjectName(QStringLiteral("appearance"));
    m_appearance->addItem(tr("Follow the system"), int(Theme::Choice::System));
    m_appearance->addItem(tr("Light"), int(Theme::Choice::Light));
    m_appearance->addItem(tr("Dark"), int(Theme::Choice::Dark));
    auto *appearanceLabel = new QLabel(tr("&Appearance:"), group);
    appearanceLabel->setBuddy(m_appearance);
    grid->addWidget(appearanceLabel, 1, 0);
    grid->addWidget(m_appearance, 1, 1);
    return group;
}

// A labelled line edit (with its unit after it) and, under it, the row where its problem shows.
QLineEdit *SettingsDialog::addField(QGridLayout *grid, const QString &name, const QString &label,
                                    const QString &unit)
{
    auto *owner = grid->parentWidget();
    auto *edit = new QLineEdit(owner);
    edit->setObjectName(name);
    auto *caption = new QLabel(label, owner);
    caption->setBuddy(edit);
    const int row = grid->rowCount();
    grid->addWidget(caption, row, 0);
    grid->addWidget(edit, row, 1);
    if (!unit.isEmpty())
        grid->addWidget(new QLabel(unit, owner), row, 2);
    m_fields.append({edit, addErrorRow(grid, name + QStringLiteral("Error"))});
    return edit;
}

QLabel *SettingsDialog::addErrorRow(QGridLayout *grid, const QString &name)
{
    auto *error = new QLabel(grid->parentWidget());
    error->setObjectName(name);
    error->setWordWrap(true);
    error->hide();
    grid->addWidget(error, grid->rowCount(), 1, 1, 2);
    return error;
}

void SettingsDialog::browse(QLineEdit *edit, const QString &title)
{
    const QString chosen = m_pickFile(title, edit->text().trimmed());
    if (!chosen.isEmpty())
        edit->setText(QDir::toNativeSeparators(chosen));
}

void SettingsDialog::showSettings()
{
    const WorkspaceSettings &settings = m_session.workspace().settings();
    m_host->setText(settings.host);
    m_port->setText(QString::number(settings.port));
    m_publicBaseUrl->setText(settings.publicBaseUrl);
    m_certificate->setText(settings.tlsCertificatePath);
    m_key->setText(settings.tlsKeyPath);
    m_bodyLimitShown = showNumber(double(settings.bodyLimitBytes) / double(kMiB));
    m_bodyLimit->setText(m_bodyLimitShown);
    m_rateLimit->setText(showNumber(settings.rateLimitPerSecond));
    m_timeout->setText(QString::number(settings.timeoutSeconds));
    m_historyRetention->setText(QString::number(settings.historyRetentionDays));
    m_pausedRetention->setText(QString::number(settings.pausedRetentionDays));

    const QSettings console;
    const int language = m_language->findData(console.value(QStringLiteral("ui/language")).toString());
    m_language->setCurrentIndex(qMax(0, language));
    m_appearance->setCurrentIndex(qMax(0, m_appearance->findData(int(Theme::savedChoice()))));
}

void SettingsDialog::showError(QLineEdit *edit, const QString &message)
{
    for (const auto &[field, label] : std::as_const(m_fields)) {
        if (field == edit) {
            label->setText(message);
            label->show();
        }
    }
}

bool SettingsDialog::hasErrors() const
{
    return !m_tlsError->isHidden() || std::any_of(m_fields.cbegin(), m_fields.cend(), [](const auto &field) {
        return !field.second->isHidden();
    });
}

bool SettingsDialog::readFields(WorkspaceSettings &settings)
{
    const QString host = m_host->text().trimmed();
    if (QHostAddress(host).isNull())
        showError(m_host, tr("Enter an IP address to listen on, such as 127.0.0.1 (this computer only), "
                             "0.0.0.0 (every network) or ::1."));
    else
        settings.host = host;
    if (const auto port = readWhole(m_port->text(), 1, 65535))
        settings.port = static_cast<quint16>(*port);
    else
        showError(m_port, tr("Enter a port from 1 to 65535."));
    const QString base = m_publicBaseUrl->text().trimmed();
    const QUrl url(base, QUrl::StrictMode);
    if (!base.isEmpty() &&
        (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
         (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))))
        showError(m_publicBaseUrl, tr("Enter an http:// or https:// address without a query, such as "
                                      "https://flows.example.com, or leave it empty."));
    else
        settings.publicBaseUrl = base;
    readLimitFields(settings);
    readTls(settings);
    return !hasErrors();
}

void SettingsDialog::readLimitFields(WorkspaceSettings &settings)
{
    // An unchanged body limit keeps its exact size in bytes (it may be no whole number of MiB).
    const auto mebibytes = readNumber(m_bodyLimit->text());
    if (m_bodyLimit->text().trimmed() != m_bodyLimitShown) {
        if (mebibytes && *mebibytes > 0 && *mebibytes <= 1024 * 1024)
            settings.bodyLimitBytes = qMax<qint64>(1, std::llround(*mebibytes * double(kMiB)));
        else
            showError(m_bodyLimit, tr("Enter a size in MiB greater than 0, such as 10 or 0.5."));
    }
    const auto rate = readNumber(m_rateLimit->text());
    if (rate && *rate >= 0 && *rate <= 1e6)
        settings.rateLimitPerSecond = *rate;
    else
        showError(m_rateLimit,
                  tr("Enter a number of calls per second, 0 or more (0 switches the limit off)."));
    if (const auto timeout = readWhole(m_timeout->text(), 1, 86400))
        settings.timeoutSeconds = int(*timeout);
    else
        showError(m_timeout, tr("Enter a number of seconds from 1 to 86400."));
    const std::pair<QLineEdit *, int *> retentions[] = {{m_historyRetention, &settings.historyRetentionDays},
                                                        {m_pausedRetention, &settings.pausedRetentionDays}};
    for (const auto &[edit, days] : retentions) {
        if (const auto value = readWhole(edit->text(), 1, 36500))
            *days = int(*value);
        else
            showError(edit, tr("Enter a number of days from 1 to 36500."));
    }
}

// The certificate and key are checked by loading them as the server will (relative paths are in the
// workspace folder), so that a server restart does not fail on them.
void SettingsDialog::readTls(WorkspaceSettings &settings)
{
    const QString certificate = m_certificate->text().trimmed();
    const QString key = m_key->text().trimmed();
    if (certificate.isEmpty() != key.isEmpty()) {
        m_tlsError->setText(tr("Choose both the certificate and its private key, or neither."));
        m_tlsError->show();
        return;
    }
    if (!certificate.isEmpty()) {
        const QDir workspace(m_session.workspace().dir());
        const auto loaded =
            server::loadTlsConfiguration(workspace.filePath(QDir::fromNativeSeparators(certificate)),
                                         workspace.filePath(QDir::fromNativeSeparators(key)));
        if (!loaded) {
            m_tlsError->setText(
                tr("This certificate and key cannot be used: %1").arg(loaded.error().message));
            m_tlsError->show();
            return;
        }
    }
    settings.tlsCertificatePath = QDir::fromNativeSeparators(certificate);
    settings.tlsKeyPath = QDir::fromNativeSeparators(key);
}

void SettingsDialog::accept()
{
    for (const auto &[edit, label] : std::as_const(m_fields))
        label->hide();
    m_tlsError->hide();
    m_saveError->hide();

    const WorkspaceSettings before = m_session.workspace().settings();
    WorkspaceSettings settings = before;
    if (!readFields(settings)) {
        for (const auto &[edit, label] : std::as_const(m_fields)) {
            if (!label->isHidden()) {
                edit->setFocus();
                break;
            }
        }
        growToFit();
        return;
    }
    const auto saved = m_session.edit(ConsoleSession::Change::Settings, [&settings](Workspace &workspace) {
        workspace.settings() = settings;
        return Result<bool>(true);
    });
    if (!saved) {
        m_saveError->setText(tr("The settings could not be saved: %1").arg(saved.error().message));
        m_saveError->show();
        growToFit();
        return;
    }
    saveConsoleChoices();

    const bool portChanged = settings.port != before.port;
    if (portChanged || settings.host != before.host || settings.bodyLimitBytes != before.bodyLimitBytes ||
        settings.tlsCertificatePath != before.tlsCertificatePath || settings.tlsKeyPath != before.tlsKeyPath)
        m_session.restartServer(portChanged ? std::optional<quint16>(settings.port) : std::nullopt);
    QDialog::accept();
}

// A window does not grow by itself for wrapped text (a long path in a message): made as tall as its
// contents need at its width, so that no message is cut.
void SettingsDialog::growToFit()
{
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void SettingsDialog::saveConsoleChoices()
{
    QSettings().setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    const auto choice = static_cast<Theme::Choice>(m_appearance->currentData().toInt());
    if (Theme *theme = Theme::instance())
        theme->setChoice(choice);
    else
        Theme::saveChoice(choice);
}

} // namespace wf::ui
