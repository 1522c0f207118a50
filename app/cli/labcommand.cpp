#include "labcommand.h"

#include "commandline.h"

#include "lab/labloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::cli {

namespace {

constexpr std::string_view commandName = "lab";

QString description()
{
    return u"Works with guided lab files.\n\n"
           "  validate FILE...  Checks each lab file, or every .json file in a folder,\n"
           "                    and prints each problem as FILE:LINE:COLUMN: MESSAGE.\n"
           "                    Exits 1 when any file is invalid."_s;
}

// Expands folders into their .json files, sorted, so a whole labs folder checks at once.
QStringList labFiles(const QStringList& arguments)
{
    QStringList files;
    for (const QString& argument : arguments) {
        const QFileInfo info(argument);
        if (!info.isDir()) {
            files.append(argument);
            continue;
        }
        const QDir folder(argument);
        for (const QString& name : folder.entryList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
            // A JSON Schema kept next to the labs is not a lab.
            if (!name.endsWith(u".schema.json"_s))
                files.append(folder.filePath(name));
        }
    }
    return files;
}

int validate(const QStringList& files)
{
    int invalid = 0;
    for (const QString& file : files) {
        const lab::LabLoadResult result = lab::loadLabFile(file);
        for (const lab::JsonIssue& issue : result.issues)
            std::fprintf(stderr, "%s\n", qPrintable(lab::formatIssue(file, issue)));
        if (!result.ok()) {
            ++invalid;
            continue;
        }
        std::printf("%s: valid, lab \"%s\" with %lld steps\n", qPrintable(file),
            qPrintable(result.lab.id), static_cast<long long>(result.lab.steps.size()));
    }
    if (invalid > 0) {
        std::fprintf(stderr, "%d of %lld lab files are invalid\n", invalid,
            static_cast<long long>(files.size()));
    }
    return invalid > 0 ? exitFailure : 0;
}

} // namespace

int runLabCommand(int argc, char** argv)
{
    CommandApplication application(argc, argv, commandName);

    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addPositionalArgument(u"validate"_s, u"The action: validate."_s);
    parser.addPositionalArgument(u"FILE"_s, u"Lab files or folders of lab files."_s, u"FILE..."_s);
    if (!parseArguments(parser, commandName))
        return exitUsage;

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return printUsageError(commandName, "missing action; use 'chaoslab lab validate FILE...'");
    const QString action = positional.takeFirst();
    if (action != u"validate") {
        return printUsageError(commandName,
            "unknown action '" + action.toStdString() + "'; the only action is 'validate'");
    }
    const QStringList files = labFiles(positional);
    if (files.isEmpty())
        return printUsageError(
            commandName, "no lab files given; name files or a folder of .json files");
    return validate(files);
}

} // namespace chaoslab::cli
