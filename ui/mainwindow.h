// The console window. It only assembles the parts: the topology in the centre, the proxy
// list on the left, the toxic controls on the right, the event log at the bottom, the
// toolbar with "Reset all", the menus and the status bar. It also applies the theme.
//
// The window takes the client and monitor from its creator, which decides which server
// to talk to (and may start the built-in engine first), and names that server's kind.
#pragma once

#include "connectionstatus.h"
#include "theme.h"

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QDockWidget;
class QItemSelectionModel;
class QLabel;

namespace chaoslab::toxiproxy {
class ServerMonitor;
class ToxiproxyClient;
} // namespace chaoslab::toxiproxy

namespace chaoslab::ui {

class EventLogModel;
class EnvironmentPanel;
class ExperimentPanel;
class LabPlayerPanel;
class MessageBanner;
class ProbeChartsDock;
class ProxyActions;
class ProxyListModel;
class ProxyListPanel;
class Settings;
class ToxicControlsView;
class TopologyScene;
class TopologyView;

struct ConsoleServer
{
    toxiproxy::ToxiproxyClient* client = nullptr;
    toxiproxy::ServerMonitor* monitor = nullptr;
    ServerKind kind = ServerKind::Toxiproxy;
};

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `settings` must outlive the window. The monitor must be started by the caller.
    MainWindow(const ConsoleServer& server, Settings* settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    ProxyListModel* proxyModel() const { return m_proxyModel; }
    QItemSelectionModel* selection() const { return m_selection; }
    EventLogModel* eventLog() const { return m_eventLog; }
    ProxyActions* proxyActions() const { return m_actions; }
    TopologyScene* topology() const { return m_scene; }
    ToxicControlsView* toxicControls() const { return m_controls; }
    ConnectionStatus* connectionStatus() const { return m_status; }
    MessageBanner* banner() const { return m_banner; }
    ProxyListPanel* proxyList() const { return m_proxyList; }
    ProbeChartsDock* probeCharts() const { return m_charts; }
    LabPlayerPanel* labPlayer() const { return m_labPlayer; }
    ExperimentPanel* experimentPanel() const { return m_experimentPanel; }
    EnvironmentPanel* environmentPanel() const { return m_environmentPanel; }

    // Selects the proxy everywhere: list, topology and toxic controls.
    void selectProxy(const QString& name);
    QString selectedProxy() const;

    // Shows the lab panel and starts the lab with this id or file; a lab that cannot be
    // found is reported in the banner.
    void startLab(const QString& idOrFile);

    void setPresenterMode(bool presenter);
    void setThemeName(Theme::Name name);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildCentre();
    void buildDocks();
    void buildLabPlayer(QDockWidget* besides);
    void buildExperimentPanel(QDockWidget* besides);
    void buildEnvironmentPanel(QDockWidget* besides);
    void buildToolBar();
    void buildMenus();
    void buildViewMenu();
    void connectSelection();
    void handleSelectionChanged();
    void applyAppearance();
    void applyDefaultLayout();
    void arrangeDocks();
    void restoreSettings();
    void showShortcuts();
    void showTransientMessage(const QString& message);

    ConsoleServer m_server;
    Settings* m_settings;
    QFont m_normalFont;
    Theme::Name m_themeName = Theme::Name::Light;
    bool m_presenter = false;
    bool m_arrangeDocksOnShow = false;
    QString m_pendingSelection;

    ProxyListModel* m_proxyModel;
    QItemSelectionModel* m_selection;
    EventLogModel* m_eventLog;
    ProxyActions* m_actions;
    TopologyScene* m_scene = nullptr;
    TopologyView* m_view = nullptr;
    MessageBanner* m_banner = nullptr;
    QLabel* m_legend = nullptr;
    ConnectionStatus* m_status = nullptr;
    ProxyListPanel* m_proxyList = nullptr;
    ToxicControlsView* m_controls = nullptr;
    ProbeChartsDock* m_charts = nullptr;
    LabPlayerPanel* m_labPlayer = nullptr;
    ExperimentPanel* m_experimentPanel = nullptr;
    EnvironmentPanel* m_environmentPanel = nullptr;
    bool m_labJournalsRestored = false;
    QAction* m_presenterAction = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QMenu* m_viewMenu = nullptr;
};

} // namespace chaoslab::ui
