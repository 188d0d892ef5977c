"""Texts of catalogue evolution (§8): change records, outdated, migrate, file formats.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "evolution.opt_history": (
        "評価項目の旧版と変更記録（*.changes.toml）のあるフォルダ（既定: 評価項目ファイルと同じ場所の history/、組込みの評価項目では同梱のもの）",
        "folder with earlier catalogue versions and change records (*.changes.toml); default: history/ beside the catalogue file, or the packaged one for the built-in catalogue",
    ),
    "evolution.record-unusable": (
        "変更記録 {path} は使えません。",
        "change record {path} cannot be used",
    ),
    "evolution.no-chain": (
        "評価項目 {start} から {end} へ移行する変更記録がありません（{at} の次の版への記録が見つからないか、記録が評価項目と矛盾しています）。",
        "no change records lead from catalogue {start} to {end} (none usable from {at}: missing, or contradicting the catalogues)",
    ),
    "evolution.no-version": (
        "評価項目の版 {version} が見つかりません（--history のフォルダに置いてください）。",
        "catalogue version {version} is not available (put it in the --history folder)",
    ),
    "evolution.schema-version-missing": (
        "schema_version（ファイル形式の版）が整数で書かれていません。",
        "schema_version (the file format version) is missing or not an integer",
    ),
    "evolution.schema-version-newer": (
        "ファイル形式の版 {version} は、この vendorrisk（版 {current} まで）より新しいものです。vendorrisk を更新してください。",
        "file format version {version} is newer than this vendorrisk understands (up to {current}); update vendorrisk",
    ),
    "evolution.schema-version-no-step": (
        "ファイル形式の版 {version} から移行する方法がありません。",
        "there is no upgrade from file format version {version}",
    ),
    "problem.record-same-version": (
        "変更記録の from と to が同じ版（{version}）です。",
        "the record's from and to are the same version ({version})",
    ),
    "problem.record-catalog": (
        "変更記録は {expected} のものですが、評価項目は {found} です。",
        "the record is for {expected}, but the catalogue is {found}",
    ),
    "problem.record-added-existed": (
        "追加された（または新しい ID の）はずの {id} が、旧版 {version} に既にあります。",
        "{id} is said to be new, but version {version} already has it",
    ),
    "problem.record-missing-new": (
        "{id} が新しい版 {version} にありません。",
        "{id} is not in the new version {version}",
    ),
    "problem.record-missing-old": (
        "{id} が旧版 {version} にありません。",
        "{id} is not in the old version {version}",
    ),
    "problem.record-removed-present": (
        "削除（または改番・分割・統合）されたはずの {id} が、新しい版 {version} にまだあります。",
        "{id} is said to be gone (removed, renamed, split or merged), but version {version} still has it",
    ),
    "problem.record-changed-missing": (
        "変更されたとされる {id} が、両方の版にはありません。",
        "{id} is said to be changed, but it is not in both versions",
    ),
    "problem.record-twice": (
        "{id} が変更記録に2回以上書かれています。",
        "{id} is named more than once in the record",
    ),
    "problem.record-unaccounted-old": (
        "{id} は {old} にあり {new} にありませんが、変更記録はどうなったかを書いていません（removed・renamed・split・merged のどれかに書いてください）。",
        "{id} is in {old} but not in {new}, and the record does not say what became of it (list it under removed, renamed, split or merged)",
    ),
    "problem.record-unaccounted-new": (
        "{id} は {new} で新しく現れましたが、変更記録に書かれていません（added・renamed・split・merged のどれかに書いてください）。",
        "{id} is new in {new}, and the record does not list it (under added, renamed, split or merged)",
    ),
    "problem.record-reworded-unlisted": (
        "{id} の設問文・説明が変わっていますが、reworded に書かれていません。",
        "the texts of {id} changed, but reworded does not list it",
    ),
    "problem.record-reworded-same": (
        "{id} は reworded に書かれていますが、設問文・説明は変わっていません。",
        "reworded lists {id}, but its texts did not change",
    ),
    "problem.record-criteria-unlisted": (
        "{id} の判断基準または回答の形式が変わっていますが、criteria_changed に書かれていません。",
        "the criteria or answer format of {id} changed, but criteria_changed does not list it",
    ),
    "problem.record-criteria-same": (
        "{id} は criteria_changed に書かれていますが、判断基準は変わっていません。",
        "criteria_changed lists {id}, but its criteria did not change",
    ),
    "problem.record-no-catalogue": (
        "変更記録が指す評価項目の版 {version} が見つからないため、記録を確かめられません。",
        "catalogue version {version}, which the record refers to, is not available, so the record cannot be checked",
    ),
    "problem.record-duplicate": (
        "版 {version} からの変更記録が2つあります。",
        "two change records start from version {version}",
    ),
    "problem.history-version-twice": (
        "評価項目の版 {version} が、内容の異なる2つのファイルにあります。",
        "catalogue version {version} appears in two files with different contents",
    ),
    # --- outdated -----------------------------------------------------------------------
    "outdated.help": (
        "古い版の評価項目（またはファイル形式）で回答された評価と、それぞれにとって新しい・変わった設問を示します（1: 該当あり）。",
        "list assessments answered against an older catalogue version (or file format), with the questions new or changed for each (exit 1 when there are any)",
    ),
    "outdated.file": ("{path}: 評価項目 {old} → {new}", "{path}: catalogue {old} → {new}"),
    "outdated.format": (
        "ファイル形式の版 {version} → 現在の形式",
        "file format version {version} → current",
    ),
    "outdated.from": ("（{source} から）", " (from {source})"),
    "outdated.change.added": ("［新設］", "[new]"),
    "outdated.change.reworded": ("［文言変更］", "[reworded]"),
    "outdated.change.criteria_changed": ("［判断基準変更］", "[criteria changed]"),
    "outdated.change.split": ("［分割］", "[split]"),
    "outdated.change.merged": ("［統合］", "[merged]"),
    "outdated.change.renamed": ("［改番］", "[renumbered]"),
    "outdated.summary": (
        "{files} 件中 {count} 件が古い版です。",
        "{count} of {files} assessments are outdated",
    ),
    # --- migrate ------------------------------------------------------------------------
    "migrate.help": (
        "評価の回答を新しい版の評価項目（とファイル形式）へ移します。1件でも移せないときは何も書き込みません。",
        "move assessments to a newer catalogue version (and the current file format); nothing is written when any file cannot be migrated",
    ),
    "migrate.opt_to": (
        "移行先の評価項目の版（既定: 現在の評価項目）",
        "catalogue version to migrate to (default: the current catalogue)",
    ),
    "migrate.opt_dry_run": (
        "何も書き込まず、行う内容だけを示します",
        "show what would be done, write nothing",
    ),
    "migrate.paths-or-dir": (
        "PATH か --dir のどちらか一方を指定してください。",
        "give either PATH(s) or --dir, not both and not neither",
    ),
    "migrate.no-input": ("{path} を読み込めません。", "cannot read {path}"),
    "migrate.result-invalid": (
        "{path} を移行すると検証に通らないファイルになるため、移行しません。",
        "migrating {path} would give a file that does not validate; not migrated",
    ),
    "migrate.nothing-written": (
        "{count} 件のファイルを移行できないため、どのファイルも書き込みませんでした。",
        "{count} file(s) cannot be migrated, so nothing was written",
    ),
    "migrate.up-to-date": ("{path}: 既に {version} です。", "{path}: already at {version}"),
    "migrate.migrated": (
        "{path}: {old} → {new} に移行しました。",
        "{path}: migrated {old} → {new}",
    ),
    "migrate.would-migrate": (
        "{path}: {old} → {new} に移行します（試行のみ）。",
        "{path}: would migrate {old} → {new} (dry run)",
    ),
    "migrate.line-confirm": (
        "要確認: {id}（{source} から引継ぎ）",
        "to confirm: {id} (carried over from {source})",
    ),
    "migrate.line-not-prefilled": (
        "未回答のまま: {id}（{source} の回答は形式が合わないため引き継げません）",
        "left unanswered: {id} (the answer of {source} does not fit its answer type)",
    ),
    "migrate.line-removed": (
        "履歴に記録して削除: {id} = {value}",
        "removed, kept in the history: {id} = {value}",
    ),
    "migrate.summary-line": (
        "{files} 件中 {written} 件を書き込みました。",
        "{written} of {files} file(s) written",
    ),
    "migrate.summary": ("評価項目 {old} → {new} に移行", "migrated catalogue {old} → {new}"),
    "migrate.summary-renamed": ("改番 {items}", "renumbered {items}"),
    "migrate.summary-confirm": ("要確認 {items}", "to confirm {items}"),
    "migrate.summary-not-prefilled": ("未引継 {items}", "not carried over {items}"),
    "migrate.summary-removed": (
        "削除された設問の回答 {items}",
        "answers to removed questions {items}",
    ),
    "migrate.summary-exceptions": (
        "削除された設問の例外措置 {items}",
        "exceptions for removed questions {items}",
    ),
    "migrate.note-split": (
        "移行: {old} から引継ぎ、要確認（評価項目 {version}）",
        "migration: carried over from {old}, to be confirmed (catalogue {version})",
    ),
    "migrate.note-merged": (
        "移行: {old} を統合して引継ぎ、要確認（評価項目 {version}）",
        "migration: combined from {old}, to be confirmed (catalogue {version})",
    ),
    "migrate.note-criteria": (
        "移行: 判断基準が変更されました、要確認（評価項目 {version}）",
        "migration: the criteria changed, to be confirmed (catalogue {version})",
    ),
}
