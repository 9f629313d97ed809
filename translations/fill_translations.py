#!/usr/bin/env python3
"""Fills translations/shoebox_*.ts from the phrase book below (run after `make shoebox_ui_lupdate`).
Keeping the phrases here makes review of every language side by side possible."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# source: {lang: text or [plural forms]}; numerus sources: zh_CN/ja take one form, de/fr/en two.
P = {
"Your library is empty": dict(zh_CN="您的图库是空的", ja="ライブラリは空です", de="Ihre Bibliothek ist leer", fr="Votre photothèque est vide"),
"Drop folders or photos anywhere on this window, or choose the folders where your photos are. Shoebox indexes them in the background; nothing is changed in your files.": dict(
  zh_CN="将文件夹或照片拖放到此窗口的任意位置，或选择存放照片的文件夹。Shoebox 会在后台为它们建立索引，不会改动您的文件。",
  ja="フォルダーや写真をこのウィンドウのどこかにドロップするか、写真のあるフォルダーを選んでください。Shoebox はバックグラウンドで索引を作成し、ファイルは一切変更しません。",
  de="Ziehen Sie Ordner oder Fotos an eine beliebige Stelle dieses Fensters oder wählen Sie die Ordner mit Ihren Fotos. Shoebox indiziert sie im Hintergrund; an Ihren Dateien wird nichts verändert.",
  fr="Déposez des dossiers ou des photos n’importe où dans cette fenêtre, ou choisissez les dossiers où se trouvent vos photos. Shoebox les indexe en arrière-plan ; vos fichiers ne sont jamais modifiés."),
"Choose Folders…": dict(zh_CN="选择文件夹…", ja="フォルダーを選択…", de="Ordner wählen…", fr="Choisir des dossiers…"),
"%Ln photo(s)": dict(en=["%Ln photo", "%Ln photos"], zh_CN=["%Ln 张照片"], ja=["%Ln 枚の写真"], de=["%Ln Foto", "%Ln Fotos"], fr=["%Ln photo", "%Ln photos"]),
"This file cannot be shown.": dict(zh_CN="无法显示此文件。", ja="このファイルは表示できません。", de="Diese Datei kann nicht angezeigt werden.", fr="Ce fichier ne peut pas être affiché."),
"Loading…": dict(zh_CN="正在加载…", ja="読み込み中…", de="Wird geladen…", fr="Chargement…"),
"Copying into the library": dict(zh_CN="正在复制到图库", ja="ライブラリにコピー中", de="Wird in die Bibliothek kopiert", fr="Copie dans la photothèque"),
"Copied %n photo(s).": dict(en=["Copied %n photo.", "Copied %n photos."], zh_CN=["已复制 %n 张照片。"], ja=["%n 枚の写真をコピーしました。"], de=["%n Foto kopiert.", "%n Fotos kopiert."], fr=["%n photo copiée.", "%n photos copiées."]),
"%n exact duplicate(s) already in the library, not copied.": dict(en=["%n exact duplicate already in the library, not copied.", "%n exact duplicates already in the library, not copied."],
  zh_CN=["%n 个完全相同的文件已在图库中，未复制。"], ja=["%n 件の完全な重複はライブラリにあるためコピーしませんでした。"],
  de=["%n exaktes Duplikat ist bereits in der Bibliothek und wurde nicht kopiert.", "%n exakte Duplikate sind bereits in der Bibliothek und wurden nicht kopiert."],
  fr=["%n doublon exact déjà dans la photothèque, non copié.", "%n doublons exacts déjà dans la photothèque, non copiés."]),
"%n file(s) could not be copied.": dict(en=["%n file could not be copied.", "%n files could not be copied."], zh_CN=["%n 个文件无法复制。"], ja=["%n 件のファイルをコピーできませんでした。"], de=["%n Datei konnte nicht kopiert werden.", "%n Dateien konnten nicht kopiert werden."], fr=["%n fichier n’a pas pu être copié.", "%n fichiers n’ont pas pu être copiés."]),
"Cancelled.": dict(zh_CN="已取消。", ja="キャンセルしました。", de="Abgebrochen.", fr="Annulé."),
"Indexing photos": dict(zh_CN="正在索引照片", ja="写真を索引付け中", de="Fotos werden indiziert", fr="Indexation des photos"),
"Indexed %n new photo(s)": dict(en=["Indexed %n new photo", "Indexed %n new photos"], zh_CN=["已索引 %n 张新照片"], ja=["新しい写真 %n 枚を索引付けしました"], de=["%n neues Foto indiziert", "%n neue Fotos indiziert"], fr=["%n nouvelle photo indexée", "%n nouvelles photos indexées"]),
"%n updated": dict(en=["%n updated", "%n updated"], zh_CN=["%n 张已更新"], ja=["%n 枚を更新"], de=["%n aktualisiert", "%n aktualisiert"], fr=["%n mise à jour", "%n mises à jour"]),
"%n could not be read": dict(en=["%n could not be read", "%n could not be read"], zh_CN=["%n 张无法读取"], ja=["%n 枚を読み込めませんでした"], de=["%n konnte nicht gelesen werden", "%n konnten nicht gelesen werden"], fr=["%n illisible", "%n illisibles"]),
"Cancelled; what was indexed is kept.": dict(zh_CN="已取消；已索引的内容会保留。", ja="キャンセルしました。索引済みの分は保持されます。", de="Abgebrochen; bereits Indiziertes bleibt erhalten.", fr="Annulé ; ce qui a été indexé est conservé."),
"Select a photo to see its details.": dict(zh_CN="选择一张照片以查看详细信息。", ja="写真を選択すると詳細が表示されます。", de="Wählen Sie ein Foto, um seine Details zu sehen.", fr="Sélectionnez une photo pour voir ses détails."),
"File": dict(zh_CN="文件", ja="ファイル", de="Datei", fr="Fichier"),
"Folder": dict(zh_CN="文件夹", ja="フォルダー", de="Ordner", fr="Dossier"),
"Size": dict(zh_CN="大小", ja="サイズ", de="Größe", fr="Taille"),
"Format": dict(zh_CN="格式", ja="形式", de="Format", fr="Format"),
"Pixels": dict(zh_CN="像素", ja="ピクセル", de="Pixel", fr="Pixels"),
"Capture": dict(zh_CN="拍摄", ja="撮影", de="Aufnahme", fr="Prise de vue"),
"(file time)": dict(zh_CN="（文件时间）", ja="（ファイルの日時）", de="(Dateizeit)", fr="(date du fichier)"),
"Taken": dict(zh_CN="拍摄时间", ja="撮影日時", de="Aufgenommen", fr="Prise le"),
"unknown": dict(zh_CN="未知", ja="不明", de="unbekannt", fr="inconnue"),
"Camera": dict(zh_CN="相机", ja="カメラ", de="Kamera", fr="Appareil"),
"Lens": dict(zh_CN="镜头", ja="レンズ", de="Objektiv", fr="Objectif"),
"Exposure": dict(zh_CN="曝光", ja="露出", de="Belichtung", fr="Exposition"),
"Aperture": dict(zh_CN="光圈", ja="絞り", de="Blende", fr="Ouverture"),
"ISO": dict(zh_CN="ISO", ja="ISO", de="ISO", fr="ISO"),
"Focal length": dict(zh_CN="焦距", ja="焦点距離", de="Brennweite", fr="Focale"),
"Location": dict(zh_CN="位置", ja="位置", de="Ort", fr="Lieu"),
"Tags": dict(zh_CN="标签", ja="タグ", de="Schlagwörter", fr="Étiquettes"),
"No tags yet.": dict(zh_CN="还没有标签。", ja="タグはまだありません。", de="Noch keine Schlagwörter.", fr="Pas encore d’étiquettes."),
"added by you": dict(zh_CN="由您添加", ja="手動で追加", de="von Ihnen hinzugefügt", fr="ajoutée par vous"),
"Duplicates": dict(zh_CN="重复项", ja="重複", de="Duplikate", fr="Doublons"),
"No other copy of this file in the library.": dict(zh_CN="图库中没有此文件的其他副本。", ja="ライブラリにこのファイルの他のコピーはありません。", de="Keine weitere Kopie dieser Datei in der Bibliothek.", fr="Aucune autre copie de ce fichier dans la photothèque."),
"Identical copies:": dict(en=["Identical copy:", "Identical copies:"], zh_CN=["完全相同的副本："], ja=["同一のコピー："], de=["Identische Kopie:", "Identische Kopien:"], fr=["Copie identique :", "Copies identiques :"]),
"less than a minute left": dict(zh_CN="剩余不到一分钟", ja="残り 1 分未満", de="weniger als eine Minute übrig", fr="moins d’une minute restante"),
"about %n minute(s) left": dict(en=["about %n minute left", "about %n minutes left"], zh_CN=["大约剩余 %n 分钟"], ja=["残り約 %n 分"], de=["noch etwa %n Minute", "noch etwa %n Minuten"], fr=["environ %n minute restante", "environ %n minutes restantes"]),
"about %n hour(s) left": dict(en=["about %n hour left", "about %n hours left"], zh_CN=["大约剩余 %n 小时"], ja=["残り約 %n 時間"], de=["noch etwa %n Stunde", "noch etwa %n Stunden"], fr=["environ %n heure restante", "environ %n heures restantes"]),
"Cancel": dict(zh_CN="取消", ja="キャンセル", de="Abbrechen", fr="Annuler"),
"Stop this job; what is done so far is kept": dict(zh_CN="停止此任务；已完成的部分会保留", ja="このジョブを停止します。完了した分は保持されます", de="Diesen Vorgang anhalten; Erledigtes bleibt erhalten", fr="Arrêter cette tâche ; le travail déjà fait est conservé"),
"%1 found": dict(zh_CN="已找到 %1 个", ja="%1 件見つかりました", de="%1 gefunden", fr="%1 trouvés"),
"%1 of %2": dict(zh_CN="%1 / %2", ja="%1 / %2", de="%1 von %2", fr="%1 sur %2"),
"%1 — same as %2": dict(zh_CN="%1 — 与 %2 相同", ja="%1 — %2 と同一", de="%1 — identisch mit %2", fr="%1 — identique à %2"),
"… and %n more": dict(en=["… and %n more", "… and %n more"], zh_CN=["…… 另有 %n 个"], ja=["…ほか %n 件"], de=["… und %n weiteres", "… und %n weitere"], fr=["… et %n autre", "… et %n autres"]),
"Duplicates not copied": dict(zh_CN="未复制重复项", ja="重複はコピーされませんでした", de="Duplikate nicht kopiert", fr="Doublons non copiés"),
"%n photo(s) are already in your library and were not copied again.": dict(en=["%n photo is already in your library and was not copied again.", "%n photos are already in your library and were not copied again."], zh_CN=["%n 张照片已在您的图库中，未再次复制。"], ja=["%n 枚の写真はすでにライブラリにあるため、再度コピーしませんでした。"], de=["%n Foto ist bereits in Ihrer Bibliothek und wurde nicht erneut kopiert.", "%n Fotos sind bereits in Ihrer Bibliothek und wurden nicht erneut kopiert."], fr=["%n photo est déjà dans votre photothèque et n’a pas été recopiée.", "%n photos sont déjà dans votre photothèque et n’ont pas été recopiées."]),
"How should Shoebox add photos?": dict(zh_CN="Shoebox 应如何添加照片？", ja="Shoebox で写真をどのように追加しますか？", de="Wie soll Shoebox Fotos hinzufügen?", fr="Comment Shoebox doit-il ajouter les photos ?"),
"Shoebox can index your photos where they are, or copy them into its library folder, arranged by year and month. You can change this later in Preferences.": dict(
  zh_CN="Shoebox 可以在照片原来的位置建立索引，也可以把它们按年份和月份复制到图库文件夹中。您之后可以在“首选项”中更改。",
  ja="Shoebox は写真を今の場所のまま索引付けするか、年と月ごとに整理してライブラリフォルダーにコピーできます。あとで「環境設定」で変更できます。",
  de="Shoebox kann Ihre Fotos dort indizieren, wo sie liegen, oder sie nach Jahr und Monat geordnet in seinen Bibliotheksordner kopieren. Sie können das später in den Einstellungen ändern.",
  fr="Shoebox peut indexer vos photos là où elles sont, ou les copier dans son dossier de photothèque, classées par année et par mois. Vous pourrez changer cela plus tard dans les Préférences."),
"Index Where They Are": dict(zh_CN="在原位置索引", ja="今の場所で索引付け", de="Am Ort indizieren", fr="Indexer sur place"),
"Copy into Library": dict(zh_CN="复制到图库", ja="ライブラリにコピー", de="In die Bibliothek kopieren", fr="Copier dans la photothèque"),
"Import Photos": dict(zh_CN="导入照片", ja="写真の読み込み", de="Fotos importieren", fr="Importer des photos"),
"About Shoebox": dict(zh_CN="关于 Shoebox", ja="Shoebox について", de="Über Shoebox", fr="À propos de Shoebox"),
"<b>Shoebox</b> %1<br>A photo manager that keeps your originals untouched.": dict(zh_CN="<b>Shoebox</b> %1<br>不改动原始文件的照片管理器。", ja="<b>Shoebox</b> %1<br>元の写真に手を加えない写真管理ソフト。", de="<b>Shoebox</b> %1<br>Eine Fotoverwaltung, die Ihre Originale unangetastet lässt.", fr="<b>Shoebox</b> %1<br>Un gestionnaire de photos qui ne touche jamais à vos originaux."),
"Open": dict(zh_CN="打开", ja="開く", de="Öffnen", fr="Ouvrir"),
"Show Information": dict(zh_CN="显示信息", ja="情報を表示", de="Informationen anzeigen", fr="Afficher les informations"),
"Choose Folders with Photos": dict(zh_CN="选择包含照片的文件夹", ja="写真のあるフォルダーを選択", de="Ordner mit Fotos wählen", fr="Choisir des dossiers de photos"),
"Shoebox": dict(zh_CN="Shoebox", ja="Shoebox", de="Shoebox", fr="Shoebox"),
"All Photos": dict(zh_CN="所有照片", ja="すべての写真", de="Alle Fotos", fr="Toutes les photos"),
"&File": dict(zh_CN="文件(&F)", ja="ファイル(&F)", de="&Datei", fr="&Fichier"),
"&Edit": dict(zh_CN="编辑(&E)", ja="編集(&E)", de="&Bearbeiten", fr="&Édition"),
"&View": dict(zh_CN="视图(&V)", ja="表示(&V)", de="&Ansicht", fr="&Affichage"),
"&Tools": dict(zh_CN="工具(&T)", ja="ツール(&T)", de="E&xtras", fr="&Outils"),
"&Help": dict(zh_CN="帮助(&H)", ja="ヘルプ(&H)", de="&Hilfe", fr="&Aide"),
"&Add Folder…": dict(zh_CN="添加文件夹(&A)…", ja="フォルダーを追加(&A)…", de="Ordner &hinzufügen…", fr="&Ajouter un dossier…"),
"Index the photos of a folder where they are": dict(zh_CN="在原位置索引文件夹中的照片", ja="フォルダー内の写真をその場所で索引付けします", de="Die Fotos eines Ordners dort indizieren, wo sie liegen", fr="Indexer les photos d’un dossier là où elles sont"),
"&Import Photos…": dict(zh_CN="导入照片(&I)…", ja="写真を読み込む(&I)…", de="Fotos &importieren…", fr="&Importer des photos…"),
"Copy photos into the library folder, arranged by capture date": dict(zh_CN="将照片按拍摄日期复制到图库文件夹", ja="写真を撮影日ごとにライブラリフォルダーへコピーします", de="Fotos nach Aufnahmedatum geordnet in den Bibliotheksordner kopieren", fr="Copier les photos dans le dossier de la photothèque, classées par date de prise de vue"),
"&Rescan Library": dict(zh_CN="重新扫描图库(&R)", ja="ライブラリを再スキャン(&R)", de="Bibliothek neu &einlesen", fr="&Réanalyser la photothèque"),
"&Quit": dict(zh_CN="退出(&Q)", ja="終了(&Q)", de="&Beenden", fr="&Quitter"),
"Select &All": dict(zh_CN="全选(&A)", ja="すべて選択(&A)", de="&Alles auswählen", fr="&Tout sélectionner"),
"&Preferences…": dict(zh_CN="首选项(&P)…", ja="環境設定(&P)…", de="&Einstellungen…", fr="&Préférences…"),
"All &Photos": dict(zh_CN="所有照片(&P)", ja="すべての写真(&P)", de="Alle &Fotos", fr="Toutes les &photos"),
"&Timeline": dict(zh_CN="时间线(&T)", ja="タイムライン(&T)", de="&Zeitleiste", fr="&Chronologie"),
"T&ags": dict(zh_CN="标签(&A)", ja="タグ(&A)", de="&Schlagwörter", fr="É&tiquettes"),
"Zoom &In": dict(zh_CN="放大(&I)", ja="拡大(&I)", de="Ver&größern", fr="Zoom &avant"),
"Zoom &Out": dict(zh_CN="缩小(&O)", ja="縮小(&O)", de="Ver&kleinern", fr="Zoom a&rrière"),
"&Information Panel": dict(zh_CN="信息面板(&I)", ja="情報パネル(&I)", de="&Informationsleiste", fr="Panneau d’&informations"),
"Find &Duplicates…": dict(zh_CN="查找重复项(&D)…", ja="重複を検索(&D)…", de="&Duplikate finden…", fr="Rechercher les &doublons…"),
"&About Shoebox": dict(zh_CN="关于 Shoebox(&A)", ja="Shoebox について(&A)", de="Ü&ber Shoebox", fr="À &propos de Shoebox"),
"Library Folder": dict(zh_CN="图库文件夹", ja="ライブラリフォルダー", de="Bibliotheksordner", fr="Dossier de la photothèque"),
"Add Folder": dict(zh_CN="添加文件夹", ja="フォルダーを追加", de="Ordner hinzufügen", fr="Ajouter un dossier"),
"Preferences": dict(zh_CN="首选项", ja="環境設定", de="Einstellungen", fr="Préférences"),
"General": dict(zh_CN="常规", ja="一般", de="Allgemein", fr="Général"),
"Language:": dict(zh_CN="语言：", ja="言語：", de="Sprache:", fr="Langue :"),
"Tagging runs on:": dict(zh_CN="标签识别运行于：", ja="タグ付けの実行先：", de="Verschlagwortung läuft auf:", fr="L’étiquetage s’exécute sur :"),
"Automatic (GPU when available)": dict(zh_CN="自动（可用时使用 GPU）", ja="自動（利用可能なら GPU）", de="Automatisch (GPU, wenn vorhanden)", fr="Automatique (GPU si disponible)"),
"CPU": dict(zh_CN="CPU", ja="CPU", de="CPU", fr="CPU"),
"GPU": dict(zh_CN="GPU", ja="GPU", de="GPU", fr="GPU"),
"Library Folders": dict(zh_CN="图库文件夹", ja="ライブラリのフォルダー", de="Bibliotheksordner", fr="Dossiers de la photothèque"),
"Add Folder…": dict(zh_CN="添加文件夹…", ja="フォルダーを追加…", de="Ordner hinzufügen…", fr="Ajouter un dossier…"),
"When Photos Are Dropped or Imported": dict(zh_CN="拖放或导入照片时", ja="写真をドロップまたは読み込むとき", de="Beim Ablegen oder Importieren von Fotos", fr="Quand des photos sont déposées ou importées"),
"Ask me": dict(zh_CN="询问我", ja="毎回確認する", de="Nachfragen", fr="Me demander"),
"Index them where they are": dict(zh_CN="在原位置建立索引", ja="今の場所で索引付けする", de="Dort indizieren, wo sie liegen", fr="Les indexer là où elles sont"),
"Copy them into the library folder, by year and month": dict(zh_CN="按年份和月份复制到图库文件夹", ja="年と月ごとにライブラリフォルダーへコピーする", de="Nach Jahr und Monat in den Bibliotheksordner kopieren", fr="Les copier dans le dossier de la photothèque, par année et par mois"),
"Library folder:": dict(zh_CN="图库文件夹：", ja="ライブラリフォルダー：", de="Bibliotheksordner:", fr="Dossier de la photothèque :"),
"Browse…": dict(zh_CN="浏览…", ja="参照…", de="Durchsuchen…", fr="Parcourir…"),
"Close": dict(zh_CN="关闭", ja="閉じる", de="Schließen", fr="Fermer"),
"LIBRARY": dict(zh_CN="图库", ja="ライブラリ", de="BIBLIOTHEK", fr="PHOTOTHÈQUE"),
"Timeline": dict(zh_CN="时间线", ja="タイムライン", de="Zeitleiste", fr="Chronologie"),
"FOLDERS": dict(zh_CN="文件夹", ja="フォルダー", de="ORDNER", fr="DOSSIERS"),
"No capture date": dict(zh_CN="无拍摄日期", ja="撮影日なし", de="Ohne Aufnahmedatum", fr="Sans date de prise de vue"),
"Back": dict(zh_CN="返回", ja="戻る", de="Zurück", fr="Retour"),
"Back to the photos (Esc)": dict(zh_CN="返回照片 (Esc)", ja="写真一覧に戻る (Esc)", de="Zurück zu den Fotos (Esc)", fr="Retour aux photos (Échap)"),
"‹ Previous": dict(zh_CN="‹ 上一张", ja="‹ 前へ", de="‹ Zurück", fr="‹ Précédente"),
"Next ›": dict(zh_CN="下一张 ›", ja="次へ ›", de="Weiter ›", fr="Suivante ›"),
"Fit": dict(zh_CN="适合窗口", ja="全体表示", de="Einpassen", fr="Ajuster"),
"100%": dict(zh_CN="100%", ja="100%", de="100 %", fr="100 %"),
}

def fill(path: Path, lang: str) -> int:
    tree = ET.parse(path)
    missing = 0
    for msg in tree.iter("message"):
        source = msg.find("source").text or ""
        tr = msg.find("translation")
        entry = P.get(source, {})
        value = entry.get(lang)
        if value is None and lang == "en" and msg.get("numerus") != "yes":
            value = source
        if value is None:
            missing += 1
            print(f"{path.name}: no translation for {source!r}", file=sys.stderr)
            continue
        for child in list(tr):
            tr.remove(child)
        tr.attrib.pop("type", None)
        if msg.get("numerus") == "yes":
            tr.text = None
            for form in (value if isinstance(value, list) else [value]):
                ET.SubElement(tr, "numerusform").text = form
        else:
            tr.text = value
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing

if __name__ == "__main__":
    root = Path(__file__).resolve().parent
    missing = sum(fill(root / f"shoebox_{lang}.ts", lang) for lang in ["en", "zh_CN", "ja", "de", "fr"])
    sys.exit(1 if missing else 0)
