#include "environmentpanel.h"

#include "envcommand.h"
#include "environmentmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace std::chrono_literals;
using namespace Qt::Literals::StringLiterals;

namespace chaoslab::ui {

namespace {

// RabbitMQ alone can take a minute to start on a busy laptop.
constexpr auto upTimeout = 300s;
constexpr auto downTimeout = 120s;
constexpr auto statusTimeout = 20s;
constexpr auto refreshInterval = 5s;

// Returns whether two API addresses name the same server; "localhost" is 127.0.0.1, as the
// stack binds it.
bool sameServer(const QUrl& left, const QUrl& right)
{
    const auto host = [](const QUrl& url) {
        return url.host() == u"localhost" ? QStringLiteral("127.0.0.1") : url.host();
    };
    return host(left) == host(right) && left.port(80) == right.port(80);
}

} // namespace

EnvironmentPanel::EnvironmentPanel(const QString& program, QWidget* parent)
    : QWidget(parent)
    , m_statusCommand(new EnvCommand(program, { QStringLiteral("env") }, this))
    , m_stackCommand(new EnvCommand(program, { QStringLiteral("env") }, this))
    , m_model(new EnvironmentModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_start(new QPushButton(tr("Start local stack"), this))
    , m_stop(new QPushButton(tr("Stop local stack"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_output(new QPlainTextEdit(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Checking the lab stack…"));

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("environmentTable"));
    m_table->setAccessibleName(tr("Services and proxies of the lab stack"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(
        EnvironmentModel::DetailColumn, QHeaderView::Stretch);

    m_start->setToolTip(tr("Starts MariaDB, RabbitMQ, Redis, PostgreSQL, the built-in engine "
                           "with the lab's proxies, the demo HTTP service and the order system "
                           "on this computer, without Docker."));
    m_stop->setToolTip(tr("Stops exactly what \"Start local stack\" started. Data is kept."));

    m_output->setReadOnly(true);
    m_output->setAccessibleName(tr("Output of the lab stack commands"));
    m_output->setMaximumBlockCount(500);
    m_output->setPlaceholderText(tr("Output of starting and stopping the stack appears here."));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch();
    buttons->addWidget(m_refresh);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 3);
    layout->addLayout(buttons);
    layout->addWidget(m_output, 1);

    connect(m_start, &QPushButton::clicked, this, &EnvironmentPanel::startStack);
    connect(m_stop, &QPushButton::clicked, this, &EnvironmentPanel::stopStack);
    connect(m_refresh, &QPushButton::clicked, this, &EnvironmentPanel::refresh);
    connect(m_stackCommand, &EnvCommand::outputLine, this, [this](const QString& line) {
        m_output->appendPlainText(line);
        // appendPlainText() follows the end only while the view is already there.
        m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
    });
    connect(m_stackCommand, &EnvCommand::finished, this, &EnvironmentPanel::handleFinished);
    connect(m_statusCommand, &EnvCommand::finished, this, &EnvironmentPanel::handleFinished);
    m_refreshTimer.setInterval(refreshInterval);
    connect(&m_refreshTimer, &QTimer::timeout, this, &EnvironmentPanel::refresh);
    updateButtons();
}

void EnvironmentPanel::setExtraArguments(const QStringList& arguments)
{
    m_statusCommand->setExtraArguments(arguments);
    m_stackCommand->setExtraArguments(arguments);
}

void EnvironmentPanel::setStateColors(
    const QColor& good, const QColor& warning, const QColor& error)
{
    m_model->setStateColors(good, warning, error);
}

void EnvironmentPanel::refresh()
{
    // A refresh while the last one still runs is dropped; the timer requests a new one soon.
    m_statusCommand->run(QStringLiteral("status"), { QStringLiteral("--json") }, statusTimeout);
}

void EnvironmentPanel::startStack()
{
    m_output->appendPlainText(tr("$ %1").arg(m_stackCommand->commandLine(QStringLiteral("up"))));
    if (m_stackCommand->run(QStringLiteral("up"), {}, upTimeout))
        m_summary->setText(tr("Starting the local stack… this can take a minute."));
    updateButtons();
}

void EnvironmentPanel::stopStack()
{
    m_output->appendPlainText(tr("$ %1").arg(m_stackCommand->commandLine(QStringLiteral("down"))));
    if (m_stackCommand->run(QStringLiteral("down"), {}, downTimeout))
        m_summary->setText(tr("Stopping the local stack…"));
    updateButtons();
}

void EnvironmentPanel::handleFinished(
    const QString& subcommand, bool ok, const QByteArray& output, const QString& message)
{
    if (subcommand == u"status") {
        QString error;
        const auto status = ok ? EnvironmentStatus::fromJson(output, &error) : std::nullopt;
        if (status)
            showStatus(*status);
        else
            m_summary->setText(
                (ok ? tr("Could not read the stack's status (%1).").arg(error) : message)
                    .toHtmlEscaped());
    } else {
        const QString text = ok
            ? (subcommand == u"up" ? tr("Local stack started.") : tr("Local stack stopped."))
            : message;
        m_output->appendPlainText(text);
        emit notice(text);
        refresh();
    }
    updateButtons();
}

void EnvironmentPanel::showStatus(const EnvironmentStatus& status)
{
    m_model->setStatus(status);
    QString engine;
    if (status.engine == u"started")
        engine = tr("the built-in engine started by the local stack");
    else if (status.engine == u"external")
        engine = tr("a Toxiproxy server that the local stack did not start");
    else
        engine = tr("nothing (no Toxiproxy server answers)");
    // Rich text, so that the command gets a line of its own and never wraps at its hyphens.
    QString summary = tr("Toxiproxy API %1: %2. Data folder: %3")
                          .arg(status.apiUrl, engine, status.folder)
                          .toHtmlEscaped();
    const QUrl stackServer(status.apiUrl);
    if (m_consoleServer.isValid() && stackServer.isValid()
        && !sameServer(m_consoleServer, stackServer)) {
        const QString command = u"chaoslab --toxiproxy "_s + status.apiUrl;
        summary += u"<br>"_s
            + tr("This window works with the Toxiproxy server at %1, so the stack's proxies do "
                 "not appear under Proxies. To work with them, start the console with:")
                  .arg(m_consoleServer.toString())
                  .toHtmlEscaped()
            + u"<br><code>"_s + command.toHtmlEscaped() + u"</code>"_s;
    }
    m_summary->setText(summary);
}

void EnvironmentPanel::updateButtons()
{
    const bool busy = m_stackCommand->isRunning();
    m_start->setEnabled(!busy);
    m_stop->setEnabled(!busy);
}

void EnvironmentPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
    m_refreshTimer.start();
}

void EnvironmentPanel::hideEvent(QHideEvent* event)
{
    m_refreshTimer.stop();
    QWidget::hideEvent(event);
}

} // namespace chaoslab::ui
