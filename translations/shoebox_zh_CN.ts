<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>shoebox::DuplicateCompare</name>
    <message>
        <source>Keep %1</source>
        <translation>保留 %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>no EXIF camera</source>
        <translation>无 EXIF 相机信息</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <source>Suggested keeper: %1</source>
        <translation>建议保留：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more photo(s) in this group are not shown.</source>
        <translation>
            <numerusform>此组中还有 %n 张照片未显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>Differs between the photos</source>
        <translation>各照片之间不同</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>check</source>
        <translation>需检查</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>&lt;span style='color:#c62828'&gt;Check before trashing&lt;/span&gt;: %1 matches only on a search of the small thumbnails or on one patch both photos share; on a picture with little in it another photo can match that way.</source>
        <translation>&lt;span style='color:#c62828'&gt;移到回收站前请检查&lt;/span&gt;：%1 只在小缩略图的搜索中或在两张照片共有的一块区域上匹配；在内容很少的图片上，另一张照片也可能这样匹配。</translation>
    </message>
    <message>
        <source>&lt;span style='color:#b8860b'&gt;Dashed outline&lt;/span&gt;: the picture found inside a frame, border or screen; the frame itself never counts as a likeness.</source>
        <translation>&lt;span style='color:#b8860b'&gt;虚线框&lt;/span&gt;：在相框、边框或屏幕中找到的图片；相框本身从不算作相似之处。</translation>
    </message>
</context>
<context>
    <name>shoebox::DuplicatesDialog</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复项…</translation>
    </message>
    <message>
        <source>Could not look for duplicates: %1</source>
        <translation>无法查找重复项：%1</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>未找到重复项。</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) found.</source>
        <translation>
            <numerusform>找到 %n 组。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) to the trash.</source>
        <translation>
            <numerusform>已将 %n 张照片移到回收站。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未移动：%1</translation>
    </message>
    <message>
        <source>Kept all photos of the group.</source>
        <translation>已保留该组的所有照片。</translation>
    </message>
    <message>
        <source>Marked as not duplicates.</source>
        <translation>已标记为非重复。</translation>
    </message>
    <message>
        <source>The decision could not be saved.</source>
        <translation>无法保存此决定。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) restored from the trash.</source>
        <translation>
            <numerusform>已从回收站恢复 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>The decision was undone.</source>
        <translation>已撤销此决定。</translation>
    </message>
    <message>
        <source>The decision could not be undone.</source>
        <translation>无法撤销该决定。</translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation>查找重复项</translation>
    </message>
    <message>
        <source>Exact copies</source>
        <translation>完全相同的副本</translation>
    </message>
    <message>
        <source>Near duplicates (edited, resized, re-saved)</source>
        <translation>近似重复（编辑、缩放、重新保存）</translation>
    </message>
    <message>
        <source>Similar (the same scene)</source>
        <translation>相似（同一场景）</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>整个图库</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Move Others to Trash</source>
        <translation>将其他移到回收站</translation>
    </message>
    <message>
        <source>Keep All</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>Not Duplicates</source>
        <translation>不是重复</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>您的图库是空的</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>将文件夹或照片拖放到此窗口的任意位置，或选择照片所在的文件夹。Shoebox 会在后台建立索引，不会更改您的任何文件。</translation>
    </message>
    <message>
        <source>Choose Folders…</source>
        <translation>选择文件夹…</translation>
    </message>
</context>
<context>
    <name>shoebox::GridPage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::ImageView</name>
    <message>
        <source>This file cannot be shown.</source>
        <translation>无法显示此文件。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>shoebox::ImportController</name>
    <message>
        <source>Copying into the library</source>
        <translation>正在复制到图库</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s).</source>
        <translation>
            <numerusform>已复制 %n 张照片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation>
            <numerusform>%n 个完全重复的文件已在图库中，未复制。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation>
            <numerusform>%n 个文件无法复制。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Indexing photos</source>
        <translation>正在索引照片</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n new photo(s)</source>
        <translation>
            <numerusform>已索引 %n 张新照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n 张已更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n 张无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>已取消；已索引的内容会保留。</translation>
    </message>
    <message>
        <source>Tagging photos</source>
        <translation>正在为照片添加标签</translation>
    </message>
    <message>
        <source>Tagging skipped: %1</source>
        <translation>已跳过标签：%1</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n photo(s).</source>
        <translation>
            <numerusform>已为 %n 张照片添加标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagging was cancelled; it resumes with the next scan.</source>
        <translation>标签已取消；将在下次扫描时继续。</translation>
    </message>
