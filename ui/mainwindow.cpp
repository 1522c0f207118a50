#include "mainwindow.h"

#include "charts/probechartpage.h"
#include "environment/environmentpanel.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "experiment/experimentpanel.h"
#include "lab/labplayerpanel.h"
#include "messagebanner.h"
#include "probechartsdock.h"
#include "proxyactions.h"
#include "proxyitemdelegate.h"
#include "proxylistmodel.h"
#include "proxylistpanel.h"
#include "servereventfeed.h"
#include "settings.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "toxiccontrolsview.h"

#include "toxiproxy/servermonitor.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QShowEvent>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace chaoslab::ui {

namespace {

// Focuses `widget`, or the first control inside it in tab order.
void focusFirstControl(QWidget* widget)
{
    if (widget->focusPolicy() & Qt::TabFocus) {
        widget->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    for (auto* next = widget->nextInFocusChain(); next != widget; next = next->nextInFocusChain()) {
        if (widget->isAncestorOf(next) && next->isVisible()
            && (next->focusPolicy() & Qt::TabFocus)) {
            next->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

} // namespace

MainWindow::MainWindow(const ConsoleServer& server, Settings* settings, QWidget* parent)
    : QMainWindow(parent)
    , m_server(server)
    , m_settings(settings)
    , m_normalFont(QApplication::font())
    , m_proxyModel(new ProxyListModel(this))
    , m_selection(new QItemSelectionModel(m_proxyModel, this))
    , m_eventLog(new EventLogModel(this))
    , m_actions(new ProxyActions(server.client, server.monitor, m_proxyModel, m_eventLog, this))
{
    setWindowTitle(tr("Chaos Lab"));
    m_proxyModel->setMonitor(server.monitor);
    new ServerEventFeed(server.monitor, m_eventLog, this);

    buildCentre();
    buildDocks();
    buildToolBar();
    buildMenus();
    connectSelection();

    m_status = new ConnectionStatus(server.monitor, server.client, server.kind, m_banner, this);
    statusBar()->addPermanentWidget(m_status->statusLabel(), 1);
    connect(m_actions, &ProxyActions::errorOccurred, this, &MainWindow::showTransientMessage);
    connect(
        m_actions, &ProxyActions::resetStarted, m_controls, &ToxicControlsView::forgetServerState);
    connect(m_actions, &ProxyActions::resetFinished, m_controls, &ToxicControlsView::finishReset);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildCentre()
{
    m_scene = new TopologyScene(m_proxyModel, this);
    m_view = new TopologyView(m_scene);
    m_view->setEmptyText(tr("No proxies on the server yet.\nCreate one with Proxy ▸ New proxy "
                            "(Ctrl+N), or with toxiproxy-cli create."));
    m_banner = new MessageBanner;
    m_legend = new QLabel;
    m_legend->setAccessibleName(tr("Legend"));
    // Wrapping lets the centre shrink in presenter mode instead of widening the window.
    m_legend->setWordWrap(true);

    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_legend);
    layout->addWidget(m_view, 1);
    setCentralWidget(centre);
}

void MainWindow::buildDocks()
{
    const auto addDock = [this](const QString& title, const QString& name, QWidget* content,
                             Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
            | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, dock);
        return dock;
    };
    m_proxyList = new ProxyListPanel(m_proxyModel, m_selection, m_actions);
    addDock(tr("Proxies"), QStringLiteral("proxiesDock"), m_proxyList, Qt::LeftDockWidgetArea);

    m_controls = new ToxicControlsView(m_server.client, m_server.monitor, m_eventLog);
    auto* toxics
        = addDock(tr("Toxics"), QStringLiteral("toxicsDock"), m_controls, Qt::RightDockWidgetArea);
    // Narrower than this, the sliders get too short to drag with any precision.
    toxics->setMinimumWidth(fontMetrics().averageCharWidth() * 40);

    // Under the toxic controls the log is as wide as they are, enough to read its lines.
    // Beside the charts it got only the width their controls left over, about 80 pixels.
    auto* log = new EventLogView(m_eventLog);
    auto* logDock
        = addDock(tr("Event log"), QStringLiteral("eventLogDock"), log, Qt::RightDockWidgetArea);
    splitDockWidget(toxics, logDock, Qt::Vertical);
    m_charts = new ProbeChartsDock(m_proxyModel, m_eventLog, m_settings, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_charts);
    buildLabPlayer(toxics);
    buildExperimentPanel(qobject_cast<QDockWidget*>(m_labPlayer->parentWidget()));
    buildEnvironmentPanel(qobject_cast<QDockWidget*>(m_labPlayer->parentWidget()));
    toxics->raise();
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

void MainWindow::buildLabPlayer(QDockWidget* besides)
{
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    m_labPlayer = new LabPlayerPanel(m_server.client, m_server.monitor, dataFolder,
        { QString::fromLatin1(lab::BundledLabFolder),
            QDir(dataFolder).filePath(QStringLiteral("labs")) });
    auto* dock = new QDockWidget(tr("Lab"), this);
    dock->setObjectName(QStringLiteral("labDock"));
    dock->setWidget(m_labPlayer);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    tabifyDockWidget(besides, dock);
    besides->raise();

    connect(m_labPlayer, &LabPlayerPanel::labEvent, this, [this](const QString& label) {
        m_charts->page()->addMarker(QDateTime::currentDateTime(), label);
    });
    connect(m_labPlayer, &LabPlayerPanel::notice, this, [this](const QString& message) {
        m_eventLog->append({ QDateTime::currentDateTime(), EventLogEntry::Severity::Info,
            EventLogEntry::Origin::Console, {}, message, {} });
    });
    // Journals left by a run that crashed are restored once the server responds, so the
    // requests do not fail while a built-in engine is still starting.
    connect(m_server.monitor, &toxiproxy::ServerMonitor::connectionStateChanged, this,
        [this](toxiproxy::ServerMonitor::ConnectionState state) {
            if (state != toxiproxy::ServerMonitor::ConnectionState::Connected
                || m_labJournalsRestored)
                return;
            m_labJournalsRestored = true;
            m_labPlayer->restoreLeftBehind();
        });
}

// The experiment dock shares the lab player's tab group. Its changes reach the event log as
// changes made here, so the chart markers follow them as they follow the lab's.
void MainWindow::buildExperimentPanel(QDockWidget* besides)
{
    const QPointer<toxiproxy::ToxiproxyClient> client = m_server.client;
    m_experimentPanel
        = new ExperimentPanel(m_settings, [client] { return client ? client->baseUrl() : QUrl(); });
    // The built-in engine's demo_api proxy forwards to its demo service, wherever that listens.
    const QPointer<toxiproxy::ServerMonitor> monitor = m_server.monitor;
    m_experimentPanel->setDemoServiceLookup([monitor] {
        const auto* demo = monitor ? monitor->findProxy(u"demo_api") : nullptr;
        return demo ? demo->upstream : QString();
    });
    auto* dock = new QDockWidget(tr("Experiment"), this);
    dock->setObjectName(QStringLiteral("experimentDock"));
    dock->setWidget(m_experimentPanel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    tabifyDockWidget(besides, dock);

    connect(m_experimentPanel, &ExperimentPanel::fileOpened, dock, [dock] {
        dock->show();
        dock->raise();
    });
    connect(
        m_experimentPanel, &ExperimentPanel::experimentEvent, this, [this](const QString& label) {
            m_charts->page()->addMarker(QDateTime::currentDateTime(), label);
        });
    connect(m_experimentPanel, &ExperimentPanel::changeMade, this,
        [this](const QString& proxy, const QString& message, const QDateTime& time) {
            m_eventLog->append({ time, EventLogEntry::Severity::Change,
                EventLogEntry::Origin::Console, proxy, message, {} });
        });
    connect(m_experimentPanel, &ExperimentPanel::notice, this, [this](const QString& message) {
        m_eventLog->append({ QDateTime::currentDateTime(), EventLogEntry::Severity::Info,
            EventLogEntry::Origin::Console, {}, message, {} });
    });
}

// The Environment panel runs this same program's `env` subcommand, in the lab tab group.
void MainWindow::buildEnvironmentPanel(QDockWidget* besides)
{
    m_environmentPanel = new EnvironmentPanel(QCoreApplication::applicationFilePath());
    m_environmentPanel->setConsoleServer(m_server.client->baseUrl());
    auto* dock = new QDockWidget(tr("Environment"), this);
    dock->setObjectName(QStringLiteral("environmentDock"));
    dock->setWidget(m_environmentPanel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    tabifyDockWidget(besides, dock);
    connect(m_environmentPanel, &EnvironmentPanel::notice, this, [this](const QString& message) {
        m_eventLog->append({ QDateTime::currentDateTime(), EventLogEntry::Severity::Info,
            EventLogEntry::Origin::Console, {}, message, {} });
    });
}

void MainWindow::startLab(const QString& idOrFile)
{
    if (!m_labPlayer->selectLab(idOrFile)) {
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("No lab \"%1\" was found: give the id of a bundled lab, such as latency-jitter, "
               "or the path of a lab file.")
                .arg(idOrFile));
        return;
    }
    if (auto* dock = qobject_cast<QDockWidget*>(m_labPlayer->parentWidget())) {
        dock->show();
        dock->raise();
    }
    m_labPlayer->startSelectedLab();
}

void MainWindow::buildToolBar()
{
    auto* toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_actions->newAction());
    toolBar->addAction(m_actions->editAction());
    toolBar->addAction(m_actions->enableAction());
    toolBar->addAction(m_actions->deleteAction());

    auto* spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);

    auto* reset = new QToolButton(toolBar);
    reset->setObjectName(QStringLiteral("resetAllButton"));
    reset->setDefaultAction(m_actions->resetAction());
    reset->setToolButtonStyle(Qt::ToolButtonTextOnly);
    reset->setAccessibleName(tr("Reset all"));
    reset->setAccessibleDescription(m_actions->resetAction()->toolTip());
    toolBar->addWidget(reset);
}

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_experimentPanel->openAction());
    file->addMenu(m_experimentPanel->recentMenu());
    file->addSeparator();
    file->addActions({ m_charts->page()->exportPngAction(), m_charts->page()->exportCsvAction() });
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* proxy = menuBar()->addMenu(tr("&Proxy"));
    proxy->addActions({ m_actions->newAction(), m_actions->editAction(), m_actions->enableAction(),
        m_actions->deleteAction() });
    proxy->addSeparator();
    proxy->addAction(m_actions->resetAction());

    buildViewMenu();

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
}

void MainWindow::buildViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_presenterAction = m_viewMenu->addAction(tr("&Presenter mode"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_presenterAction->setToolTip(tr("Large fonts, high contrast and thick lines for a projector"));
    connect(m_presenterAction, &QAction::toggled, this, [this](bool on) {
        setPresenterMode(on);
        m_settings->setValue(Settings::presenterMode, on);
    });

    m_themeGroup = new QActionGroup(this);
    for (auto [name, label] : { std::pair { Theme::Name::Light, tr("&Light theme") },
             std::pair { Theme::Name::Dark, tr("&Dark theme") } }) {
        auto* action = m_viewMenu->addAction(label);
        action->setCheckable(true);
        action->setData(int(name));
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, name = name] {
            setThemeName(name);
            m_settings->setValue(Settings::theme, Theme::nameToString(name));
        });
    }

