<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>shoebox::DuplicateCompare</name>
    <message>
        <source>Keep %1</source>
        <translation>%1 を残す</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>no EXIF camera</source>
        <translation>EXIF のカメラ情報なし</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>ピクセル</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>ファイルサイズ</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>撮影日時</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>シャープネス</translation>
    </message>
    <message>
        <source>Suggested keeper: %1</source>
        <translation>残す候補: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more photo(s) in this group are not shown.</source>
        <translation>
            <numerusform>このグループの残り %n 枚は表示されていません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Differs between the photos</source>
        <translation>写真によって異なります</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>check</source>
        <translation>要確認</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>&lt;span style='color:#c62828'&gt;Check before trashing&lt;/span&gt;: %1 matches only on a search of the small thumbnails or on one patch both photos share; on a picture with little in it another photo can match that way.</source>
        <translation>&lt;span style='color:#c62828'&gt;ゴミ箱に移す前に確認&lt;/span&gt;: %1 は小さなサムネイル上の探索、または両方の写真に共通する一部分でしか一致していません。写っているものが少ない画像では、別の写真がこのように一致することがあります。</translation>
    </message>
    <message>
        <source>&lt;span style='color:#b8860b'&gt;Dashed outline&lt;/span&gt;: the picture found inside a frame, border or screen; the frame itself never counts as a likeness.</source>
        <translation>&lt;span style='color:#b8860b'&gt;破線の枠&lt;/span&gt;: 額縁・余白・画面の中で見つかった画像です。枠そのものは類似の根拠になりません。</translation>
    </message>
</context>
<context>
    <name>shoebox::DuplicatesDialog</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>重複を探しています…</translation>
    </message>
    <message>
        <source>Could not look for duplicates: %1</source>
        <translation>重複を探せませんでした: %1</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>重複は見つかりませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) found.</source>
        <translation>
            <numerusform>%n グループが見つかりました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) to the trash.</source>
        <translation>
            <numerusform>%n 枚の写真をゴミ箱に移動しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>移動できなかったもの: %1</translation>
    </message>
    <message>
        <source>Kept all photos of the group.</source>
        <translation>グループの写真をすべて残しました。</translation>
    </message>
    <message>
        <source>Marked as not duplicates.</source>
        <translation>重複ではないと記録しました。</translation>
    </message>
    <message>
        <source>The decision could not be saved.</source>
        <translation>決定を保存できませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) restored from the trash.</source>
        <translation>
            <numerusform>%n 枚の写真をゴミ箱から元に戻しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The decision was undone.</source>
        <translation>決定を取り消しました。</translation>
    </message>
    <message>
        <source>The decision could not be undone.</source>
        <translation>決定を元に戻せませんでした。</translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation>重複を探す</translation>
    </message>
    <message>
        <source>Exact copies</source>
        <translation>完全なコピー</translation>
    </message>
    <message>
        <source>Near duplicates (edited, resized, re-saved)</source>
        <translation>ほぼ重複（編集・縮小・再保存）</translation>
    </message>
    <message>
        <source>Similar (the same scene)</source>
        <translation>類似（同じ場面）</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>ライブラリ全体</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Move Others to Trash</source>
        <translation>他をゴミ箱へ</translation>
    </message>
    <message>
        <source>Keep All</source>
        <translation>すべて残す</translation>
    </message>
    <message>
        <source>Not Duplicates</source>
        <translation>重複ではない</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>shoebox::EmptyLibraryWidget</name>
    <message>
        <source>Your library is empty</source>
        <translation>ライブラリは空です</translation>
    </message>
    <message>
        <source>Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.</source>
        <translation>フォルダや写真をこのウィンドウのどこかにドロップするか、写真のあるフォルダを選んでください。Shoebox はバックグラウンドで索引を作成します。ファイルは一切変更されません。</translation>
    </message>
    <message>
        <source>Choose Folders…</source>
        <translation>フォルダを選択…</translation>
    </message>
</context>
<context>
    <name>shoebox::GridPage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln 枚</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n 枚の写真をコピーしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exact duplicate(s) already in the library, not copied.</source>
        <translation>
            <numerusform>%n 件の完全な重複はすでにライブラリにあるためコピーしませんでした。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be copied.</source>
        <translation>
            <numerusform>%n 件のファイルをコピーできませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Indexing photos</source>
        <translation>写真の索引を作成中</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n new photo(s)</source>
        <translation>
            <numerusform>新しい写真 %n 枚の索引を作成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n 枚を更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n 枚は読み込めません</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; what was indexed is kept.</source>
        <translation>キャンセルしました。作成済みの索引は残ります。</translation>
    </message>
    <message>
        <source>Tagging photos</source>
        <translation>写真にタグを付けています</translation>
    </message>
    <message>
        <source>Tagging skipped: %1</source>
        <translation>タグ付けを省略しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n photo(s).</source>
        <translation>
            <numerusform>%n 枚の写真にタグを付けました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagging was cancelled; it resumes with the next scan.</source>
        <translation>タグ付けをキャンセルしました。次回のスキャンで再開します。</translation>
    </message>
