// Qt's own strings that the console shows but Qt 6.4 ships no Indonesian translation for
// (qtbase has no _id file). lupdate reads this file to list them in chaoslab_id.ts. It is not
// compiled. Each context and source text must match the string in Qt's
// QPlatformTheme or QMessageBox exactly.
QT_TRANSLATE_NOOP("QPlatformTheme", "OK")
QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")
QT_TRANSLATE_NOOP("QPlatformTheme", "Close")
QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")
QT_TRANSLATE_NOOP("QPlatformTheme", "Yes")
QT_TRANSLATE_NOOP("QPlatformTheme", "No")
QT_TRANSLATE_NOOP("QMessageBox", "Show Details...")
QT_TRANSLATE_NOOP("QMessageBox", "Hide Details...")
