// The API calls that restore a recorded proxy: only the differences are undone.
#include "lab/rollbackplan.h"

#include <QTest>

using namespace chaoslab;
using toxiproxy::ApiRequest;
using toxiproxy::Proxy;
using toxiproxy::Toxic;

namespace {

Toxic latency(qint64 ms)
{
    return Toxic { QStringLiteral("slow"), QStringLiteral("latency"),
        toxiproxy::ToxicStream::Downstream, 1.0,
        { { QStringLiteral("latency"), ms }, { QStringLiteral("jitter"), 0 } } };
}

Toxic timeout()
{
    return Toxic { QStringLiteral("stall"), QStringLiteral("timeout"),
        toxiproxy::ToxicStream::Upstream, 1.0, { { QStringLiteral("timeout"), 0 } } };
}

Proxy api(QList<Toxic> toxics)
{
    return Proxy { QStringLiteral("api"), QStringLiteral("127.0.0.1:18080"),
        QStringLiteral("127.0.0.1:18081"), true, std::move(toxics) };
}

// "METHOD PATH" of each request, the part a reader of a failure needs.
QStringList calls(const QList<ApiRequest>& requests)
{
    QStringList lines;
    for (const ApiRequest& request : requests)
        lines.append(QString::fromLatin1(request.method + ' ' + request.path));
    return lines;
}

} // namespace

class TestRollbackPlan : public QObject
{
    Q_OBJECT

private slots:
    void unchangedProxyNeedsNothing()
    {
        const Proxy before = api({ latency(300) });
        QVERIFY(lab::rollbackRequests(before.name, before, before).isEmpty());
    }

    void createdProxyIsDeleted()
    {
        QCOMPARE(calls(lab::rollbackRequests(QStringLiteral("api"), std::nullopt, api({}))),
            QStringList { QStringLiteral("DELETE /proxies/api") });
        QVERIFY(lab::rollbackRequests(QStringLiteral("api"), std::nullopt, std::nullopt).isEmpty());
    }

    void changedValueIsPatched()
    {
        const auto requests = lab::rollbackRequests(
            QStringLiteral("api"), api({ latency(300) }), api({ latency(900) }));
        QCOMPARE(calls(requests), QStringList { QStringLiteral("POST /proxies/api/toxics/slow") });
        QVERIFY2(requests[0].body.contains("\"latency\":300"), requests[0].body.constData());
    }

    void addedToxicIsRemovedAndRemovedOneCreated()
    {
        const auto requests = lab::rollbackRequests(
            QStringLiteral("api"), api({ latency(300) }), api({ timeout() }));
        QCOMPARE(calls(requests),
            (QStringList { QStringLiteral("DELETE /proxies/api/toxics/stall"),
                QStringLiteral("POST /proxies/api/toxics") }));
    }

    void toxicOfAnotherTypeIsReplaced()
    {
        Toxic sameName = timeout();
        sameName.name = QStringLiteral("slow");
        const auto requests = lab::rollbackRequests(
            QStringLiteral("api"), api({ latency(300) }), api({ sameName }));
        QCOMPARE(calls(requests),
            (QStringList { QStringLiteral("DELETE /proxies/api/toxics/slow"),
                QStringLiteral("POST /proxies/api/toxics") }));
    }

    void settingsComeBackFirst()
    {
        Proxy now = api({});
        now.enabled = false;
        now.upstream = QStringLiteral("127.0.0.1:9");
        const auto requests
            = lab::rollbackRequests(QStringLiteral("api"), api({ latency(300) }), now);
        QCOMPARE(calls(requests),
            (QStringList {
                QStringLiteral("POST /proxies/api"), QStringLiteral("POST /proxies/api/toxics") }));
        QVERIFY(requests[0].body.contains("\"enabled\":true"));
        QVERIFY(requests[0].body.contains("\"upstream\":\"127.0.0.1:18081\""));
        QVERIFY(!requests[0].body.contains("listen"));
    }

    void deletedProxyIsCreatedWithItsToxics()
    {
        const auto requests = lab::rollbackRequests(
            QStringLiteral("api"), api({ latency(300), timeout() }), std::nullopt);
        QCOMPARE(calls(requests),
            (QStringList { QStringLiteral("POST /proxies"),
                QStringLiteral("POST /proxies/api/toxics"),
                QStringLiteral("POST /proxies/api/toxics") }));
    }
};

QTEST_GUILESS_MAIN(TestRollbackPlan)
#include "tst_rollbackplan.moc"
