#include "probeboard.h"

#include "proxylistmodel.h"

#include "probes/proberunner.h"

#include <QRegularExpression>

namespace chaoslab::ui {

using probes::ProbeRunner;
using probes::ProbeSpec;

namespace {

struct Address
{
    QString host;
    quint16 port = 0;
};

// Splits a listen address such as "127.0.0.1:18080", "[::1]:80" or "0.0.0.0:80" into the
// host and port a client connects to. A wildcard host is reached on loopback.
Address connectAddress(const QString& listen)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    if (colon < 0)
        return {};
    QString host = listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host == u"0.0.0.0")
        host = QStringLiteral("127.0.0.1");
    else if (host == u"::")
        host = QStringLiteral("::1");
    bool ok = false;
    const uint port = listen.mid(colon + 1).toUInt(&ok);
    return { host, ok && port <= 65535 ? quint16(port) : quint16(0) };
}

} // namespace

ProbeBoard::ProbeBoard(QObject* parent) : QAbstractListModel(parent) { }

ProbeBoard::~ProbeBoard() = default;

void ProbeBoard::setProxyModel(ProxyListModel* proxies)
{
    if (m_proxies)
        disconnect(m_proxies, nullptr, this, nullptr);
    m_proxies = proxies;
    if (!proxies)
        return;
    connect(proxies, &QAbstractItemModel::modelReset, this, &ProbeBoard::followProxies);
    connect(proxies, &QAbstractItemModel::layoutChanged, this, &ProbeBoard::followProxies);
    connect(proxies, &QAbstractItemModel::rowsInserted, this, &ProbeBoard::followProxies);
    connect(proxies, &QAbstractItemModel::dataChanged, this, &ProbeBoard::followProxies);
    followProxies();
}

QString ProbeBoard::uniqueId(const QString& label) const
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]+"));
    QString base = label.trimmed();
    base.replace(unsafe, QStringLiteral("-"));
    if (base.isEmpty())
        base = QStringLiteral("probe");
    QString id = base;
    for (int n = 2; rowOf(id) >= 0; ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

QString ProbeBoard::addProbe(ProbeSpec spec)
{
    if (spec.id.isEmpty() || rowOf(spec.id) >= 0)
        spec.id = uniqueId(spec.label.isEmpty() ? spec.id : spec.label);
    if (spec.label.isEmpty())
        spec.label = spec.id;

    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    Entry entry { spec, std::make_unique<ProbeRunner>(resolved(spec)) };
    const QString id = spec.id;
    connect(entry.runner.get(), &ProbeRunner::bucketClosed, this,
        [this, id](const probes::ProbeBucket& bucket) { emit bucketClosed(id, bucket); });
    m_entries.push_back(std::move(entry));
    endInsertRows();

    applyTarget(m_entries.back());
    emit probeAdded(id, spec.label);
    emit specsChanged();
    return id;
}

bool ProbeBoard::updateProbe(const QString& id, ProbeSpec spec)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    spec.id = id;
    auto& entry = m_entries[size_t(row)];
    entry.spec = spec;
    applyTarget(entry);
    emit dataChanged(index(row), index(row));
    emit probeChanged(id, spec.label);
    emit specsChanged();
    return true;
}

void ProbeBoard::removeProbe(const QString& id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_entries[size_t(row)].runner->stop();
    m_entries.erase(m_entries.begin() + row);
    endRemoveRows();
    emit probeRemoved(id);
    emit specsChanged();
}

void ProbeBoard::clear()
{
    while (!m_entries.empty())
        removeProbe(m_entries.back().spec.id);
}

ProbeSpec ProbeBoard::resolved(const ProbeSpec& spec) const
{
    if (spec.proxy.isEmpty() || !m_proxies)
        return spec;
    const auto* proxy = m_proxies->proxy(spec.proxy);
    if (!proxy)
        return spec;
    const Address address = connectAddress(proxy->listen);
    ProbeSpec copy = spec;
    copy.host = address.host;
    copy.port = address.port;
    return copy;
}

// Gives the runner the spec with its current target, and runs it only while it has one.
void ProbeBoard::applyTarget(Entry& entry)
{
    const ProbeSpec target = resolved(entry.spec);
    if (!(target == entry.runner->spec()))
        entry.runner->setSpec(target);
    const bool runnable = target.port != 0 && !target.host.isEmpty();
    if (runnable && !entry.runner->isRunning())
        entry.runner->start();
    else if (!runnable && entry.runner->isRunning())
        entry.runner->stop();
}

void ProbeBoard::followProxies()
{
    for (size_t row = 0; row < m_entries.size(); ++row) {
        auto& entry = m_entries[row];
        if (entry.spec.proxy.isEmpty())
            continue;
        const bool wasRunning = entry.runner->isRunning();
        const ProbeSpec before = entry.runner->spec();
        applyTarget(entry);
        if (wasRunning != entry.runner->isRunning() || !(before == entry.runner->spec()))
            emit dataChanged(index(int(row)), index(int(row)));
    }
}

QList<ProbeSpec> ProbeBoard::specs() const
{
    QList<ProbeSpec> specs;
    for (const auto& entry : m_entries)
        specs.append(entry.spec);
    return specs;
}

const ProbeSpec* ProbeBoard::spec(const QString& id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_entries[size_t(row)].spec;
}

ProbeRunner* ProbeBoard::runner(const QString& id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : m_entries[size_t(row)].runner.get();
}

int ProbeBoard::rowOf(const QString& id) const
{
    for (size_t row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].spec.id == id)
            return int(row);
    }
    return -1;
}

int ProbeBoard::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ProbeBoard::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries[size_t(index.row())];
    const ProbeSpec target = entry.runner->spec();
    switch (role) {
    case Qt::DisplayRole: {
        const QString where = entry.spec.proxy.isEmpty()
            ? target.displayUrl().toString()
            : tr("through proxy %1").arg(entry.spec.proxy);
        return tr("%1 — %2 %3").arg(entry.spec.label, probes::kindName(entry.spec.kind), where);
    }
    case Qt::ToolTipRole:
        return entry.runner->isRunning() ? target.displayUrl().toString()
                                         : tr("Not running: the target proxy is not on the "
                                              "server yet");
    case IdRole:
        return entry.spec.id;
    case RunningRole:
        return entry.runner->isRunning();
    }
    return {};
}

} // namespace chaoslab::ui