    auto* fullScreen = m_viewMenu->addAction(tr("&Full screen"));
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(fullScreen, &QAction::triggered, this,
        [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });

    m_viewMenu->addSeparator();
    const std::tuple<QString, QWidget*, QKeySequence> targets[] = {
        { tr("Go to &proxies"), m_proxyList, QKeySequence(Qt::CTRL | Qt::Key_1) },
        { tr("Go to &topology"), m_view, QKeySequence(Qt::CTRL | Qt::Key_2) },
        { tr("Go to to&xics"), m_controls, QKeySequence(Qt::CTRL | Qt::Key_3) },
        { tr("Go to &event log"), findChild<EventLogView*>(), QKeySequence(Qt::CTRL | Qt::Key_4) },
        { tr("Go to probe &charts"), m_charts->page(), QKeySequence(Qt::CTRL | Qt::Key_5) },
    };
    for (const auto& [label, widget, shortcut] : targets) {
        auto* action = m_viewMenu->addAction(label, widget, [widget = widget] {
            if (auto* dock = qobject_cast<QDockWidget*>(widget->parentWidget()))
                dock->show();
            focusFirstControl(widget);
        });
        action->setShortcut(shortcut);
    }
    m_viewMenu->addSeparator();
    for (auto* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());
}

void MainWindow::connectSelection()
{
    connect(m_selection, &QItemSelectionModel::selectionChanged, this,
        &MainWindow::handleSelectionChanged);
    connect(m_scene, &TopologyScene::proxyClicked, this, &MainWindow::selectProxy);
    connect(m_scene, &TopologyScene::proxyActivated, m_actions->editAction(), &QAction::trigger);
    connect(m_scene, &TopologyScene::proxyContextMenuRequested, this,
        [this](const QString&, const QPoint& at) {
            auto* menu = new QMenu(this);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->addActions(
                { m_actions->enableAction(), m_actions->editAction(), m_actions->deleteAction() });
            menu->popup(at);
        });
    connect(m_actions, &ProxyActions::proxyCreated, this, &MainWindow::selectProxy);

    // A proxy created here is selected as soon as the monitor reports it. Otherwise the
    // first proxy is selected whenever nothing is.
    const auto keepSelection = [this] {
        if (!m_pendingSelection.isEmpty() && m_proxyModel->rowOf(m_pendingSelection) >= 0)
            selectProxy(std::exchange(m_pendingSelection, QString()));
        else if (selectedProxy().isEmpty() && m_proxyModel->rowCount() > 0)
            selectProxy(m_proxyModel->proxies().first().name);
    };
    connect(m_proxyModel, &QAbstractItemModel::rowsInserted, this, keepSelection);
    connect(m_proxyModel, &QAbstractItemModel::rowsRemoved, this, keepSelection);
}

