<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>shoebox::DuplicateCompare</name>
    <message>
        <source>Keep %1</source>
        <translation>%1 behalten</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no EXIF camera</source>
        <translation>keine EXIF-Kamera</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Schärfe</translation>
    </message>
    <message>
        <source>Suggested keeper: %1</source>
        <translation>Vorgeschlagen zum Behalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more photo(s) in this group are not shown.</source>
        <translation>
            <numerusform>%n weiteres Foto dieser Gruppe wird nicht gezeigt.</numerusform>
            <numerusform>%n weitere Fotos dieser Gruppe werden nicht gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Differs between the photos</source>
        <translation>Unterscheidet sich zwischen den Fotos</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>check</source>
        <translation>prüfen</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>&lt;span style='color:#c62828'&gt;Check before trashing&lt;/span&gt;: %1 matches only on a search of the small thumbnails or on one patch both photos share; on a picture with little in it another photo can match that way.</source>
        <translation>&lt;span style='color:#c62828'&gt;Vor dem Löschen prüfen&lt;/span&gt;: %1 stimmt nur bei einer Suche in den kleinen Vorschaubildern oder in einem Bereich überein, den beide Fotos gemeinsam haben; bei einem Bild mit wenig Inhalt kann so auch ein anderes Foto übereinstimmen.</translation>
    </message>
    <message>
        <source>&lt;span style='color:#b8860b'&gt;Dashed outline&lt;/span&gt;: the picture found inside a frame, border or screen; the frame itself never counts as a likeness.</source>
        <translation>&lt;span style='color:#b8860b'&gt;Gestrichelter Umriss&lt;/span&gt;: das Bild, das in einem Rahmen, Rand oder Bildschirm gefunden wurde; der Rahmen selbst zählt nie als Ähnlichkeit.</translation>
    </message>
</context>
<context>
    <name>shoebox::DuplicatesDialog</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Suche nach Duplikaten…</translation>
    </message>
    <message>
        <source>Could not look for duplicates: %1</source>
        <translation>Die Suche nach Duplikaten ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Keine Duplikate gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) found.</source>
        <translation>
            <numerusform>%n Gruppe gefunden.</numerusform>
            <numerusform>%n Gruppen gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) to the trash.</source>
        <translation>
            <numerusform>%n Foto in den Papierkorb verschoben.</numerusform>
            <numerusform>%n Fotos in den Papierkorb verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Nicht verschoben: %1</translation>
    </message>
    <message>
        <source>Kept all photos of the group.</source>
        <translation>Alle Fotos der Gruppe behalten.</translation>
    </message>
    <message>
        <source>Marked as not duplicates.</source>
        <translation>Als keine Duplikate markiert.</translation>
    </message>
    <message>
        <source>The decision could not be saved.</source>
        <translation>Die Entscheidung konnte nicht gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) restored from the trash.</source>
        <translation>
            <numerusform>%n Foto aus dem Papierkorb wiederhergestellt.</numerusform>
            <numerusform>%n Fotos aus dem Papierkorb wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The decision was undone.</source>
        <translation>Die Entscheidung wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The decision could not be undone.</source>
        <translation>Die Entscheidung konnte nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation>Duplikate finden</translation>
    </message>
    <message>
        <source>Exact copies</source>
        <translation>Exakte Kopien</translation>
    </message>
    <message>
        <source>Near duplicates (edited, resized, re-saved)</source>
        <translation>Beinahe-Duplikate (bearbeitet, verkleinert, neu gespeichert)</translation>
    </message>
    <message>
        <source>Similar (the same scene)</source>
        <translation>Ähnlich (dieselbe Szene)</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Ganze Bibliothek</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Move Others to Trash</source>
        <translation>Andere in den Papierkorb</translation>
    </message>
    <message>
        <source>Keep All</source>
        <translation>Alle behalten</translation>
    </message>
    <message>
        <source>Not Duplicates</source>
        <translation>Keine Duplikate</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>Deine Bibliothek ist leer</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>Ziehe Ordner oder Fotos irgendwo auf dieses Fenster oder wähle die Ordner mit deinen Fotos. Shoebox indiziert sie im Hintergrund; an deinen Dateien wird nichts verändert.</translation>
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
        <translation>
            <numerusform>%Ln Foto</numerusform>
            <numerusform>%Ln Fotos</numerusform>
        </translation>
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
        <translation>Kopiere in die Bibliothek</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s).</source>
        <translation>
            <numerusform>%n Foto kopiert.</numerusform>
            <numerusform>%n Fotos kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation>
            <numerusform>%n exaktes Duplikat ist schon in der Bibliothek und wurde nicht kopiert.</numerusform>
            <numerusform>%n exakte Duplikate sind schon in der Bibliothek und wurden nicht kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation>
            <numerusform>%n Datei konnte nicht kopiert werden.</numerusform>
            <numerusform>%n Dateien konnten nicht kopiert werden.</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n neues Foto indiziert</numerusform>
            <numerusform>%n neue Fotos indiziert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n aktualisiert</numerusform>
            <numerusform>%n aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>Abgebrochen; was schon indiziert ist, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Tagging photos</source>
        <translation>Fotos werden verschlagwortet</translation>
    </message>
    <message>
        <source>Tagging skipped: %1</source>
        <translation>Verschlagwortung übersprungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n photo(s).</source>
        <translation>
            <numerusform>%n Foto verschlagwortet.</numerusform>
            <numerusform>%n Fotos verschlagwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagging was cancelled; it resumes with the next scan.</source>
        <translation>Verschlagwortung abgebrochen; sie wird beim nächsten Scan fortgesetzt.</translation>
    </message>
