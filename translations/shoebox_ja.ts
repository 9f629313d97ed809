<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja">
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>ライブラリは空です</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>フォルダーや写真をこのウィンドウのどこかにドロップするか、写真のあるフォルダーを選んでください。Shoebox はバックグラウンドで索引を作成し、ファイルは一切変更しません。</translation>
    </message>
    <message>
        <source>Choose Folders…</source>
        <translation>フォルダーを選択…</translation>
    </message>
</context>
<context>
    <name>shoebox::GridPage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation><numerusform>%Ln 枚の写真</numerusform></translation>
    </message>
</context>
<context>
    <name>shoebox::ImageView</name>
    <message>
        <source>This file cannot be shown.</source>
        <translation>このファイルは表示できません。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
</context>
<context>
    <name>shoebox::ImportController</name>
    <message>
        <source>Copying into the library</source>
        <translation>ライブラリにコピー中</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s).</source>
        <translation><numerusform>%n 枚の写真をコピーしました。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation><numerusform>%n 件の完全な重複はライブラリにあるためコピーしませんでした。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation><numerusform>%n 件のファイルをコピーできませんでした。</numerusform></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Indexing photos</source>
        <translation>写真を索引付け中</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n new photo(s)</source>
        <translation><numerusform>新しい写真 %n 枚を索引付けしました</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation><numerusform>%n 枚を更新</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation><numerusform>%n 枚を読み込めませんでした</numerusform></translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>キャンセルしました。索引済みの分は保持されます。</translation>
    </message>
</context>
<context>
    <name>shoebox::InfoPanel</name>
    <message>
        <source>Select a photo to see its details.</source>
        <translation>写真を選択すると詳細が表示されます。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>ピクセル</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>撮影</translation>
    </message>
    <message>
        <source>(file time)</source>
        <translation>（ファイルの日時）</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>撮影日時</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>レンズ</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>露出</translation>
    </message>
    <message>
        <source>Aperture</source>
        <translation>絞り</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Focal length</source>
        <translation>焦点距離</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>タグはまだありません。</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>手動で追加</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>No other copy of this file in the library.</source>
        <translation>ライブラリにこのファイルの他のコピーはありません。</translation>
    </message>
    <message numerus="yes">
        <source>Identical copies:</source>
        <translation><numerusform>同一のコピー：</numerusform></translation>
    </message>
</context>
<context>
    <name>shoebox::JobProgressWidget</name>
    <message>
        <source>less than a minute left</source>
        <translation>残り 1 分未満</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation><numerusform>残り約 %n 分</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation><numerusform>残り約 %n 時間</numerusform></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>このジョブを停止します。完了した分は保持されます</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 件見つかりました</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindow</name>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — %2 と同一</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>…ほか %n 件</numerusform></translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>重複はコピーされませんでした</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation><numerusform>%n 枚の写真はすでにライブラリにあるため、再度コピーしませんでした。</numerusform></translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>Shoebox で写真をどのように追加しますか？</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox は写真を今の場所のまま索引付けするか、年と月ごとに整理してライブラリフォルダーにコピーできます。あとで「環境設定」で変更できます。</translation>
    </message>
    <message>
        <source>Index Where They Are</source>
        <translation>今の場所で索引付け</translation>
    </message>
    <message>
        <source>Copy into Library</source>
        <translation>ライブラリにコピー</translation>
    </message>
    <message>
        <source>Import Photos</source>
        <translation>写真の読み込み</translation>
    </message>
    <message>
        <source>About Shoebox</source>
        <translation>Shoebox について</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;A photo manager that keeps your originals untouched.</source>
        <translation>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;元の写真に手を加えない写真管理ソフト。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Show Information</source>
        <translation>情報を表示</translation>
    </message>
    <message>
        <source>Choose Folders with Photos</source>
        <translation>写真のあるフォルダーを選択</translation>
    </message>
    <message>
        <source>Shoebox</source>
        <translation>Shoebox</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>すべての写真</translation>
    </message>
</context>
<context>
    <name>shoebox::MainWindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>フォルダーを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Index the photos of a folder where they are</source>
        <translation>フォルダー内の写真をその場所で索引付けします</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>写真を読み込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Copy photos into the library folder, arranged by capture date</source>
        <translation>写真を撮影日ごとにライブラリフォルダーへコピーします</translation>
    </message>
    <message>
        <source>&amp;Rescan Library</source>
        <translation>ライブラリを再スキャン(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>All &amp;Photos</source>
        <translation>すべての写真(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>タイムライン(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>タグ(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Information Panel</source>
        <translation>情報パネル(&amp;I)</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>重複を検索(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About Shoebox</source>
        <translation>Shoebox について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>shoebox::PreferencesDialog</name>
    <message>
        <source>Library Folder</source>
        <translation>ライブラリフォルダー</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>フォルダーを追加</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation><numerusform>%Ln 枚の写真</numerusform></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>Tagging runs on:</source>
        <translation>タグ付けの実行先：</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自動（利用可能なら GPU）</translation>
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
        <translation>ライブラリのフォルダー</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>When Photos Are Dropped or Imported</source>
        <translation>写真をドロップまたは読み込むとき</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>毎回確認する</translation>
    </message>
    <message>
        <source>Index them where they are</source>
        <translation>今の場所で索引付けする</translation>
    </message>
    <message>
        <source>Copy them into the library folder, by year and month</source>
        <translation>年と月ごとにライブラリフォルダーへコピーする</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>ライブラリフォルダー：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>shoebox::Sidebar</name>
    <message>
        <source>LIBRARY</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>All Photos</source>
        <translation>すべての写真</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>FOLDERS</source>
        <translation>フォルダー</translation>
    </message>
</context>
<context>
    <name>shoebox::TimelinePage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation><numerusform>%Ln 枚の写真</numerusform></translation>
    </message>
</context>
<context>
    <name>shoebox::TimelineScrubber</name>
    <message>
        <source>No capture date</source>
        <translation>撮影日なし</translation>
    </message>
</context>
<context>
    <name>shoebox::ViewerPage</name>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>写真一覧に戻る (Esc)</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 前へ</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>次へ ›</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
</context>
</TS>