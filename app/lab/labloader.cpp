#include "labloader.h"

#include "labparser.h"

#include <QFile>

namespace chaoslab::lab {

namespace {

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line
// 3, column 5: "; the position is reported separately, so only the reason is kept.
QString parseReason(const char* what)
{
    QString message = QString::fromUtf8(what);
    const qsizetype column = message.indexOf(QLatin1String("column "));
    const qsizetype colon = message.indexOf(QLatin1String(": "), column < 0 ? 0 : column);
    if (colon >= 0)
        message = message.mid(colon + 2);
    return QStringLiteral("invalid JSON: %1").arg(message);
}

} // namespace

LabLoadResult loadLab(QByteArrayView text)
{
    LabLoadResult result;
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& error) {
        // `byte` is the 1-based index of the last byte read, where the error was found.
        const auto offset = qsizetype(error.byte > 0 ? error.byte - 1 : 0);
        result.issues.append({ positionOfOffset(text, offset), parseReason(error.what()) });
        return result;
    }
    const JsonLocations locations = JsonLocations::index(text);
    LabParser parser(locations);
    result.lab = parser.read(root);
    result.issues = parser.issues();
    std::stable_sort(
        result.issues.begin(), result.issues.end(), [](const JsonIssue& a, const JsonIssue& b) {
            return std::pair(a.position.line, a.position.column)
                < std::pair(b.position.line, b.position.column);
        });
    return result;
}

LabLoadResult loadLabFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LabLoadResult result;
        result.issues.append(
            { {}, QStringLiteral("cannot read the file: %1").arg(file.errorString()) });
        return result;
    }
    return loadLab(file.readAll());
}

QString formatIssue(const QString& file, const JsonIssue& issue)
{
    return QStringLiteral("%1:%2:%3: %4")
        .arg(file)
        .arg(issue.position.line)
        .arg(issue.position.column)
        .arg(issue.message);
}

} // namespace chaoslab::lab