</context>
<context>
    <name>shoebox::InfoPanel</name>
    <message>
        <source>Select a photo to see its details.</source>
        <translation>写真を選ぶと詳細が表示されます。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダ</translation>
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
        <translation>撮影地</translation>
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
        <translation>自分で追加</translation>
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
        <translation>
            <numerusform>同一のコピー:</numerusform>
        </translation>
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
        <translation>
            <numerusform>残り約 %n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>残り約 %n 時間</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop this job; what is done so far is kept</source>
        <translation>この処理を止めます。完了した分は残ります</translation>
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
        <source>Search: %1</source>
        <translation>検索: %1</translation>
    </message>
    <message>
        <source>%1 — same as %2</source>
        <translation>%1 — %2 と同じ</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>コピーしなかった重複</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are already in your library and were not copied again.</source>
        <translation>
            <numerusform>%n 枚の写真はすでにライブラリにあるため、再度コピーしませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <source>How should Shoebox add photos?</source>
        <translation>Shoebox で写真をどのように追加しますか？</translation>
    </message>
    <message>
        <source>Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.</source>
        <translation>Shoebox は写真を今の場所のまま索引に登録するか、年と月ごとに整理してライブラリフォルダにコピーできます。あとで環境設定から変更できます。</translation>
    </message>
    <message>
        <source>Index Where They Are</source>
        <translation>今の場所で索引を作成</translation>
    </message>
    <message>
        <source>Copy into Library</source>
        <translation>ライブラリにコピー</translation>
    </message>
    <message>
        <source>Import Photos</source>
        <translation>写真を読み込む</translation>
    </message>
    <message>
        <source>About Shoebox</source>
        <translation>Shoebox について</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;A photo manager that keeps your originals untouched.</source>
        <translation>&lt;b&gt;Shoebox&lt;/b&gt; %1&lt;br&gt;オリジナルには一切手を加えない写真管理アプリ。</translation>
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
        <source>Find Similar</source>
        <translation>類似の写真を探す</translation>
    </message>
    <message>
        <source>Choose Folders with Photos</source>
        <translation>写真のあるフォルダを選択</translation>
    </message>
    <message>
        <source>Looking for similar photos…</source>
        <translation>類似の写真を探しています…</translation>
    </message>
    <message>
        <source>this photo</source>
        <translation>この写真</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s).</source>
        <translation>
            <numerusform>類似の写真 %n 枚。</numerusform>
        </translation>
    </message>
    <message>
        <source>Similar to %1</source>
        <translation>%1 に類似</translation>
    </message>
    <message>
        <source>Add Tag…</source>
        <translation>タグを追加…</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>タグを追加</translation>
    </message>
    <message>
        <source>Tag name:</source>
        <translation>タグ名:</translation>
    </message>
    <message>
        <source>The tag could not be added: %1</source>
        <translation>タグを追加できませんでした: %1</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>タグを削除</translation>
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
        <translation>フォルダを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Index the photos of a folder where they are</source>
        <translation>フォルダの写真を今の場所で索引に登録します</translation>
    </message>
    <message>
        <source>&amp;Import Photos…</source>
        <translation>写真を読み込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Copy photos into the library folder, arranged by capture date</source>
        <translation>写真を撮影日ごとに整理してライブラリフォルダにコピーします</translation>
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
        <translation>重複を探す(&amp;D)…</translation>
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
        <translation>ライブラリフォルダ</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>フォルダを追加</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln 枚</numerusform>
        </translation>
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
        <translation>言語:</translation>
    </message>
    <message>
        <source>Tagging runs on:</source>
        <translation>タグ付けの実行先:</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自動（使用可能なら GPU）</translation>
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
        <translation>ライブラリのフォルダ</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>フォルダを追加…</translation>
    </message>
    <message>
        <source>When Photos Are Dropped or Imported</source>
        <translation>写真をドロップまたは読み込んだとき</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>毎回確認する</translation>
    </message>
    <message>
        <source>Index them where they are</source>
        <translation>今の場所で索引を作成する</translation>
    </message>
    <message>
        <source>Copy them into the library folder, by year and month</source>
        <translation>年と月ごとにライブラリフォルダへコピーする</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>ライブラリフォルダ:</translation>
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
    <name>shoebox::SearchBar</name>
    <message>
        <source>Search tags, names, dates, cameras</source>
        <translation>タグ・名前・日付・カメラを検索</translation>
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
        <translation>フォルダ</translation>
    </message>
</context>
<context>
    <name>shoebox::TagBrowserPage</name>
    <message>
        <source>No tags yet: tags appear as photos are analysed, or add your own from a photo&apos;s context menu.</source>
        <translation>タグはまだありません。写真の解析が進むと表示されます。写真のコンテキストメニューから自分で追加することもできます。</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 個のタグ</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>タグ名を変更</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>「%1」の新しい名前:</translation>
    </message>
    <message>
        <source>The tag could not be renamed: %1</source>
        <translation>タグ名を変更できませんでした: %1</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>タグを絞り込む</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
</context>
<context>
    <name>shoebox::TimelinePage</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln 枚</numerusform>
        </translation>
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
<context>
    <name>shoebox::DuplicateGroupList</name>
    <message>
        <source>identical</source>
        <translation>同一</translation>
    </message>
    <message>
        <source>near duplicates</source>
        <translation>ほぼ重複</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>類似</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1</source>
        <translation>
            <numerusform>%n 枚、%1</numerusform>
        </translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>%1 を残す</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to check</source>
        <comment>a group's title: its photos and level, then how many to check</comment>
        <translation>
            <numerusform>%1、要確認 %n 枚</numerusform>
        </translation>
    </message>
</context>
</TS>
