// The editor of one probe: name, kind, target (a proxy of the server, whose listen address
// the probe follows, or a host and port), the HTTP request, credentials and the schedule.
// Only the fields of the chosen kind are shown. Number fields cannot hold values out of
// range. ProbeFormValidator checks the rest when the user accepts. An invalid field keeps
// the dialog open, shows the message and takes the focus.
#pragma once

#include "probeformvalidator.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace chaoslab::ui {

class ProbeDialog : public QDialog
{
    Q_OBJECT

public:
    // `proxies` maps the server's proxy names to their listen addresses. `takenLabels` are
    // the names of the other probes.
    ProbeDialog(const probes::ProbeSpec& spec, const QMap<QString, QString>& proxies,
        QStringList takenLabels, QWidget* parent = nullptr);

    // The probe as entered; its id is the one given to the constructor.
    probes::ProbeSpec spec() const;
    // The message shown for the last invalid field, or empty.
    QString errorText() const;

    QLineEdit* labelEdit() const { return m_label; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* targetBox() const { return m_target; }
    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portBox() const { return m_port; }
    QLineEdit* pathEdit() const { return m_path; }
    QPlainTextEdit* headersEdit() const { return m_headers; }
    QSpinBox* intervalBox() const { return m_interval; }

    void accept() override;

private:
    QGroupBox* buildTarget(const QMap<QString, QString>& proxies);
    QGroupBox* buildHttp();
    QGroupBox* buildCredentials();
    QGroupBox* buildSchedule();
    void setValues(const probes::ProbeSpec& spec);
    void updateVisibleFields();
    void showError(const ProbeFormError& error);
    QWidget* widgetFor(ProbeFormError::Field field) const;

    ProbeFormValidator m_validator;
    QString m_id;
    QMap<QString, QString> m_proxies;
    QLineEdit* m_label = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_target = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QGroupBox* m_http = nullptr;
    QComboBox* m_method = nullptr;
    QLineEdit* m_path = nullptr;
    QPlainTextEdit* m_headers = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QSpinBox* m_status = nullptr;
    QCheckBox* m_insecure = nullptr;
    QGroupBox* m_credentials = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_database = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QSpinBox* m_interval = nullptr;
    QSpinBox* m_timeout = nullptr;
    QSpinBox* m_concurrency = nullptr;
    QCheckBox* m_keepAlive = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace chaoslab::ui
