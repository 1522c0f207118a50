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
};

// mysql_proxy, rabbitmq_proxy, mongo_proxy, redis_proxy, postgres_proxy and demo_api, each
// listening on the layout's host.
std::vector<ProxySpec> labProxies(const EnvLayout& layout);

// Returns whether a Toxiproxy API at the layout's address returns 200 for GET /version.
bool apiAnswers(const EnvLayout& layout);

// Returns the proxies by name (GET /proxies), or nothing with `error` set.
std::optional<std::map<QString, ApiProxy>> listProxies(const EnvLayout& layout, QString& error);

struct ProxySetupResult
{
    QStringList created;
    QStringList updated;
    QStringList errors;
};

// Creates each lab proxy that is missing and updates (POST /proxies/NAME) each one whose
// listen or upstream address differs or that is disabled.
ProxySetupResult ensureProxies(const EnvLayout& layout);

// Deletes a proxy. Returns an error message, or nothing (also when it was already gone).
std::optional<QString> deleteProxy(const EnvLayout& layout, const QString& name);

} // namespace chaoslab::environment
