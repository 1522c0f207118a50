// One lab step as the participant reads it: title, Markdown text, the live state of its
// checks, its question or confirmation, and hints revealed one at a time.
#pragma once

#include "lab/labchecks.h"
#include "lab/labdocument.h"

#include <QWidget>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace chaoslab::ui {

class LabStepView : public QWidget
{
    Q_OBJECT

public:
    explicit LabStepView(QWidget* parent = nullptr);

    void showStep(const lab::LabStep& step, const QString& language, bool complete);
    void showChecks(const QList<lab::CheckResult>& results);
    void showFeedback(const QString& feedback, bool correct);
    void setComplete(bool complete);

signals:
    void answerChosen(int index);
    void confirmed();

private:
    void revealHint();

    QLabel* m_title;
    QLabel* m_done;
    QTextBrowser* m_text;
    QListWidget* m_checks;
    QGroupBox* m_question;
    QVBoxLayout* m_choices;
    QButtonGroup* m_choiceGroup;
    QPushButton* m_answer;
    QLabel* m_feedback;
    QPushButton* m_confirm;
    QPushButton* m_hintButton;
    QLabel* m_hints;
    QStringList m_hintTexts;
    int m_hintsShown = 0;
};

} // namespace chaoslab::ui
