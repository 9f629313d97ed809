<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>Votre photothèque est vide</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>Déposez des dossiers ou des photos n’importe où dans cette fenêtre, ou choisissez les dossiers où se trouvent vos photos. Shoebox les indexe en arrière-plan ; vos fichiers ne sont jamais modifiés.</translation>
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
        <translation><numerusform>%Ln photo</numerusform><numerusform>%Ln photos</numerusform></translation>
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
        <translation><numerusform>%n photo copiée.</numerusform><numerusform>%n photos copiées.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation><numerusform>%n doublon exact déjà dans la photothèque, non copié.</numerusform><numerusform>%n doublons exacts déjà dans la photothèque, non copiés.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation><numerusform>%n fichier n’a pas pu être copié.</numerusform><numerusform>%n fichiers n’ont pas pu être copiés.</numerusform></translation>
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
        <translation><numerusform>%n nouvelle photo indexée</numerusform><numerusform>%n nouvelles photos indexées</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation><numerusform>%n mise à jour</numerusform><numerusform>%n mises à jour</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation><numerusform>%n illisible</numerusform><numerusform>%n illisibles</numerusform></translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>Annulé ; ce qui a été indexé est conservé.</translation>
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
        <translation><numerusform>Copie identique :</numerusform><numerusform>Copies identiques :</numerusform></translation>
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
        <translation><numerusform>environ %n minute restante</numerusform><numerusform>environ %n minutes restantes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation><numerusform>environ %n heure restante</numerusform><numerusform>environ %n heures restantes</numerusform></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>Arrêter cette tâche ; le travail déjà fait est conservé</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 trouvés</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindow</name>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — identique à %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… et %n autre</numerusform><numerusform>… et %n autres</numerusform></translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>Doublons non copiés</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation><numerusform>%n photo est déjà dans votre photothèque et n’a pas été recopiée.</numerusform><numerusform>%n photos sont déjà dans votre photothèque et n’ont pas été recopiées.</numerusform></translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>Comment Shoebox doit-il ajouter les photos ?</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox peut indexer vos photos là où elles sont, ou les copier dans son dossier de photothèque, classées par année et par mois. Vous pourrez changer cela plus tard dans les Préférences.</translation>
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
        <source>Choose Folders with Photos</source>
        <translation>Choisir des dossiers de photos</translation>
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
        <translation>&amp;Édition</translation>
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
        <translation>Indexer les photos d’un dossier là où elles sont</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>&amp;Importer des photos…</translation>
    </message>
    <message>
        <source>Copy photos into the library folder, arranged by capture date</source>
        <translation>Copier les photos dans le dossier de la photothèque, classées par date de prise de vue</translation>
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
        <translation>Rechercher les &amp;doublons…</translation>
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
        <translation><numerusform>%Ln photo</numerusform><numerusform>%Ln photos</numerusform></translation>
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
        <translation>L’étiquetage s’exécute sur :</translation>
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
        <translation>Les indexer là où elles sont</translation>
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
    <name>shoebox::TimelinePage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation><numerusform>%Ln photo</numerusform><numerusform>%Ln photos</numerusform></translation>
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
</TS>