</context>
<context>
    <name>shoebox::InfoPanel</name>
    <message>
        <source>Select a photo to see its details.</source>
        <translation>Wähle ein Foto, um seine Details zu sehen.</translation>
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
        <translation>von dir hinzugefügt</translation>
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
        <translation>
            <numerusform>Identische Kopie:</numerusform>
            <numerusform>Identische Kopien:</numerusform>
        </translation>
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
        <translation>
            <numerusform>noch etwa %n Minute</numerusform>
            <numerusform>noch etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>noch etwa %n Stunde</numerusform>
            <numerusform>noch etwa %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>Diesen Vorgang beenden; was schon erledigt ist, bleibt erhalten</translation>
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
        <source>Search: %1</source>
        <translation>Suche: %1</translation>
    </message>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — gleich wie %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>Duplikate nicht kopiert</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation>
            <numerusform>%n Foto ist schon in deiner Bibliothek und wurde nicht noch einmal kopiert.</numerusform>
            <numerusform>%n Fotos sind schon in deiner Bibliothek und wurden nicht noch einmal kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>Wie soll Shoebox Fotos hinzufügen?</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox kann deine Fotos dort indizieren, wo sie liegen, oder sie in seinen Bibliotheksordner kopieren, nach Jahr und Monat geordnet. Du kannst das später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Index Where They Are</source>
        <translation>Dort indizieren, wo sie liegen</translation>
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
        <translation>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;Eine Fotoverwaltung, die deine Originale unangetastet lässt.</translation>
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
        <source>Find Similar</source>
        <translation>Ähnliche finden</translation>
    </message>
    <message>
        <source>Choose Folders with Photos</source>
        <translation>Ordner mit Fotos wählen</translation>
    </message>
    <message>
        <source>Looking for similar photos…</source>
        <translation>Suche ähnliche Fotos…</translation>
    </message>
    <message>
        <source>this photo</source>
        <translation>diesem Foto</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s).</source>
        <translation>
            <numerusform>%n ähnliches Foto.</numerusform>
            <numerusform>%n ähnliche Fotos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Similar to %1</source>
        <translation>Ähnlich wie %1</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>Schlagwort hinzufügen…</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>Tag name:</source>
        <translation>Schlagwort:</translation>
    </message>
    <message>
        <source>The tag could not be added: %1</source>
        <translation>Das Schlagwort konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Schlagwort entfernen</translation>
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
        <translation>&amp;Werkzeuge</translation>
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
        <translation>Fotos in den Bibliotheksordner kopieren, nach Aufnahmedatum geordnet</translation>
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
        <translation>
            <numerusform>%Ln Foto</numerusform>
            <numerusform>%Ln Fotos</numerusform>
        </translation>
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
        <translation>Wenn Fotos abgelegt oder importiert werden</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Mich fragen</translation>
    </message>
    <message>
        <source>Index them where they are</source>
        <translation>Dort indizieren, wo sie liegen</translation>
    </message>
    <message>
        <source>Copy them into the library folder, by year and month</source>
        <translation>In den Bibliotheksordner kopieren, nach Jahr und Monat</translation>
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
    <name>shoebox::SearchBar</name>
    <message>
        <source>Search tags, names, dates, cameras</source>
        <translation>Schlagwörter, Namen, Daten, Kameras suchen</translation>
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
    <name>shoebox::TagBrowserPage</name>
    <message>
        <source>No tags yet: tags appear as photos are analysed, or add your own from a photo&apos;s context menu.</source>
        <translation>Noch keine Schlagwörter: Sie erscheinen, sobald Fotos analysiert sind, oder füge eigene über das Kontextmenü eines Fotos hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n Schlagwort</numerusform>
            <numerusform>%n Schlagwörter</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Schlagwort umbenennen</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>The tag could not be renamed: %1</source>
        <translation>Das Schlagwort konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>Schlagwörter filtern</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
</context>
<context>
    <name>shoebox::TimelinePage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln Foto</numerusform>
            <numerusform>%Ln Fotos</numerusform>
        </translation>
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
        <translation>‹ Vorheriges</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Nächstes ›</translation>
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
<context>
    <name>shoebox::DuplicateGroupList</name>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <source>near duplicates</source>
        <translation>Beinahe-Duplikate</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>ähnlich</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1</source>
        <translation>
            <numerusform>%n Foto, %1</numerusform>
            <numerusform>%n Fotos, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>%1 behalten</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to check</source>
        <comment>a group's title: its photos and level, then how many to check</comment>
        <translation>
            <numerusform>%1, %n zu prüfen</numerusform>
            <numerusform>%1, %n zu prüfen</numerusform>
        </translation>
    </message>
</context>
</TS>
