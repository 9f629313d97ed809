<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>shoebox::DuplicateCompare</name>
    <message>
        <source>Keep %1</source>
        <translation>Keep %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>no EXIF camera</source>
        <translation>no EXIF camera</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>File size</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Captured</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Sharpness</translation>
    </message>
    <message>
        <source>Suggested keeper: %1</source>
        <translation>Suggested keeper: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more photo(s) in this group are not shown.</source>
        <translation>
            <numerusform>%n more photo in this group is not shown.</numerusform>
            <numerusform>%n more photos in this group are not shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Differs between the photos</source>
        <translation>Differs between the photos</translation>
    </message>
</context>
<context>
    <name>shoebox::DuplicatesDialog</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Looking for duplicates…</translation>
    </message>
    <message>
        <source>Could not look for duplicates: %1</source>
        <translation>Could not look for duplicates: %1</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identical</translation>
    </message>
    <message>
        <source>near duplicates</source>
        <translation>near duplicates</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>similar</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>No duplicates found.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) found.</source>
        <translation>
            <numerusform>%n group found.</numerusform>
            <numerusform>%n groups found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) to the trash.</source>
        <translation>
            <numerusform>Moved %n photo to the trash.</numerusform>
            <numerusform>Moved %n photos to the trash.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Not moved: %1</translation>
    </message>
    <message>
        <source>Kept all photos of the group.</source>
        <translation>Kept all photos of the group.</translation>
    </message>
    <message>
        <source>Marked as not duplicates.</source>
        <translation>Marked as not duplicates.</translation>
    </message>
    <message>
        <source>The decision could not be saved.</source>
        <translation>The decision could not be saved.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) restored from the trash.</source>
        <translation>
            <numerusform>%n photo restored from the trash.</numerusform>
            <numerusform>%n photos restored from the trash.</numerusform>
        </translation>
    </message>
    <message>
        <source>The decision was undone.</source>
        <translation>The decision was undone.</translation>
    </message>
    <message>
        <source>The decision could not be undone.</source>
        <translation>The decision could not be undone.</translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation>Find Duplicates</translation>
    </message>
    <message>
        <source>Exact copies</source>
        <translation>Exact copies</translation>
    </message>
    <message>
        <source>Near duplicates (edited, resized, re-saved)</source>
        <translation>Near duplicates (edited, resized, re-saved)</translation>
    </message>
    <message>
        <source>Similar (the same scene)</source>
        <translation>Similar (the same scene)</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Move Others to Trash</source>
        <translation>Move Others to Trash</translation>
    </message>
    <message>
        <source>Keep All</source>
        <translation>Keep All</translation>
    </message>
    <message>
        <source>Not Duplicates</source>
        <translation>Not Duplicates</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>Your library is empty</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</translation>
    </message>
    <message>
        <source>Choose Folders…</source>
        <translation>Choose Folders…</translation>
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
        <translation>This file cannot be shown.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>shoebox::ImportController</name>
    <message>
        <source>Copying into the library</source>
        <translation>Copying into the library</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s).</source>
        <translation>
            <numerusform>Copied %n photo.</numerusform>
            <numerusform>Copied %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation>
            <numerusform>%n exact duplicate already in the library, not copied.</numerusform>
            <numerusform>%n exact duplicates already in the library, not copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation>
            <numerusform>%n file could not be copied.</numerusform>
            <numerusform>%n files could not be copied.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Indexing photos</source>
        <translation>Indexing photos</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n new photo(s)</source>
        <translation>
            <numerusform>Indexed %n new photo</numerusform>
            <numerusform>Indexed %n new photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n could not be read</numerusform>
            <numerusform>%n could not be read</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>Cancelled; what was indexed is kept.</translation>
    </message>
    <message>
        <source>Tagging photos</source>
        <translation>Tagging photos</translation>
    </message>
    <message>
        <source>Tagging skipped: %1</source>
        <translation>Tagging skipped: %1</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n photo(s).</source>
        <translation>
            <numerusform>Tagged %n photo.</numerusform>
            <numerusform>Tagged %n photos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagging was cancelled; it resumes with the next scan.</source>
        <translation>Tagging was cancelled; it resumes with the next scan.</translation>
    </message>
