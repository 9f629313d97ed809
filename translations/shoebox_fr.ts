<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>shoebox::DuplicateCompare</name>
    <message>
        <source>Keep %1</source>
        <translation>Garder %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>no EXIF camera</source>
        <translation>pas de caméra EXIF</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Netteté</translation>
    </message>
    <message>
        <source>Suggested keeper: %1</source>
        <translation>À garder (suggestion) : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more photo(s) in this group are not shown.</source>
        <translation>
            <numerusform>%n autre photo de ce groupe n’est pas affichée.</numerusform>
            <numerusform>%n autres photos de ce groupe ne sont pas affichées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Differs between the photos</source>
        <translation>Diffère entre les photos</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>check</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmée</translation>
    </message>
    <message>
        <source>&lt;span style='color:#c62828'&gt;Check before trashing&lt;/span&gt;: %1 matches only on a search of the small thumbnails or on one patch both photos share; on a picture with little in it another photo can match that way.</source>
        <translation>&lt;span style='color:#c62828'&gt;À vérifier avant la corbeille&lt;/span&gt; : %1 ne correspond que par une recherche dans les petites vignettes ou par une zone que les deux photos partagent ; sur une image qui contient peu de choses, une autre photo peut correspondre ainsi.</translation>
    </message>
    <message>
        <source>&lt;span style='color:#b8860b'&gt;Dashed outline&lt;/span&gt;: the picture found inside a frame, border or screen; the frame itself never counts as a likeness.</source>
        <translation>&lt;span style='color:#b8860b'&gt;Contour en pointillés&lt;/span&gt; : l’image trouvée dans un cadre, une bordure ou un écran ; le cadre lui-même ne compte jamais comme une ressemblance.</translation>
    </message>
</context>
<context>
    <name>shoebox::DuplicatesDialog</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
    <message>
        <source>Could not look for duplicates: %1</source>
        <translation>Impossible de chercher les doublons : %1</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Aucun doublon trouvé.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) found.</source>
        <translation>
            <numerusform>%n groupe trouvé.</numerusform>
            <numerusform>%n groupes trouvés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) to the trash.</source>
        <translation>
            <numerusform>%n photo placée dans la corbeille.</numerusform>
            <numerusform>%n photos placées dans la corbeille.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Non déplacées : %1</translation>
    </message>
    <message>
        <source>Kept all photos of the group.</source>
        <translation>Toutes les photos du groupe sont gardées.</translation>
    </message>
    <message>
        <source>Marked as not duplicates.</source>
        <translation>Marquées comme non doublons.</translation>
    </message>
    <message>
        <source>The decision could not be saved.</source>
        <translation>La décision n’a pas pu être enregistrée.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) restored from the trash.</source>
        <translation>
            <numerusform>%n photo restaurée depuis la corbeille.</numerusform>
            <numerusform>%n photos restaurées depuis la corbeille.</numerusform>
        </translation>
    </message>
    <message>
        <source>The decision was undone.</source>
        <translation>La décision a été annulée.</translation>
    </message>
    <message>
        <source>The decision could not be undone.</source>
        <translation>La décision n’a pas pu être annulée.</translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation>Trouver les doublons</translation>
    </message>
    <message>
        <source>Exact copies</source>
        <translation>Copies exactes</translation>
    </message>
    <message>
        <source>Near duplicates (edited, resized, re-saved)</source>
        <translation>Quasi-doublons (retouchés, redimensionnés, réenregistrés)</translation>
    </message>
    <message>
        <source>Similar (the same scene)</source>
        <translation>Similaires (la même scène)</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Toute la photothèque</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Move Others to Trash</source>
        <translation>Mettre les autres à la corbeille</translation>
    </message>
    <message>
        <source>Keep All</source>
        <translation>Tout garder</translation>
    </message>
    <message>
        <source>Not Duplicates</source>
        <translation>Pas des doublons</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>Votre photothèque est vide</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>Déposez des dossiers ou des photos n’importe où sur cette fenêtre, ou choisissez les dossiers où se trouvent vos photos. Shoebox les indexe en arrière-plan ; vos fichiers ne sont jamais modifiés.</translation>
    </message>
    <message>
        <source>Choose Folders…</source>
        <translation>Choisir des dossiers…</translation>
    </message>
