#include "labstepview.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace chaoslab::ui {

LabStepView::LabStepView(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_done(new QLabel(this))
    , m_text(new QTextBrowser(this))
    , m_checks(new QListWidget(this))
    , m_question(new QGroupBox(this))
    , m_choices(new QVBoxLayout)
    , m_choiceGroup(new QButtonGroup(this))
    , m_answer(new QPushButton(tr("Answer"), this))
    , m_feedback(new QLabel(this))
    , m_confirm(new QPushButton(this))
    , m_hintButton(new QPushButton(tr("Show a hint"), this))
    , m_hints(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_text->setAccessibleName(tr("Step text"));
    m_checks->setAccessibleName(tr("Checks of this step"));
    // The confirm button's text comes from the lab and is empty until a step sets it.
    m_confirm->setAccessibleName(tr("Confirm this step"));
    m_checks->setMaximumHeight(m_checks->fontMetrics().height() * 6);
    // Check texts are sentences; wrapped, they stay readable in a narrow dock.
    m_checks->setWordWrap(true);
    m_checks->setResizeMode(QListView::Adjust);
    m_checks->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_feedback->setWordWrap(true);
    m_hints->setWordWrap(true);
    m_hints->setTextFormat(Qt::MarkdownText);

    auto* questionLayout = new QVBoxLayout(m_question);
    questionLayout->addLayout(m_choices);
    questionLayout->addWidget(m_answer, 0, Qt::AlignLeft);
    questionLayout->addWidget(m_feedback);

    auto* heading = new QHBoxLayout;
    heading->addWidget(m_title, 1);
    heading->addWidget(m_done);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(heading);
    layout->addWidget(m_text, 1);
    layout->addWidget(new QLabel(tr("Checks"), this));
    layout->addWidget(m_checks);
    layout->addWidget(m_question);
    layout->addWidget(m_confirm, 0, Qt::AlignLeft);
    layout->addWidget(m_hintButton, 0, Qt::AlignLeft);
    layout->addWidget(m_hints);

    connect(m_answer, &QPushButton::clicked, this, [this] {
        if (m_choiceGroup->checkedId() >= 0)
            emit answerChosen(m_choiceGroup->checkedId());
    });
    connect(m_confirm, &QPushButton::clicked, this, &LabStepView::confirmed);
    connect(m_hintButton, &QPushButton::clicked, this, &LabStepView::revealHint);
}

void LabStepView::showStep(const lab::LabStep& step, const QString& language, bool complete)
{
    m_title->setText(step.title.in(language));
    m_text->setMarkdown(step.text.in(language));
    m_checks->clear();
    m_checks->setVisible(!step.checks.isEmpty());

    for (QAbstractButton* button : m_choiceGroup->buttons()) {
        m_choiceGroup->removeButton(button);
        delete button;
    }
    m_question->setVisible(step.question.has_value());
    if (step.question) {
        m_question->setTitle(step.question->prompt.in(language));
        for (qsizetype i = 0; i < step.question->choices.size(); ++i) {
            auto* choice
                = new QRadioButton(step.question->choices[i].text.in(language), m_question);
            m_choiceGroup->addButton(choice, int(i));
            m_choices->addWidget(choice);
        }
    }
    m_feedback->clear();
    m_confirm->setVisible(!step.confirm.isEmpty());
    m_confirm->setText(step.confirm.in(language));

    m_hintTexts.clear();
    for (const lab::LabText& hint : step.hints)
        m_hintTexts.append(hint.in(language));
    m_hintsShown = 0;
    m_hints->clear();
    m_hintButton->setVisible(!m_hintTexts.isEmpty());
    m_hintButton->setEnabled(true);
    setComplete(complete);
}

void LabStepView::showChecks(const QList<lab::CheckResult>& results)
{
    m_checks->clear();
    for (const lab::CheckResult& result : results) {
        // The mark carries the state for people who cannot tell the colours apart.
        const QString mark = result.passed ? QStringLiteral("\u2713") : QStringLiteral("\u2026");
        auto* item
            = new QListWidgetItem(QStringLiteral("%1  %2").arg(mark, result.status), m_checks);
        item->setData(Qt::AccessibleTextRole,
            result.passed ? tr("passed: %1").arg(result.status)
                          : tr("waiting: %1").arg(result.status));
    }
}

void LabStepView::showFeedback(const QString& feedback, bool correct)
{
    const QString verdict = correct ? tr("Correct.") : tr("Not quite.");
    m_feedback->setText(feedback.isEmpty() ? verdict : verdict + u' ' + feedback);
}

void LabStepView::setComplete(bool complete)
{
    m_done->setText(complete ? tr("\u2713 Done") : QString());
}

void LabStepView::revealHint()
{
    if (m_hintsShown >= m_hintTexts.size())
        return;
    ++m_hintsShown;
    m_hints->setText(m_hintTexts.mid(0, m_hintsShown).join(QStringLiteral("\n\n")));
    m_hintButton->setEnabled(m_hintsShown < m_hintTexts.size());
}

} // namespace chaoslab::ui