</context>
<context>
    <name>shoebox::InfoPanel</name>
    <message>
        <source>Select a photo to see its details.</source>
        <translation>选择一张照片以查看其详细信息。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <source>(file time)</source>
        <translation>（文件时间）</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄于</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Aperture</source>
        <translation>光圈</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>焦距</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>还没有标签。</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>由您添加</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>No other copy of this file in the library.</source>
        <translation>图库中没有此文件的其他副本。</translation>
    </message>
    <message numerus="yes">
        <source>Identical copies:</source>
        <translation>
            <numerusform>相同的副本：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::JobProgressWidget</name>
    <message>
        <source>less than a minute left</source>
        <translation>剩余不到一分钟</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>剩余约 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>剩余约 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>停止此任务；已完成的部分会保留</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>已找到 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindow</name>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — 与 %2 相同</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>未复制的重复项</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation>
            <numerusform>%n 张照片已在您的图库中，未再次复制。</numerusform>
        </translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>Shoebox 应如何添加照片？</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox 可以在照片原位置建立索引，也可以将它们按年和月整理复制到图库文件夹。您以后可以在偏好设置中更改。</translation>
    </message>
    <message>
        <source>Index Where They Are</source>
        <translation>在原位置建立索引</translation>
    </message>
    <message>
        <source>Copy into Library</source>
        <translation>复制到图库</translation>
    </message>
    <message>
        <source>Import Photos</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <source>About Shoebox</source>
        <translation>关于 Shoebox</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;A photo manager that keeps your originals untouched.</source>
        <translation>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;从不改动原始文件的照片管理器。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show Information</source>
        <translation>显示信息</translation>
    </message>
    <message>
        <source>Find Similar</source>
        <translation>查找相似照片</translation>
    </message>
    <message>
        <source>Choose Folders with Photos</source>
        <translation>选择包含照片的文件夹</translation>
    </message>
    <message>
        <source>Looking for similar photos…</source>
        <translation>正在查找相似照片…</translation>
    </message>
    <message>
        <source>this photo</source>
        <translation>这张照片</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s).</source>
        <translation>
            <numerusform>%n 张相似照片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Similar to %1</source>
        <translation>与 %1 相似</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Tag name:</source>
        <translation>标签名称：</translation>
    </message>
    <message>
        <source>The tag could not be added: %1</source>
        <translation>无法添加标签：%1</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Shoebox</source>
        <translation>Shoebox</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>所有照片</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>Index the photos of a folder where they are</source>
        <translation>在原位置为文件夹中的照片建立索引</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>导入照片(&amp;I)…</translation>
    </message>
    <message>
        <source>Copy photos into the library folder, arranged by capture date</source>
        <translation>将照片按拍摄日期整理复制到图库文件夹</translation>
    </message>
    <message>
        <source>&amp;Rescan Library</source>
        <translation>重新扫描图库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>All &amp;Photos</source>
        <translation>所有照片(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>标签(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Information Panel</source>
        <translation>信息面板(&amp;I)</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>查找重复项(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About Shoebox</source>
        <translation>关于 Shoebox(&amp;A)</translation>
    </message>
</context>
<context>
    <name>shoebox::PreferencesDialog</name>
    <message>
        <source>Library Folder</source>
        <translation>图库文件夹</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Tagging runs on:</source>
        <translation>标签识别运行于：</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（可用时使用 GPU）</translation>
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
        <translation>图库文件夹</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>When Photos Are Dropped or Imported</source>
        <translation>拖入或导入照片时</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>询问我</translation>
    </message>
    <message>
        <source>Index them where they are</source>
        <translation>在原位置建立索引</translation>
    </message>
    <message>
        <source>Copy them into the library folder, by year and month</source>
        <translation>按年和月复制到图库文件夹</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>图库文件夹：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>shoebox::SearchBar</name>
    <message>
        <source>Search tags, names, dates, cameras</source>
        <translation>搜索标签、名称、日期、相机</translation>
    </message>
</context>
<context>
    <name>shoebox::Sidebar</name>
    <message>
        <source>LIBRARY</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>所有照片</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>FOLDERS</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>shoebox::TagBrowserPage</name>
    <message>
        <source>No tags yet: tags appear as photos are analysed, or add your own from a photo&apos;s context menu.</source>
        <translation>还没有标签：照片分析后会出现标签，您也可以在照片的右键菜单中自行添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>The tag could not be renamed: %1</source>
        <translation>无法重命名标签：%1</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>筛选标签</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>shoebox::TimelinePage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shoebox::TimelineScrubber</name>
    <message>
        <source>No capture date</source>
        <translation>无拍摄日期</translation>
    </message>
</context>
<context>
    <name>shoebox::ViewerPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>返回照片 (Esc)</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 上一张</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一张 ›</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
</context>
<context>
    <name>shoebox::DuplicateGroupList</name>
    <message>
        <source>identical</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <source>near duplicates</source>
        <translation>近似重复</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>相似</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1</source>
        <translation>
            <numerusform>%n 张照片，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>保留 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to check</source>
        <comment>a group's title: its photos and level, then how many to check</comment>
        <translation>
            <numerusform>%1，%n 张需检查</numerusform>
        </translation>
    </message>
</context>
</TS>