</context>
<context>
    <name>shoebox::GridPage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::ImageView</name>
    <message>
        <source>This file cannot be shown.</source>
        <translation>Ce fichier ne peut pas être affiché.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>shoebox::ImportController</name>
    <message>
        <source>Copying into the library</source>
        <translation>Copie dans la photothèque</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s).</source>
        <translation>
            <numerusform>%n photo copiée.</numerusform>
            <numerusform>%n photos copiées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation>
            <numerusform>%n doublon exact déjà dans la photothèque, non copié.</numerusform>
            <numerusform>%n doublons exacts déjà dans la photothèque, non copiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation>
            <numerusform>%n fichier n’a pas pu être copié.</numerusform>
            <numerusform>%n fichiers n’ont pas pu être copiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Indexing photos</source>
        <translation>Indexation des photos</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n new photo(s)</source>
        <translation>
            <numerusform>%n nouvelle photo indexée</numerusform>
            <numerusform>%n nouvelles photos indexées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n mise à jour</numerusform>
            <numerusform>%n mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n illisible</numerusform>
            <numerusform>%n illisibles</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>Annulé ; ce qui a été indexé est conservé.</translation>
    </message>
    <message>
        <source>Tagging photos</source>
        <translation>Étiquetage des photos</translation>
    </message>
    <message>
        <source>Tagging skipped: %1</source>
        <translation>Étiquetage ignoré : %1</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n photo(s).</source>
        <translation>
            <numerusform>%n photo étiquetée.</numerusform>
            <numerusform>%n photos étiquetées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagging was cancelled; it resumes with the next scan.</source>
        <translation>Étiquetage annulé ; il reprendra au prochain scan.</translation>
    </message>
</context>
<context>
    <name>shoebox::InfoPanel</name>
    <message>
        <source>Select a photo to see its details.</source>
        <translation>Sélectionnez une photo pour voir ses détails.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Prise de vue</translation>
    </message>
    <message>
        <source>(file time)</source>
        <translation>(date du fichier)</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <source>Aperture</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>Focale</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>Pas encore d’étiquettes.</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>ajoutée par vous</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>No other copy of this file in the library.</source>
        <translation>Aucune autre copie de ce fichier dans la photothèque.</translation>
    </message>
    <message numerus="yes">
        <source>Identical copies:</source>
        <translation>
            <numerusform>Copie identique :</numerusform>
            <numerusform>Copies identiques :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::JobProgressWidget</name>
    <message>
        <source>less than a minute left</source>
        <translation>moins d’une minute restante</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>environ %n minute restante</numerusform>
            <numerusform>environ %n minutes restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>environ %n heure restante</numerusform>
            <numerusform>environ %n heures restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>Arrêter cette tâche ; ce qui est fait est conservé</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 trouvées</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindow</name>
    <message>
        <source>Search: %1</source>
        <translation>Recherche : %1</translation>
    </message>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — identique à %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>Doublons non copiés</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation>
            <numerusform>%n photo est déjà dans votre photothèque et n’a pas été copiée à nouveau.</numerusform>
            <numerusform>%n photos sont déjà dans votre photothèque et n’ont pas été copiées à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>Comment Shoebox doit-il ajouter les photos ?</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox peut indexer vos photos là où elles se trouvent, ou les copier dans son dossier de photothèque, rangées par année et par mois. Vous pourrez changer cela plus tard dans les Préférences.</translation>
    </message>
    <message>
        <source>Index Where They Are</source>
        <translation>Indexer sur place</translation>
    </message>
    <message>
        <source>Copy into Library</source>
        <translation>Copier dans la photothèque</translation>
    </message>
    <message>
        <source>Import Photos</source>
        <translation>Importer des photos</translation>
    </message>
    <message>
        <source>About Shoebox</source>
        <translation>À propos de Shoebox</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;A photo manager that keeps your originals untouched.</source>
        <translation>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;Un gestionnaire de photos qui ne touche jamais à vos originaux.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show Information</source>
        <translation>Afficher les informations</translation>
    </message>
    <message>
        <source>Find Similar</source>
        <translation>Trouver des photos similaires</translation>
    </message>
    <message>
        <source>Choose Folders with Photos</source>
        <translation>Choisir des dossiers de photos</translation>
    </message>
    <message>
        <source>Looking for similar photos…</source>
        <translation>Recherche de photos similaires…</translation>
    </message>
    <message>
        <source>this photo</source>
        <translation>cette photo</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s).</source>
        <translation>
            <numerusform>%n photo similaire.</numerusform>
            <numerusform>%n photos similaires.</numerusform>
        </translation>
    </message>
    <message>
        <source>Similar to %1</source>
        <translation>Similaires à %1</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>Ajouter une étiquette…</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Tag name:</source>
        <translation>Étiquette :</translation>
    </message>
    <message>
        <source>The tag could not be added: %1</source>
        <translation>L’étiquette n’a pas pu être ajoutée : %1</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Retirer une étiquette</translation>
    </message>
    <message>
        <source>Shoebox</source>
        <translation>Shoebox</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>Toutes les photos</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Index the photos of a folder where they are</source>
        <translation>Indexer les photos d’un dossier sur place</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>&amp;Importer des photos…</translation>
    </message>
    <message>
        <source>Copy photos into the library folder, arranged by capture date</source>
        <translation>Copier les photos dans le dossier de la photothèque, rangées par date de prise de vue</translation>
    </message>
    <message>
        <source>&amp;Rescan Library</source>
        <translation>&amp;Réanalyser la photothèque</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>All &amp;Photos</source>
        <translation>Toutes les &amp;photos</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Chronologie</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Information Panel</source>
        <translation>Panneau d’&amp;informations</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>Trouver les &amp;doublons…</translation>
    </message>
    <message>
        <source>&amp;About Shoebox</source>
        <translation>À &amp;propos de Shoebox</translation>
    </message>