</context>
<context>
    <name>shoebox::InfoPanel</name>
    <message>
        <source>Select a photo to see its details.</source>
        <translation>Select a photo to see its details.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
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
        <translation>Capture</translation>
    </message>
    <message>
        <source>(file time)</source>
        <translation>(file time)</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Lens</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposure</translation>
    </message>
    <message>
        <source>Aperture</source>
        <translation>Aperture</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>Focal length</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>No tags yet.</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>added by you</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>No other copy of this file in the library.</source>
        <translation>No other copy of this file in the library.</translation>
    </message>
    <message numerus="yes">
        <source>Identical copies:</source>
        <translation>
            <numerusform>Identical copy:</numerusform>
            <numerusform>Identical copies:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::JobProgressWidget</name>
    <message>
        <source>less than a minute left</source>
        <translation>less than a minute left</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>about %n hour left</numerusform>
            <numerusform>about %n hours left</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>Stop this job; what is done so far is kept</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindow</name>
    <message>
        <source>Search: %1</source>
        <translation>Search: %1</translation>
    </message>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — same as %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>Duplicates not copied</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation>
            <numerusform>%n photo is already in your library and was not copied again.</numerusform>
            <numerusform>%n photos are already in your library and were not copied again.</numerusform>
        </translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>How should Shoebox add photos?</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</translation>
    </message>
    <message>
        <source>Index Where They Are</source>
        <translation>Index Where They Are</translation>
    </message>
    <message>
        <source>Copy into Library</source>
        <translation>Copy into Library</translation>
    </message>
    <message>
        <source>Import Photos</source>
        <translation>Import Photos</translation>
    </message>
    <message>
        <source>About Shoebox</source>
        <translation>About Shoebox</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;A photo manager that keeps your originals untouched.</source>
        <translation>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;A photo manager that keeps your originals untouched.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Show Information</source>
        <translation>Show Information</translation>
    </message>
    <message>
        <source>Find Similar</source>
        <translation>Find Similar</translation>
    </message>
    <message>
        <source>Choose Folders with Photos</source>
        <translation>Choose Folders with Photos</translation>
    </message>
    <message>
        <source>Looking for similar photos…</source>
        <translation>Looking for similar photos…</translation>
    </message>
    <message>
        <source>this photo</source>
        <translation>this photo</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s).</source>
        <translation>
            <numerusform>%n similar photo.</numerusform>
            <numerusform>%n similar photos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Similar to %1</source>
        <translation>Similar to %1</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>Add Tag…</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Add Tag</translation>
    </message>
    <message>
        <source>Tag name:</source>
        <translation>Tag name:</translation>
    </message>
    <message>
        <source>The tag could not be added: %1</source>
        <translation>The tag could not be added: %1</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Remove Tag</translation>
    </message>
    <message>
        <source>Shoebox</source>
        <translation>Shoebox</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>All Photos</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>&amp;Add Folder…</translation>
    </message>
    <message>
        <source>Index the photos of a folder where they are</source>
        <translation>Index the photos of a folder where they are</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>&amp;Import Photos…</translation>
    </message>
    <message>
        <source>Copy photos into the library folder, arranged by capture date</source>
        <translation>Copy photos into the library folder, arranged by capture date</translation>
    </message>
    <message>
        <source>&amp;Rescan Library</source>
        <translation>&amp;Rescan Library</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Select &amp;All</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>All &amp;Photos</source>
        <translation>All &amp;Photos</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Timeline</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>&amp;Information Panel</source>
        <translation>&amp;Information Panel</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>Find &amp;Duplicates…</translation>
    </message>
    <message>
        <source>&amp;About Shoebox</source>
        <translation>&amp;About Shoebox</translation>
    </message>
</context>
<context>
    <name>shoebox::PreferencesDialog</name>
    <message>
        <source>Library Folder</source>
        <translation>Library Folder</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Add Folder</translation>
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
        <translation>Preferences</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Tagging runs on:</source>
        <translation>Tagging runs on:</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatic (GPU when available)</translation>
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
        <translation>Library Folders</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Add Folder…</translation>
    </message>
    <message>
        <source>When Photos Are Dropped or Imported</source>
        <translation>When Photos Are Dropped or Imported</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Ask me</translation>
    </message>
    <message>
        <source>Index them where they are</source>
        <translation>Index them where they are</translation>
    </message>
    <message>
        <source>Copy them into the library folder, by year and month</source>
        <translation>Copy them into the library folder, by year and month</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Library folder:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>shoebox::SearchBar</name>
    <message>
        <source>Search tags, names, dates, cameras</source>
        <translation>Search tags, names, dates, cameras</translation>
    </message>
