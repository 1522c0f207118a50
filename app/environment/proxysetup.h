// The lab's proxies on the engine's Toxiproxy API: which ones the lab needs, and creating,
// updating, listing and deleting them with blocking calls.
#pragma once

#include "envlayout.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace chaoslab::environment {

struct ProxySpec
{
    QString name;
    QString listen;
    QString upstream;
};

struct ApiProxy
{
    QString listen;
    QString upstream;
    bool enabled = false;
    // Toxics on the proxy when it was listed; not saved in the state file.
    int toxics = 0;
};

// mysql_proxy, rabbitmq_proxy, mongo_proxy, redis_proxy, postgres_proxy and demo_api, each
// listening on the layout's host.
std::vector<ProxySpec> labProxies(const EnvLayout& layout);

// Returns whether a Toxiproxy API at the layout's address returns 200 for GET /version.
bool apiAnswers(const EnvLayout& layout);

// Returns the proxies by name (GET /proxies), or nothing with `error` set.
std::optional<std::map<QString, ApiProxy>> listProxies(const EnvLayout& layout, QString& error);

// One change that brings a lab proxy to its spec: a creation, or an update of a proxy that
// exists with `original` as its settings.
struct ProxyChange
{
    ProxySpec spec;
    std::optional<ApiProxy> original;
};

// Returns the changes that make the lab proxies match their specs: each missing proxy is
// created, and each one whose listen or upstream address differs or that is disabled is
// updated. Returns nothing with `error` set when the proxies cannot be listed.
std::optional<std::vector<ProxyChange>> plannedProxyChanges(
    const EnvLayout& layout, QString& error);

// Applies a change with POST /proxies or POST /proxies/NAME. Returns an error message, or
// nothing.
std::optional<QString> applyProxyChange(const EnvLayout& layout, const ProxyChange& change);

// Sets a proxy back to `original` with POST /proxies/NAME, or creates it again when it was
// deleted. Returns an error message, or nothing.
std::optional<QString> restoreProxy(
    const EnvLayout& layout, const QString& name, const ApiProxy& original);

// Deletes a proxy. Returns an error message, or nothing (also when it was already gone).
std::optional<QString> deleteProxy(const EnvLayout& layout, const QString& name);

} // namespace chaoslab::environment