</context>
<context>
    <name>shoebox::PreferencesDialog</name>
    <message>
        <source>Library Folder</source>
        <translation>Dossier de la photothèque</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Tagging runs on:</source>
        <translation>L’étiquetage utilise :</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatique (GPU si disponible)</translation>
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
        <translation>Dossiers de la photothèque</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>When Photos Are Dropped or Imported</source>
        <translation>Quand des photos sont déposées ou importées</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Me demander</translation>
    </message>
    <message>
        <source>Index them where they are</source>
        <translation>Les indexer sur place</translation>
    </message>
    <message>
        <source>Copy them into the library folder, by year and month</source>
        <translation>Les copier dans le dossier de la photothèque, par année et par mois</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Dossier de la photothèque :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>shoebox::SearchBar</name>
    <message>
        <source>Search tags, names, dates, cameras</source>
        <translation>Chercher étiquettes, noms, dates, appareils</translation>
    </message>
</context>
<context>
    <name>shoebox::Sidebar</name>
    <message>
        <source>LIBRARY</source>
        <translation>PHOTOTHÈQUE</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>Toutes les photos</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>FOLDERS</source>
        <translation>DOSSIERS</translation>
    </message>
</context>
<context>
    <name>shoebox::TagBrowserPage</name>
    <message>
        <source>No tags yet: tags appear as photos are analysed, or add your own from a photo&apos;s context menu.</source>
        <translation>Pas encore d’étiquettes : elles apparaissent à mesure que les photos sont analysées, ou ajoutez les vôtres depuis le menu contextuel d’une photo.</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n étiquette</numerusform>
            <numerusform>%n étiquettes</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Nouveau nom pour « %1 » :</translation>
    </message>
    <message>
        <source>The tag could not be renamed: %1</source>
        <translation>L’étiquette n’a pas pu être renommée : %1</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>Filtrer les étiquettes</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
</context>
<context>
    <name>shoebox::TimelinePage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::TimelineScrubber</name>
    <message>
        <source>No capture date</source>
        <translation>Sans date de prise de vue</translation>
    </message>
</context>
<context>
    <name>shoebox::ViewerPage</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>Retour aux photos (Échap)</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Précédente</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Suivante ›</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
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
        <translation>identiques</translation>
    </message>
    <message>
        <source>near duplicates</source>
        <translation>quasi-doublons</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>similaires</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1</source>
        <translation>
            <numerusform>%n photo, %1</numerusform>
            <numerusform>%n photos, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>garder %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to check</source>
        <comment>a group's title: its photos and level, then how many to check</comment>
        <translation>
            <numerusform>%1, %n à vérifier</numerusform>
            <numerusform>%1, %n à vérifier</numerusform>
        </translation>
    </message>
</context>
</TS>
