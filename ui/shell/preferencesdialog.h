#pragma once
// Preferences: library folders, language (applied at once), processing device, import behaviour,
// writing .xmp sidecars.
// Every change is saved immediately. UI thread only.

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace shoebox {

class LanguageManager;

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(const QString& libraryPath, LanguageManager* languages, QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }

Q_SIGNALS:
    void foldersAdded(const QStringList& folders);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildGeneralBox();
    void buildImportBox();
    void connectSettings();
    void retranslate();
    void loadFolders();

    QString m_library;
    LanguageManager* m_languages;
    QGroupBox* m_foldersBox;
    QListWidget* m_folders;
    QPushButton* m_addFolder;
    QGroupBox* m_generalBox;
    QLabel* m_languageLabel;
    QComboBox* m_language;
    QLabel* m_deviceLabel;
    QComboBox* m_device;
    QGroupBox* m_importBox;
    QRadioButton* m_ask;
    QRadioButton* m_index;
    QRadioButton* m_copy;
    QButtonGroup* m_mode;
    QLabel* m_importFolderLabel;
    QLineEdit* m_importFolder;
    QPushButton* m_browse;
    QCheckBox* m_sidecars; // metadata: write .xmp sidecars as marks change (off by default)
    QPushButton* m_close;
};

} // namespace shoebox
