#include "experimentsettingsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>

namespace chaoslab::ui {

namespace {

QPlainTextEdit* lineListEdit(QWidget* parent, const QString& placeholder, int lines)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTabChangesFocus(true);
    const int margins = 2 * (edit->frameWidth() + int(edit->document()->documentMargin()));
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + margins);
    return edit;
}

} // namespace

ExperimentSettingsForm::ExperimentSettingsForm(QWidget* parent)
    : QGroupBox(tr("Run settings"), parent)
    , m_strategy(new QComboBox(this))
    , m_vars(lineListEdit(this, tr("KEY=VALUE, one per line, as --var"), 2))
    , m_maps(lineListEdit(this, tr("FROM=TO, one per line, as --map"), 6))
    , m_preset(new QPushButton(tr("Use the academy's maps"), this))
    , m_keepChanges(new QCheckBox(tr("Keep the experiment's changes after it ends"), this))
    , m_error(new QLabel(this))
{
    for (const char* name : { "default", "always", "never", "deviated" })
        m_strategy->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    m_strategy->setAccessibleName(tr("Rollback strategy"));
    m_vars->setAccessibleName(tr("Configuration values"));
    m_maps->setAccessibleName(tr("Address maps"));
    m_preset->setToolTip(tr("Sends toxiproxy to this console's Toxiproxy address, order-api and "
                            "notifier to 127.0.0.1, and jsonplaceholder.typicode.com to the "
                            "demo HTTP service"));
    m_keepChanges->setToolTip(
        tr("Leaves the toxics and proxies that the experiment changed as they are when the run "
           "ends, to show the broken state. Otherwise the window restores them from its rollback "
           "journal after the experiment's own rollbacks."));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #cf222e"));
    m_error->hide();

    auto* mapsRow = new QVBoxLayout;
    mapsRow->addWidget(m_maps);
    mapsRow->addWidget(m_preset, 0, Qt::AlignLeft);
    auto* layout = new QFormLayout(this);
    layout->addRow(tr("Rollback strategy:"), m_strategy);
    layout->addRow(tr("Variables:"), m_vars);
    layout->addRow(tr("Address maps:"), mapsRow);
    layout->addRow(m_keepChanges);
    layout->addRow(m_error);

    const auto changed = [this] {
        ParsedRunSettings parsed;
        validate(parsed);
        emit edited();
    };
    connect(m_strategy, &QComboBox::activated, this, changed);
    connect(m_vars, &QPlainTextEdit::textChanged, this, changed);
    connect(m_maps, &QPlainTextEdit::textChanged, this, changed);
    connect(m_keepChanges, &QCheckBox::toggled, this, changed);
    connect(m_preset, &QPushButton::clicked, this, [this] {
        if (m_presetMaps)
            m_maps->setPlainText(m_presetMaps());
    });
}

void ExperimentSettingsForm::setSettings(
    const ExperimentRunSettings& settings, const QString& fileStrategy)
{
    const QSignalBlocker blockVars(m_vars);
    const QSignalBlocker blockMaps(m_maps);
    const QString strategy = settings.strategy.isEmpty()
        ? (fileStrategy.isEmpty() ? QStringLiteral("default") : fileStrategy)
        : settings.strategy;
    m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(strategy)));
    m_strategy->setToolTip(fileStrategy.isEmpty()
            ? tr("The experiment sets no strategy, so Chaos Toolkit uses \"default\".")
            : tr("The experiment sets \"%1\".").arg(fileStrategy));
    const QSignalBlocker blockKeep(m_keepChanges);
    m_vars->setPlainText(settings.vars);
    m_maps->setPlainText(settings.maps);
    m_keepChanges->setChecked(settings.keepChanges);
    ParsedRunSettings parsed;
    validate(parsed);
}

ExperimentRunSettings ExperimentSettingsForm::settings() const
{
    return { m_strategy->currentData().toString(), m_vars->toPlainText(), m_maps->toPlainText(),
        m_keepChanges->isChecked() };
}

bool ExperimentSettingsForm::validate(ParsedRunSettings& parsed)
{
    const auto error = parseRunSettings(settings(), parsed);
    m_error->setText(error.value_or(QString()));
    m_error->setVisible(error.has_value());
    return !error;
}

} // namespace chaoslab::ui
