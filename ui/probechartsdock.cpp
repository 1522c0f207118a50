#include "probechartsdock.h"

#include "charts/eventmarkerfeed.h"
#include "charts/probechartpage.h"
#include "consolelog.h"
#include "messagebanner.h"
#include "probeboard.h"
#include "probesdialog.h"
#include "probespecjson.h"
#include "proxylistmodel.h"
#include "settings.h"

namespace chaoslab::ui {

ProbeChartsDock::ProbeChartsDock(
    ProxyListModel* proxies, EventLogModel* log, Settings* settings, QWidget* parent)
    : QDockWidget(tr("Probe charts"), parent)
    , m_proxies(proxies)
    , m_settings(settings)
    , m_board(new ProbeBoard(this))
    , m_page(new ProbeChartPage(this))
{
    setObjectName(QStringLiteral("probeChartsDock"));
    setWidget(m_page);
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
        | QDockWidget::DockWidgetFloatable);
    new EventMarkerFeed(log, m_page, this);

    m_board->setProxyModel(proxies);
    connect(m_board, &ProbeBoard::probeAdded, m_page, &ProbeChartPage::addProbe);
    connect(m_board, &ProbeBoard::probeChanged, m_page, &ProbeChartPage::setProbeLabel);
    connect(m_board, &ProbeBoard::probeRemoved, m_page, &ProbeChartPage::removeProbe);
    connect(m_board, &ProbeBoard::bucketClosed, m_page, &ProbeChartPage::addBucket);
    connect(
        m_page, &ProbeChartPage::manageProbesRequested, this, &ProbeChartsDock::showProbesDialog);
    restoreProbes();
    connect(m_board, &ProbeBoard::specsChanged, this, &ProbeChartsDock::saveProbes);
    m_page->setWindowMinutes(settings->value(Settings::chartWindowMinutes));
    connect(m_page, &ProbeChartPage::windowMinutesChanged, this,
        [this](int minutes) { m_settings->setValue(Settings::chartWindowMinutes, minutes); });
}

void ProbeChartsDock::setLook(const Theme& theme, const QFont& font)
{
    m_page->setLook(theme, font);
}

void ProbeChartsDock::restoreProbes()
{
    const QString saved = m_settings->value(Settings::probes);
    if (saved.isEmpty())
        return;
    QStringList errors;
    for (const auto& spec : probeSpecsFromJson(saved, &errors))
        m_board->addProbe(spec);
    for (const QString& error : errors)
        qCWarning(lcConsole).noquote() << "probe settings:" << error;
    if (!errors.isEmpty())
        m_page->banner()->showMessage(MessageBanner::Kind::Error,
            tr("Some saved probes could not be read and were left out: %1")
                .arg(errors.join(QStringLiteral("; "))));
}

void ProbeChartsDock::saveProbes()
{
    m_settings->setValue(Settings::probes, probeSpecsToJson(m_board->specs()));
}

void ProbeChartsDock::addDemoProbeIfUnset()
{
    if (!m_settings->value(Settings::probes).isEmpty() || m_board->rowCount() > 0)
        return;
    probes::ProbeSpec spec;
    spec.id = QLatin1String(DemoProxyName);
    spec.label = QLatin1String(DemoProxyName);
    spec.kind = probes::ProbeKind::Http;
    spec.proxy = QLatin1String(DemoProxyName);
    spec.path = QStringLiteral("/health");
    m_board->addProbe(spec);
}

QMap<QString, QString> ProbeChartsDock::proxyAddresses() const
{
    QMap<QString, QString> addresses;
    for (const auto& proxy : m_proxies->proxies())
        addresses.insert(proxy.name, proxy.listen);
    return addresses;
}

ProbesDialog* ProbeChartsDock::showProbesDialog()
{
    if (!m_dialog) {
        m_dialog = new ProbesDialog(
            m_board, [this] { return proxyAddresses(); }, this);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

} // namespace chaoslab::ui