</context>
<context>
    <name>shoebox::Sidebar</name>
    <message>
        <source>LIBRARY</source>
        <translation>LIBRARY</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>All Photos</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>FOLDERS</source>
        <translation>FOLDERS</translation>
    </message>
</context>
<context>
    <name>shoebox::TagBrowserPage</name>
    <message>
        <source>No tags yet: tags appear as photos are analysed, or add your own from a photo&apos;s context menu.</source>
        <translation>No tags yet: tags appear as photos are analysed, or add your own from a photo&apos;s context menu.</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Rename Tag</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>New name for “%1”:</translation>
    </message>
    <message>
        <source>The tag could not be renamed: %1</source>
        <translation>The tag could not be renamed: %1</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>Filter tags</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
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
        <translation>No capture date</translation>
    </message>
</context>
<context>
    <name>shoebox::ViewerPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>Back to the photos (Esc)</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
</context>
<context>
    <name>shoebox::BackupDialog</name>
    <message numerus="yes">
        <source>%n file(s) could not be read: %1</source>
        <translation>
            <numerusform>%n file could not be read: %1</numerusform>
            <numerusform>%n files could not be read: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::DuplicateGroupList</name>
    <message numerus="yes">
        <source>%1, %n to check</source>
        <comment>a group's title: its photos and level, then how many to check</comment>
        <translation>
            <numerusform>%1, %n to check</numerusform>
            <numerusform>%1, %n to check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1</source>
        <translation>
            <numerusform>%n photo, %1</numerusform>
            <numerusform>%n photos, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::ExportController</name>
    <message numerus="yes">
        <source>Export &quot;%1&quot;: %n Photo(s)</source>
        <translation>
            <numerusform>Export &quot;%1&quot;: %n Photo</numerusform>
            <numerusform>Export &quot;%1&quot;: %n Photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::ExportDialog</name>
    <message numerus="yes">
        <source>Cancelled after %n photo(s).</source>
        <translation>
            <numerusform>Cancelled after %n photo.</numerusform>
            <numerusform>Cancelled after %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n Photo(s)</source>
        <translation>
            <numerusform>Export %n Photo</numerusform>
            <numerusform>Export %n Photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n photo(s).</source>
        <translation>
            <numerusform>Exported %n photo.</numerusform>
            <numerusform>Exported %n photos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::ImportPrompts</name>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation>
            <numerusform>%n photo is already in your library and was not copied again.</numerusform>
            <numerusform>%n photos are already in your library and were not copied again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::OrganizeController</name>
    <message numerus="yes">
        <source>Rate %n Star(s)</source>
        <translation>
            <numerusform>Rate %n Star</numerusform>
            <numerusform>Rate %n Stars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::PeoplePage</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::PlacesPage</name>
    <message numerus="yes">
        <source>%n geotagged photo(s). Double-click a place or click a bubble to see its photos.</source>
        <translation>
            <numerusform>%n geotagged photo. Double-click a place or click a bubble to see its photos.</numerusform>
            <numerusform>%n geotagged photos. Double-click a place or click a bubble to see its photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) near %1, %2</source>
        <translation>
            <numerusform>%n photo near %1, %2</numerusform>
            <numerusform>%n photos near %1, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::ResticRestoreDialog</name>
    <message numerus="yes">
        <source>%n problem(s): %1</source>
        <translation>
            <numerusform>%n problem: %1</numerusform>
            <numerusform>%n problems: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s).</source>
        <translation>
            <numerusform>%n snapshot.</numerusform>
            <numerusform>%n snapshots.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n file(s)</source>
        <translation>
            <numerusform>Restored %n file</numerusform>
            <numerusform>Restored %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::RestoreDialog</name>
    <message numerus="yes">
        <source>%1 — %n photo(s)</source>
        <translation>
            <numerusform>%1 — %n photo</numerusform>
            <numerusform>%1 — %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n file(s)</source>
        <translation>
            <numerusform>Restored %n file</numerusform>
            <numerusform>Restored %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::ScheduledBackup</name>
    <message numerus="yes">
        <source>Backed up: snapshot %1, %n new photo(s).</source>
        <translation>
            <numerusform>Backed up: snapshot %1, %n new photo.</numerusform>
            <numerusform>Backed up: snapshot %1, %n new photos.</numerusform>
        </translation>
    </message>
</context>
</TS>