void MainWindow::selectProxy(const QString& name)
{
    const QModelIndex index = m_proxyModel->indexOf(name);
    if (!index.isValid()) {
        m_pendingSelection = name;
        return;
    }
    m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

QString MainWindow::selectedProxy() const
{
    const auto rows = m_selection->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ProxyListModel::NameRole).toString();
}

void MainWindow::handleSelectionChanged()
{
    const QString name = selectedProxy();
    m_scene->setSelectedProxy(name);
    m_controls->showProxy(name);
    m_actions->setSelectedProxy(name);
    if (!name.isEmpty())
        m_view->ensureVisible(m_scene->rowRect(name), 0, 0);
}

void MainWindow::setPresenterMode(bool presenter)
{
    const bool changed = presenter != m_presenter;
    m_presenter = presenter;
    const QSignalBlocker block(m_presenterAction);
    m_presenterAction->setChecked(presenter);
    applyAppearance();
    if (changed)
        arrangeDocks();
}

void MainWindow::setThemeName(Theme::Name name)
{
    m_themeName = name;
    for (auto* action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(name));
    applyAppearance();
}

void MainWindow::applyAppearance()
{
    const Theme theme = Theme::make(m_themeName, m_presenter);
    applyTheme(*qApp, theme, m_normalFont);
    m_scene->setLook(TopologyLook::fromTheme(theme, QApplication::font()));
    m_proxyList->delegate()->setColors(theme.colors());
    m_eventLog->setSeverityColors(theme.colors().warning, theme.colors().danger);
    m_environmentPanel->setStateColors(
        theme.colors().success, theme.colors().warning, theme.colors().danger);
    m_charts->setLook(theme, QApplication::font());
    const auto& colors = theme.colors();
    m_legend->setText(
        tr("<span style=\"color:%1\"><b>→ Upstream</b></span> client to server"
           "&nbsp;&nbsp;&nbsp;<span style=\"color:%2\"><b>← Downstream</b></span> "
           "server to client&nbsp;&nbsp;&nbsp;<span style=\"color:%3\"><b>╱╱</b></span> "
           "disabled proxy, refuses connections")
            .arg(colors.upstream.name(), colors.downstream.name(), colors.danger.name()));
    m_view->viewport()->update();
}

