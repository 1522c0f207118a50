// The Environment panel: the local lab stack's services and proxies with their health,
// what is missing and how to get it, and buttons that start and stop the stack. It runs
// `chaoslab env status --json`, `env up` and `env down` as processes.
#pragma once

#include "environmentstatus.h"

#include <QTimer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace chaoslab::ui {

class EnvCommand;
class EnvironmentModel;

class EnvironmentPanel : public QWidget
{
    Q_OBJECT

public:
    // `program` is the chaoslab executable, normally the running console itself.
    explicit EnvironmentPanel(const QString& program, QWidget* parent = nullptr);

    EnvironmentModel* model() const { return m_model; }
    // Runs `env up` and `env down`; `env status` runs on its own, so the table keeps
    // updating while the stack starts.
    EnvCommand* stackCommand() const { return m_stackCommand; }
    // Arguments added to every env command, such as {"--dir", folder} in tests.
    void setExtraArguments(const QStringList& arguments);
    void setStateColors(const QColor& good, const QColor& warning, const QColor& error);
    // The Toxiproxy server the console works with. When the stack's API is another one, the
    // summary shows this and the command that starts the console on the stack's API.
    void setConsoleServer(const QUrl& url) { m_consoleServer = url; }

    void refresh();
    void startStack();
    void stopStack();

signals:
    // One line for the console's event log when the stack was started or stopped.
    void notice(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void handleFinished(
        const QString& subcommand, bool ok, const QByteArray& output, const QString& message);
    void showStatus(const EnvironmentStatus& status);
    void updateButtons();

    EnvCommand* m_statusCommand;
    EnvCommand* m_stackCommand;
    EnvironmentModel* m_model;
    QLabel* m_summary;
    QTableView* m_table;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_refresh;
    QPlainTextEdit* m_output;
    QTimer m_refreshTimer;
    QUrl m_consoleServer;
};

} // namespace chaoslab::ui
