// The "Probe charts" dock: the chart page, the probes that feed it and the change markers
// from the event log. The probe list is saved in the settings on every change and
// restored when the dock is built.
#pragma once

#include <QDockWidget>
#include <QPointer>

namespace chaoslab::ui {

class EventLogModel;
class ProbeBoard;
class ProbeChartPage;
class ProbesDialog;
class ProxyListModel;
class Settings;
class Theme;

class ProbeChartsDock : public QDockWidget
{
    Q_OBJECT

public:
    static constexpr const char* DemoProxyName = "demo_api";

    // `settings` must outlive the dock.
    ProbeChartsDock(
        ProxyListModel* proxies, EventLogModel* log, Settings* settings, QWidget* parent = nullptr);

    ProbeChartPage* page() const { return m_page; }
    ProbeBoard* board() const { return m_board; }

    void setLook(const Theme& theme, const QFont& font);
    // Adds an HTTP probe of GET /health through the demo_api proxy, unless a probe list
    // was ever saved (an empty saved list is the user's choice and stays empty).
    void addDemoProbeIfUnset();
    // Opens the probe list with Add, Edit and Remove.
    ProbesDialog* showProbesDialog();

private:
    void restoreProbes();
    void saveProbes();
    QMap<QString, QString> proxyAddresses() const;

    ProxyListModel* m_proxies;
    Settings* m_settings;
    ProbeBoard* m_board;
    ProbeChartPage* m_page;
    QPointer<ProbesDialog> m_dialog;
};

} // namespace chaoslab::ui
