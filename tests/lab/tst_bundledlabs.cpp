// Plays each bundled lab through against the built-in engine and its demo service, as a
// participant pressing "Do it for me", choosing the correct answers and confirming: every step must
// complete with its checks passing, and finishing must leave the server as it was.
#include "labplaythrough.h"

#include "lab/labloader.h"

#include <QTest>

using namespace chaoslab;

class TestBundledLabs : public QObject
{
    Q_OBJECT

private slots:
    void playsThrough_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("latency-jitter") << QStringLiteral("latency-jitter");
    }

    void playsThrough()
    {
        QFETCH(QString, name);
        const lab::LabLoadResult loaded = lab::loadLabFile(labtest::bundledLabPath(name));
        QVERIFY2(loaded.ok(), qPrintable(loaded.issues.value(0).message));
        labtest::playThroughOnFixedPorts(loaded.lab);
    }
};

QTEST_GUILESS_MAIN(TestBundledLabs)
#include "tst_bundledlabs.moc"
