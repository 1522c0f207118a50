// The exports of the probe chart page: the charts as a PNG image and the history as CSV.
#include "probechartpage.h"

#include "chartcsv.h"
#include "messagebanner.h"
#include "probelegend.h"

#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QImageWriter>
#include <QSaveFile>
#include <QStandardPaths>

namespace chaoslab::ui {

bool ProbeChartPage::exportPng(const QString& path, QString* error)
{
    refreshNow();
    // The legend and the charts, without the buttons above them.
    QRect area = m_latencyView->geometry().united(m_errorView->geometry());
    if (!m_legend->isHidden())
        area = area.united(m_legend->geometry());
    const QImage image = grab(area).toImage();
    QImageWriter writer(path, "png");
    if (writer.write(image))
        return true;
    *error = tr("Could not save the chart image to %1: %2. Choose a folder you can write to.")
                 .arg(QDir::toNativeSeparators(path), writer.errorString());
    return false;
}

bool ProbeChartPage::exportCsv(const QString& path, QString* error)
{
    QSaveFile file(path);
    const auto fail = [&] {
        *error = tr("Could not save the probe data to %1: %2. Choose a folder you can write to.")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    };
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail();
    const auto labelOf = [this](const QString& id) { return probeLabel(id); };
    if (!writeProbeCsv(file, m_history, labelOf) || !file.commit())
        return fail();
    return true;
}

void ProbeChartPage::chooseExportPath(bool png)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString suggested = folder + QStringLiteral("/chaoslab-probes-") + stamp
        + (png ? QStringLiteral(".png") : QStringLiteral(".csv"));
    const QString path = png ? QFileDialog::getSaveFileName(
                             this, tr("Export chart as PNG"), suggested, tr("PNG images (*.png)"))
                             : QFileDialog::getSaveFileName(this, tr("Export probe data as CSV"),
                                 suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (png ? exportPng(path, &error) : exportCsv(path, &error))
        m_banner->showMessage(
            MessageBanner::Kind::Info, tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    else
        m_banner->showMessage(MessageBanner::Kind::Error, error);
}

} // namespace chaoslab::ui
