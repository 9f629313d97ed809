#include "shell/preferencesdialog.h"

#include "catalog/photostore.h"
#include "metadata/sidecarsync.h"
#include "shell/appsettings.h"
#include "shell/languagemanager.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace shoebox {

PreferencesDialog::PreferencesDialog(const QString& libraryPath, LanguageManager* languages, QWidget* parent)
    : QDialog(parent)
    , m_library(libraryPath)
    , m_languages(languages)
    , m_foldersBox(new QGroupBox(this))
    , m_folders(new QListWidget(this))
    , m_addFolder(new QPushButton(this))
    , m_generalBox(new QGroupBox(this))
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_deviceLabel(new QLabel(this))
    , m_device(new QComboBox(this))
    , m_importBox(new QGroupBox(this))
    , m_ask(new QRadioButton(this))
    , m_index(new QRadioButton(this))
    , m_copy(new QRadioButton(this))
    , m_mode(new QButtonGroup(this))
    , m_importFolderLabel(new QLabel(this))
    , m_importFolder(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_sidecars(new QCheckBox(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("preferences"));
    m_language->setObjectName(QStringLiteral("language"));
    m_sidecars->setObjectName(QStringLiteral("writeSidecars"));
    m_sidecars->setChecked(SidecarSync::enabled());
    auto* folderLayout = new QVBoxLayout(m_foldersBox);
    folderLayout->addWidget(m_folders);
    folderLayout->addWidget(m_addFolder, 0, Qt::AlignLeft);
    m_folders->setMinimumHeight(90);

    buildGeneralBox();
    buildImportBox();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_generalBox);
    layout->addWidget(m_foldersBox);
    layout->addWidget(m_importBox);
    layout->addLayout(buttons);

    connectSettings();
    loadFolders();
    retranslate();
}

void PreferencesDialog::buildGeneralBox()
{
    for (const LanguageManager::Language& l : LanguageManager::languages())
        m_language->addItem(l.nativeName, l.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_languages->language())));
    m_device->addItem(QString(), int(AppSettings::Device::Automatic));
    m_device->addItem(QString(), int(AppSettings::Device::Cpu));
    m_device->addItem(QString(), int(AppSettings::Device::Gpu));
    m_device->setCurrentIndex(m_device->findData(int(AppSettings::device())));
    auto* general = new QFormLayout(m_generalBox);
    general->addRow(m_languageLabel, m_language);
    general->addRow(m_deviceLabel, m_device);
    general->addRow(m_sidecars);
}

void PreferencesDialog::buildImportBox()
{
    m_mode->addButton(m_ask, int(AppSettings::ImportMode::Ask));
    m_mode->addButton(m_index, int(AppSettings::ImportMode::IndexInPlace));
    m_mode->addButton(m_copy, int(AppSettings::ImportMode::CopyByDate));
    m_mode->button(int(AppSettings::importMode()))->setChecked(true);
    m_importFolder->setText(QDir::toNativeSeparators(AppSettings::importFolder()));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_importFolderLabel);
    folderRow->addWidget(m_importFolder, 1);
    folderRow->addWidget(m_browse);
    auto* importLayout = new QVBoxLayout(m_importBox);
    importLayout->addWidget(m_ask);
    importLayout->addWidget(m_index);
    importLayout->addWidget(m_copy);
    importLayout->addLayout(folderRow);
}

// Each setting is saved as soon as it changes; Close only closes.
void PreferencesDialog::connectSettings()
{
    connect(m_sidecars, &QCheckBox::toggled, this, [](bool on) { SidecarSync::setEnabled(on); });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_language->currentData().toString();
        AppSettings::setLanguage(code);
        m_languages->setLanguage(code);
    });
    connect(m_device, &QComboBox::currentIndexChanged, this,
        [this] { AppSettings::setDevice(AppSettings::Device(m_device->currentData().toInt())); });
    connect(m_mode, &QButtonGroup::idClicked, this,
        [](int id) { AppSettings::setImportMode(AppSettings::ImportMode(id)); });
    connect(m_importFolder, &QLineEdit::editingFinished, this, [this] {
        if (!m_importFolder->text().trimmed().isEmpty())
            AppSettings::setImportFolder(QDir::fromNativeSeparators(m_importFolder->text().trimmed()));
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Library Folder"), AppSettings::importFolder());
        if (dir.isEmpty())
            return;
        m_importFolder->setText(QDir::toNativeSeparators(dir));
        AppSettings::setImportFolder(dir);
    });
    connect(m_addFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Folder"));
        if (dir.isEmpty())
            return;
        m_folders->addItem(QDir::toNativeSeparators(dir));
        Q_EMIT foldersAdded({ dir });
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
}

void PreferencesDialog::loadFolders()
{
    // A handful of rows; reading them here keeps the dialog simple.
    for (const FolderRecord& f : PhotoStore(m_library).folders()) {
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(f.displayPath), m_folders);
        item->setToolTip(tr("%Ln photo(s)", nullptr, int(f.photoCount)));
    }
}

void PreferencesDialog::retranslate()
{
    setWindowTitle(tr("Preferences"));
    m_generalBox->setTitle(tr("General"));
    m_languageLabel->setText(tr("Language:"));
    m_deviceLabel->setText(tr("Tagging runs on:"));
    m_device->setItemText(0, tr("Automatic (GPU when available)"));
    m_device->setItemText(1, tr("CPU"));
    m_device->setItemText(2, tr("GPU"));
    m_foldersBox->setTitle(tr("Library Folders"));
    m_addFolder->setText(tr("Add Folder…"));
    m_importBox->setTitle(tr("When Photos Are Dropped or Imported"));
    m_ask->setText(tr("Ask me"));
    m_index->setText(tr("Index them where they are"));
    m_copy->setText(tr("Copy them into the library folder, by year and month"));
    m_importFolderLabel->setText(tr("Library folder:"));
    m_browse->setText(tr("Browse…"));
    m_sidecars->setText(tr("Write tags, ratings and people into .xmp sidecars (digiKam, darktable)"));
    m_close->setText(tr("Close"));
}

void PreferencesDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace shoebox
