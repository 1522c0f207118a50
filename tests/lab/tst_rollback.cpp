// Rolling back over real HTTP against the built-in engine: recorded proxies come back as
// they were, created ones go away, the journal survives a restart and stays on disk when
// the rollback cannot finish.
#include "../support/endedrun.h"
#include "lab/rollbackjournal.h"
#include "lab/rollbackrunner.h"

#include "builtinengine.h"
#include "clienttestsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace chaoslab;
using toxiproxy::Proxy;
using toxiproxy::Toxic;
using toxiproxy::ToxiproxyClient;

namespace {

constexpr int RollbackDeadlineMs = 10000;

Toxic toxic(const QString& name, const QString& type, qint64 value)
{
    Toxic made { name, type, toxiproxy::ToxicStream::Downstream, 1.0, {} };
    made.setAttribute(type == u"bandwidth" ? QStringLiteral("rate") : type, value);
    return made;
}

} // namespace

class TestRollback : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_engine = std::make_unique<host::BuiltInEngine>();
        const auto error = m_engine->start("127.0.0.1", 0);
        QVERIFY2(!error, error ? error->c_str() : "");
        m_client = std::make_unique<ToxiproxyClient>(
            QUrl(QStringLiteral("http://%1").arg(QString::fromStdString(m_engine->apiAddress()))));
        m_folder = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folder->isValid());
    }

    void cleanup()
    {
        m_client.reset();
        m_engine.reset();
    }

    void changedProxyComesBack()
    {
        const QString name = QStringLiteral("demo_api");
        QVERIFY(create(name, toxic(QStringLiteral("slow"), QStringLiteral("latency"), 300)));
        QVERIFY(create(name, toxic(QStringLiteral("thin"), QStringLiteral("bandwidth"), 100)));
        const Proxy before = proxy(name).value();

        RollbackJournal journal = newJournal();
        QString error;
        QVERIFY2(journal.recordProxy(before, &error), qPrintable(error));
        QVERIFY(journal.recordProxy(before, &error)); // a second record keeps the first state
        QCOMPARE(journal.entries().size(), 1);

        // What a lab step might do: change one toxic, remove one, add one, disable.
        toxiproxy::ToxicUpdate slower;
        slower.attributes = { { QStringLiteral("latency"), 900 } };
        QVERIFY(call([&](auto done) {
            m_client->updateToxic(name, QStringLiteral("slow"), slower, this, done);
        }));
        QVERIFY(callDone(
            [&](auto done) { m_client->deleteToxic(name, QStringLiteral("thin"), this, done); }));
        QVERIFY(create(name, toxic(QStringLiteral("stall"), QStringLiteral("timeout"), 0)));
        QVERIFY(call([&](auto done) { m_client->setProxyEnabled(name, false, this, done); }));
        QVERIFY(!(proxy(name).value() == before));

        const lab::RollbackReport report = rollBack(journal);
        QVERIFY2(report.complete(), qPrintable(report.failures.join(u'\n')));
        QCOMPARE(report.changes.size(), 4);
        const Proxy after = proxy(name).value();
        QCOMPARE(after.enabled, true);
        QCOMPARE(after.toxics.size(), 2);
        QCOMPARE(*after.findToxic(u"slow"), *before.findToxic(u"slow"));
        QCOMPARE(*after.findToxic(u"thin"), *before.findToxic(u"thin"));
        QVERIFY(!QFile::exists(journal.path()));
    }

    void createdProxyIsRemoved()
    {
        RollbackJournal journal = newJournal();
        QString error;
        QVERIFY(journal.recordCreatedProxy(QStringLiteral("lab_made"), &error));
        const Proxy made { QStringLiteral("lab_made"), QStringLiteral("127.0.0.1:0"),
            QStringLiteral("127.0.0.1:9"), true, {} };
        QVERIFY(call([&](auto done) { m_client->createProxy(made, this, done); }));

        const lab::RollbackReport report = rollBack(journal);
        QVERIFY2(report.complete(), qPrintable(report.failures.join(u'\n')));
        QVERIFY(!proxy(QStringLiteral("lab_made")).has_value());
    }

    void journalFromEarlierRunRestores()
    {
        const QString name = QStringLiteral("demo_api");
        const Proxy before = proxy(name).value();
        {
            RollbackJournal journal = newJournal();
            QString error;
            QVERIFY(journal.recordProxy(before, &error));
            // While the process that writes a journal runs, its run is in progress.
            QVERIFY(RollbackJournal::leftBehind(m_folder->path()).isEmpty());
            QVERIFY(markWriterEnded(journal.path()));
        }
        // The run that wrote the journal is gone; its changes stayed on the server.
        QVERIFY(create(name, toxic(QStringLiteral("slow"), QStringLiteral("latency"), 5000)));

        const QStringList left = RollbackJournal::leftBehind(m_folder->path());
        QCOMPARE(left.size(), 1);
        QString error;
        const auto journal = RollbackJournal::read(left.first(), &error);
        QVERIFY2(journal, qPrintable(error));
        QCOMPARE(journal->owner(), QStringLiteral("lab \"test\""));
        QCOMPARE(journal->entries().size(), 1);
        QCOMPARE(*journal->entries().first().before, before);

        const lab::RollbackReport report = rollBack(*journal);
        QVERIFY2(report.complete(), qPrintable(report.failures.join(u'\n')));
        QVERIFY(proxy(name).value().toxics.isEmpty());
        QVERIFY(RollbackJournal::leftBehind(m_folder->path()).isEmpty());
    }

    void unreachableServerKeepsJournal()
    {
        RollbackJournal journal = newJournal();
        QString error;
        QVERIFY(journal.recordProxy(proxy(QStringLiteral("demo_api")).value(), &error));
        m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(unusedPort())));

        const lab::RollbackReport report = rollBack(journal);
        QVERIFY(!report.complete());
        QVERIFY(QFile::exists(journal.path()));
    }

    void unwritableJournalRejectsRecord()
    {
        // A regular file where the journal's folder should be: the folder cannot be made.
        const QString blocker = m_folder->filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        lab::RollbackJournal journal(
            blocker + QStringLiteral("/run.json"), QStringLiteral("lab"), {});
        QString error;
        QVERIFY(!journal.recordCreatedProxy(QStringLiteral("x"), &error));
        QVERIFY2(
            error.contains(QStringLiteral("cannot write rollback journal")), qPrintable(error));
        QVERIFY(journal.entries().isEmpty());
    }

    void damagedJournalIsReported()
    {
        const QString path = m_folder->filePath(QStringLiteral("damaged.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"chaoslab-rollback/1\", \"owner\": ");
        file.close();
        QString error;
        QVERIFY(!RollbackJournal::read(path, &error));
        QVERIFY2(error.contains(QStringLiteral("is damaged")), qPrintable(error));
    }

private:
    using RollbackJournal = lab::RollbackJournal;

    RollbackJournal newJournal()
    {
        return RollbackJournal(m_folder->filePath(QStringLiteral("run.json")),
            QStringLiteral("lab \"test\""), m_client->baseUrl());
    }

    std::optional<Proxy> proxy(const QString& name)
    {
        auto outcome = std::make_shared<Outcome<Proxy>>();
        m_client->getProxy(name, this, recordInto(outcome));
        if (!QTest::qWaitFor([&] { return outcome->called; }, CallDeadlineMs)
            || !outcome->result.ok())
            return std::nullopt;
        return outcome->value;
    }

    template <typename Send> bool call(Send send)
    {
        bool done = false;
        bool ok = false;
        send([&](const toxiproxy::ApiResult& result, const auto&) {
            done = true;
            ok = result.ok();
            if (!ok)
                qWarning().noquote() << result.message;
        });
        return QTest::qWaitFor([&] { return done; }, CallDeadlineMs) && ok;
    }

    template <typename Send> bool callDone(Send send)
    {
        bool done = false;
        bool ok = false;
        send([&](const toxiproxy::ApiResult& result) {
            done = true;
            ok = result.ok();
        });
        return QTest::qWaitFor([&] { return done; }, CallDeadlineMs) && ok;
    }

    bool create(const QString& proxyName, const Toxic& made)
    {
        return call([&](auto done) { m_client->createToxic(proxyName, made, this, done); });
    }

    lab::RollbackReport rollBack(const RollbackJournal& journal)
    {
        lab::RollbackRunner runner(m_client.get());
        QSignalSpy finished(&runner, &lab::RollbackRunner::finished);
        runner.run(journal);
        if (!finished.wait(RollbackDeadlineMs))
            return lab::RollbackReport { {}, {}, { QStringLiteral("rollback did not finish") } };
        return finished.first().first().value<lab::RollbackReport>();
    }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<host::BuiltInEngine> m_engine;
    std::unique_ptr<ToxiproxyClient> m_client;
};

QTEST_GUILESS_MAIN(TestRollback)
#include "tst_rollback.moc"
