// What the console does after asking an address for its version. The results are built by
// hand, so no connection is made, least of all to a remote address.
#include "startdecision.h"

#include <QTest>

using namespace chaoslab::host;
using chaoslab::toxiproxy::ApiResult;
using chaoslab::toxiproxy::ErrorKind;

Q_DECLARE_METATYPE(ErrorKind)
Q_DECLARE_METATYPE(StartAction)

class TestStartDecision : public QObject
{
    Q_OBJECT

private slots:
    void decision_data();
    void decision();
    void remoteFailureExplainsLocalRule();
    void responseFromOtherProgramNamesAddress();
};

namespace {

ApiResult resultOf(ErrorKind error, const QString& message = {})
{
    ApiResult result;
    result.error = error;
    result.message = message;
    return result;
}

} // namespace

void TestStartDecision::decision_data()
{
    QTest::addColumn<ErrorKind>("error");
    QTest::addColumn<QString>("url");
    QTest::addColumn<StartAction>("action");

    const auto local = QStringLiteral("http://127.0.0.1:8474");
    const auto remote = QStringLiteral("http://192.0.2.1:8474");
    QTest::newRow("response on local address uses it")
        << ErrorKind::None << local << StartAction::UseServer;
    QTest::newRow("response on remote address uses it")
        << ErrorKind::None << remote << StartAction::UseServer;
    QTest::newRow("refused on local address starts built-in")
        << ErrorKind::ConnectionRefused << local << StartAction::StartBuiltIn;
    QTest::newRow("timeout on localhost starts built-in")
        << ErrorKind::TimedOut << QStringLiteral("http://localhost:8474")
        << StartAction::StartBuiltIn;
    QTest::newRow("refused on IPv6 loopback starts built-in")
        << ErrorKind::ConnectionRefused << QStringLiteral("http://[::1]:8474")
        << StartAction::StartBuiltIn;
    QTest::newRow("refused on remote address fails")
        << ErrorKind::ConnectionRefused << remote << StartAction::Fail;
    QTest::newRow("timeout on remote address fails")
        << ErrorKind::TimedOut << remote << StartAction::Fail;
    QTest::newRow("refused on local https fails")
        << ErrorKind::ConnectionRefused << QStringLiteral("https://127.0.0.1:8474")
        << StartAction::Fail;
    QTest::newRow("unknown host fails")
        << ErrorKind::HostNotFound << QStringLiteral("http://toxiproxy:8474") << StartAction::Fail;
    QTest::newRow("404 from another program fails")
        << ErrorKind::NotFound << local << StartAction::Fail;
    QTest::newRow("unreadable response fails")
        << ErrorKind::InvalidResponse << local << StartAction::Fail;
    QTest::newRow("server error fails") << ErrorKind::ServerError << local << StartAction::Fail;
    QTest::newRow("dropped connection fails")
        << ErrorKind::NetworkError << local << StartAction::Fail;
    QTest::newRow("cancelled check is ignored")
        << ErrorKind::Cancelled << local << StartAction::Ignore;
}

void TestStartDecision::decision()
{
    QFETCH(ErrorKind, error);
    QFETCH(QString, url);
    QFETCH(StartAction, action);

    const auto decision = decideStart(resultOf(error, QStringLiteral("cause.")), QUrl(url));
    QCOMPARE(decision.action, action);
    QCOMPARE(decision.message.isEmpty(), action != StartAction::Fail);
}

void TestStartDecision::remoteFailureExplainsLocalRule()
{
    const auto decision
        = decideStart(resultOf(ErrorKind::ConnectionRefused, QStringLiteral("Connection refused.")),
            QUrl(QStringLiteral("http://192.0.2.1:8474")));
    QVERIFY2(decision.message.startsWith(u"Connection refused."), qPrintable(decision.message));
    QVERIFY2(
        decision.message.contains(u"127.0.0.1, ::1 or localhost"), qPrintable(decision.message));
    QVERIFY2(decision.message.contains(u"http://192.0.2.1:8474"), qPrintable(decision.message));
}

void TestStartDecision::responseFromOtherProgramNamesAddress()
{
    const auto decision = decideStart(resultOf(ErrorKind::NotFound, QStringLiteral("HTTP 404.")),
        QUrl(QStringLiteral("http://127.0.0.1:8474")));
    QVERIFY2(decision.message.contains(u"another program uses http://127.0.0.1:8474"),
        qPrintable(decision.message));
}

QTEST_GUILESS_MAIN(TestStartDecision)

#include "tst_startdecision.moc"
