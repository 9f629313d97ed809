<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>Ihre Bibliothek ist leer</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>Ziehen Sie Ordner oder Fotos an eine beliebige Stelle dieses Fensters oder wählen Sie die Ordner mit Ihren Fotos. Shoebox indiziert sie im Hintergrund; an Ihren Dateien wird nichts verändert.</translation>
    </message>
    <message>
        <source>Choose Folders…</source>
        <translation>Ordner wählen…</translation>
    </message>
</context>
<context>
    <name>shoebox::GridPage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation><numerusform>%Ln Foto</numerusform><numerusform>%Ln Fotos</numerusform></translation>
    </message>
</context>
<context>
    <name>shoebox::ImageView</name>
    <message>
        <source>This file cannot be shown.</source>
        <translation>Diese Datei kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>shoebox::ImportController</name>
    <message>
        <source>Copying into the library</source>
        <translation>Wird in die Bibliothek kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s).</source>
        <translation><numerusform>%n Foto kopiert.</numerusform><numerusform>%n Fotos kopiert.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation><numerusform>%n exaktes Duplikat ist bereits in der Bibliothek und wurde nicht kopiert.</numerusform><numerusform>%n exakte Duplikate sind bereits in der Bibliothek und wurden nicht kopiert.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation><numerusform>%n Datei konnte nicht kopiert werden.</numerusform><numerusform>%n Dateien konnten nicht kopiert werden.</numerusform></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Indexing photos</source>
        <translation>Fotos werden indiziert</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n new photo(s)</source>
        <translation><numerusform>%n neues Foto indiziert</numerusform><numerusform>%n neue Fotos indiziert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation><numerusform>%n aktualisiert</numerusform><numerusform>%n aktualisiert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation><numerusform>%n konnte nicht gelesen werden</numerusform><numerusform>%n konnten nicht gelesen werden</numerusform></translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>Abgebrochen; bereits Indiziertes bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>shoebox::InfoPanel</name>
    <message>
        <source>Select a photo to see its details.</source>
        <translation>Wählen Sie ein Foto, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>(file time)</source>
        <translation>(Dateizeit)</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Objektiv</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>Aperture</source>
        <translation>Blende</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>Brennweite</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>Noch keine Schlagwörter.</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>von Ihnen hinzugefügt</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>No other copy of this file in the library.</source>
        <translation>Keine weitere Kopie dieser Datei in der Bibliothek.</translation>
    </message>
    <message numerus="yes">
        <source>Identical copies:</source>
        <translation><numerusform>Identische Kopie:</numerusform><numerusform>Identische Kopien:</numerusform></translation>
    </message>
</context>
<context>
    <name>shoebox::JobProgressWidget</name>
    <message>
        <source>less than a minute left</source>
        <translation>weniger als eine Minute übrig</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation><numerusform>noch etwa %n Minute</numerusform><numerusform>noch etwa %n Minuten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation><numerusform>noch etwa %n Stunde</numerusform><numerusform>noch etwa %n Stunden</numerusform></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>Diesen Vorgang anhalten; Erledigtes bleibt erhalten</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 gefunden</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindow</name>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — identisch mit %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… und %n weiteres</numerusform><numerusform>… und %n weitere</numerusform></translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>Duplikate nicht kopiert</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation><numerusform>%n Foto ist bereits in Ihrer Bibliothek und wurde nicht erneut kopiert.</numerusform><numerusform>%n Fotos sind bereits in Ihrer Bibliothek und wurden nicht erneut kopiert.</numerusform></translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>Wie soll Shoebox Fotos hinzufügen?</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox kann Ihre Fotos dort indizieren, wo sie liegen, oder sie nach Jahr und Monat geordnet in seinen Bibliotheksordner kopieren. Sie können das später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Index Where They Are</source>
        <translation>Am Ort indizieren</translation>
    </message>
    <message>
        <source>Copy into Library</source>
        <translation>In die Bibliothek kopieren</translation>
    </message>
    <message>
        <source>Import Photos</source>
        <translation>Fotos importieren</translation>
    </message>
    <message>
        <source>About Shoebox</source>
        <translation>Über Shoebox</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;A photo manager that keeps your originals untouched.</source>
        <translation>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;Eine Fotoverwaltung, die Ihre Originale unangetastet lässt.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show Information</source>
        <translation>Informationen anzeigen</translation>
    </message>
    <message>
        <source>Choose Folders with Photos</source>
        <translation>Ordner mit Fotos wählen</translation>
    </message>
    <message>
        <source>Shoebox</source>
        <translation>Shoebox</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>Alle Fotos</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Index the photos of a folder where they are</source>
        <translation>Die Fotos eines Ordners dort indizieren, wo sie liegen</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>Fotos &amp;importieren…</translation>
    </message>
    <message>
        <source>Copy photos into the library folder, arranged by capture date</source>
        <translation>Fotos nach Aufnahmedatum geordnet in den Bibliotheksordner kopieren</translation>
    </message>
    <message>
        <source>&amp;Rescan Library</source>
        <translation>Bibliothek neu &amp;einlesen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>All &amp;Photos</source>
        <translation>Alle &amp;Fotos</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Information Panel</source>
        <translation>&amp;Informationsleiste</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>&amp;Duplikate finden…</translation>
    </message>
    <message>
        <source>&amp;About Shoebox</source>
        <translation>Ü&amp;ber Shoebox</translation>
    </message>
</context>
<context>
    <name>shoebox::PreferencesDialog</name>
    <message>
        <source>Library Folder</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation><numerusform>%Ln Foto</numerusform><numerusform>%Ln Fotos</numerusform></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Tagging runs on:</source>
        <translation>Verschlagwortung läuft auf:</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, wenn vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Library Folders</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>When Photos Are Dropped or Imported</source>
        <translation>Beim Ablegen oder Importieren von Fotos</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <source>Index them where they are</source>
        <translation>Dort indizieren, wo sie liegen</translation>
    </message>
    <message>
        <source>Copy them into the library folder, by year and month</source>
        <translation>Nach Jahr und Monat in den Bibliotheksordner kopieren</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Bibliotheksordner:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>shoebox::Sidebar</name>
    <message>
        <source>LIBRARY</source>
        <translation>BIBLIOTHEK</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>Alle Fotos</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>FOLDERS</source>
        <translation>ORDNER</translation>
    </message>
</context>
<context>
    <name>shoebox::TimelinePage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation><numerusform>%Ln Foto</numerusform><numerusform>%Ln Fotos</numerusform></translation>
    </message>
</context>
<context>
    <name>shoebox::TimelineScrubber</name>
    <message>
        <source>No capture date</source>
        <translation>Ohne Aufnahmedatum</translation>
    </message>
</context>
<context>
    <name>shoebox::ViewerPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>Zurück zu den Fotos (Esc)</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Weiter ›</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
</context>
</TS>