void MainWindow::applyDefaultLayout()
{
    const QRect available = screen()->availableGeometry();
    resize(available.size() * 0.9);
    // Dock sizes only stick once the window has its final size, at the first show.
    m_arrangeDocksOnShow = true;
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_arrangeDocksOnShow, false))
        arrangeDocks();
}

// Shares the width out so that the topology and the toxic controls get most of it. In
// presenter mode the toxic dock is wider because of the larger fonts.
void MainWindow::arrangeDocks()
{
    const int width = this->width();
    const double toxicsShare = m_presenter ? 0.36 : 0.32;
    resizeDocks({ findChild<QDockWidget*>(QStringLiteral("proxiesDock")),
                    findChild<QDockWidget*>(QStringLiteral("toxicsDock")) },
        { int(width * 0.19), int(width * toxicsShare) }, Qt::Horizontal);
    resizeDocks({ m_charts }, { int(height() * (m_presenter ? 0.5 : 0.45)) }, Qt::Vertical);
    // The event log takes the lower third of the right column, under the toxic controls.
    resizeDocks({ findChild<QDockWidget*>(QStringLiteral("toxicsDock")),
                    findChild<QDockWidget*>(QStringLiteral("eventLogDock")) },
        { int(height() * 0.64), int(height() * 0.36) }, Qt::Vertical);
}

void MainWindow::restoreSettings()
{
    m_themeName = Theme::nameFromString(m_settings->value(Settings::theme));
    for (auto* action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(m_themeName));
    m_presenter = m_settings->value(Settings::presenterMode);
    m_presenterAction->setChecked(m_presenter);
    applyAppearance();

    if (!restoreGeometry(m_settings->value(Settings::windowGeometry)))
        applyDefaultLayout();
    restoreState(m_settings->value(Settings::windowState));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_labPlayer->hasSession()) {
        // A running lab is rolled back first. The window closes when the rollback ends, also
        // when it fails, because the journal then stays for the next start.
        event->ignore();
        connect(m_labPlayer, &LabPlayerPanel::sessionEnded, this, &QWidget::close,
            Qt::SingleShotConnection);
        m_labPlayer->stopLab(false);
        return;
    }
    if (m_experimentPanel->isRunning()) {
        // The run is interrupted. runEnded() follows the rollbacks that the strategy allows and
        // the restore of the rest from the experiment's rollback journal.
        event->ignore();
        connect(m_experimentPanel, &ExperimentPanel::runEnded, this, &QWidget::close,
            Qt::SingleShotConnection);
        m_experimentPanel->stop();
        return;
    }
    m_settings->setValue(Settings::windowGeometry, saveGeometry());
    m_settings->setValue(Settings::windowState, saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::showShortcuts()
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("Keyboard shortcuts"),
        tr("<table>"
           "<tr><td><b>Ctrl+R</b>, <b>F12</b></td><td>Reset all: remove every toxic, enable every "
           "proxy</td></tr>"
           "<tr><td><b>Ctrl+N</b></td><td>New proxy</td></tr>"
           "<tr><td><b>F2</b></td><td>Edit the selected proxy</td></tr>"
           "<tr><td><b>Ctrl+E</b></td><td>Enable or disable the selected proxy</td></tr>"
           "<tr><td><b>Del</b></td><td>Delete the selected proxy</td></tr>"
           "<tr><td><b>Ctrl+1</b> … <b>Ctrl+5</b></td><td>Go to proxies, topology, toxics, event "
           "log, probe charts</td></tr>"
           "<tr><td><b>Ctrl+Shift+P</b></td><td>Presenter mode</td></tr>"
           "<tr><td><b>F11</b></td><td>Full screen</td></tr>"
           "<tr><td><b>Space</b></td><td>Switch the focused toxic on or off</td></tr>"
           "</table>"),
        QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MainWindow::showTransientMessage(const QString& message)
{
    statusBar()->showMessage(message, 10'000);
}

} // namespace chaoslab::ui
