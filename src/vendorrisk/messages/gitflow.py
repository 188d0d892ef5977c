"""Texts of the git-native review: semantic diff, textconv and git set-up.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- diff ---------------------------------------------------------------------------
    "diff.help": (
        "評価ファイルの2つの版の違いを、設問文とともに示します（終了コード: 0 差分なし、1 差分あり、2 エラー）。",
        "show what changed between two versions of an assessment, beside the questions (exit 0 no differences, 1 differences, 2 errors)",
    ),
    "diff.opt_paths": (
        "比べる2つのファイル（OLD NEW）。--rev のときは比べるファイルまたはフォルダ（既定: ./assessments）",
        "the two files to compare (OLD NEW); with --rev, the files or folders to compare (default ./assessments)",
    ),
    "diff.opt_rev": (
        "作業ツリーのファイルを Git のこの版と比べます（既定: HEAD）",
        "compare the working-tree files with this git revision (default HEAD)",
    ),
    "diff.two-files": (
        "比べるファイルを2つ指定してください（OLD NEW）。Git の版と比べるときは --rev を使います。",
        "give two files to compare (OLD NEW), or use --rev to compare with a git revision",
    ),
    "diff.unreadable": (
        "{label} は評価ファイルとして読めないため比べられません。",
        "cannot compare: {label} cannot be read as an assessment",
    ),
    "diff.old-side": (
        "旧: {label}（版 {revision}、評価項目 {version}）",
        "old: {label} (revision {revision}, catalogue {version})",
    ),
    "diff.new-side": (
        "新: {label}（版 {revision}、評価項目 {version}）",
        "new: {label} (revision {revision}, catalogue {version})",
    ),
    "diff.different-vendor": (
        "注意: 別の事業者のファイルです（{old} と {new}）。",
        "note: these files are about different vendors ({old} and {new})",
    ),
    "diff.different-vendor-note": (
        "事業者名または法人番号が異なるファイルを比べました。比べる相手が正しいか確認してください。",
        "the files compared name different vendors (name or corporate number); check that you compared the right files",
    ),
    "diff.none": ("違いはありません。", "no differences"),
    "diff.new-file": (
        "新しいファイル（比べる版にはありません）: {path}",
        "new file (not in the revision compared): {path}",
    ),
    "diff.md-title": ("評価の変更: {vendor}", "Assessment changes: {vendor}"),
    "diff.answers-heading": ("回答の変更（{count} 件）", "Changed answers ({count})"),
    "diff.exceptions-heading": ("例外措置の変更", "Changed exceptions"),
    "diff.new-blocker": ("新たな承認阻害要因: {id}", "new blocker: {id}"),
    "diff.resolved-blocker": ("解消した承認阻害要因: {id}", "blocker resolved: {id}"),
    "diff.unknown-question": (
        "（現在の評価項目にない設問）",
        "(question not in the current catalogue)",
    ),
    "diff.evidence": ("証跡", "evidence"),
    "diff.comment": ("コメント", "comment"),
    "diff.expired": ("（期限切れ）", " (expired)"),
    "diff.exception": (
        "{id} の例外措置（{until} まで、代替措置: {control}）",
        "exception for {id} (until {until}; compensating control: {control})",
    ),
    "diff.col-field": ("項目", "Field"),
    "diff.col-before": ("変更前", "Before"),
    "diff.col-after": ("変更後", "After"),
    "diff.col-id": ("ID", "ID"),
    "diff.col-question": ("設問", "Question"),
    "diff.col-change": ("変更", "Change"),
    "diff.source.vendor": ("事業者申告", "stated by the vendor"),
    "diff.source.city": ("市職員確認済", "verified by city staff"),
    "diff.field.vendor.name": ("事業者", "vendor"),
    "diff.field.vendor.corporate_number": ("法人番号", "corporate number"),
    "diff.field.service.name": ("サービス", "service"),
    "diff.field.service.kind": ("種類", "kind"),
    "diff.field.service.tier": ("利用する系", "network tier"),
    "diff.field.service.classification.confidentiality": ("機密性", "confidentiality"),
    "diff.field.service.classification.integrity": ("完全性", "integrity"),
    "diff.field.service.classification.availability": ("可用性", "availability"),
    "diff.field.service.personal_data": ("個人情報の取扱い", "personal information"),
    "diff.field.service.mynumber_data": ("特定個人情報の取扱い", "My Number data"),
    "diff.field.service.terminal_model": ("端末モデル", "terminal model"),
    "diff.field.review.status": ("審査状況", "review status"),
    "diff.field.review.reviewer": ("審査者", "reviewer"),
    "diff.field.review.decision": ("判定", "decision"),
    "diff.field.review.decided_at": ("判定日", "decided on"),
    "diff.field.review.next_review": ("次回見直し日", "next review"),
    "diff.field.review.conditions": ("承認条件", "conditions"),
    "diff.field.catalog.version": ("評価項目の版", "catalogue version"),
    "diff.field.risk_level": ("リスク", "risk level"),
    "diff.field.score": ("スコア", "score"),
    "diff.field.suggested_decision": ("推奨判定", "suggested decision"),
    "diff.field.url_checks": ("URL 確認の記録数", "URL check records"),
    "diff.field.value": ("回答", "answer"),
    "diff.field.reason": ("該当なしの理由", "reason"),
    "diff.field.note": ("備考", "note"),
    "diff.field.source": ("回答者の区分", "source"),
    "diff.field.answered_by": ("回答者", "answered by"),
    "diff.field.answered_at": ("回答日", "answered on"),
    # --- textconv and git ---------------------------------------------------------------
    "textconv.help": (
        "評価ファイルを設問文つきの読みやすいテキストで出力します（git diff の textconv 用）。",
        "print an assessment as stable, readable text with the question texts (for git diff textconv)",
    ),
    "textconv.answer": ("回答", "answer"),
    "textconv.profile": (
        "{kind}・{tier}・機密性 {c} 完全性 {i} 可用性 {a}・個人情報 {personal}・特定個人情報 {mynumber}",
        "{kind}, {tier}, confidentiality {c} integrity {i} availability {a}, personal information {personal}, My Number data {mynumber}",
    ),
    "textconv.revision": ("版", "revision"),
    "textconv.url-check": ("URL 確認", "URL check"),
    "textconv.history": ("履歴", "history"),
    "gitsetup.help": (
        "git diff が評価ファイルを設問文つきで表示するよう、.gitattributes と git config を設定します（何度実行しても同じ結果）。",
        "make git diff show assessments with their question texts: writes .gitattributes and the git config (safe to run again)",
    ),
    "gitsetup.opt_repo": (
        "評価ファイルの Git リポジトリ（既定: カレントフォルダ）",
        "the assessments' git repository (default: the current folder)",
    ),
    "gitsetup.attributes-added": (
        "{path} に「{line}」を追加しました。",
        "added '{line}' to {path}",
    ),
    "gitsetup.attributes-present": (
        "{path} には「{line}」が既にあります。",
        "{path} already has '{line}'",
    ),
    "gitsetup.textconv-set": (
        "git config {key} を「{command}」に設定しました。",
        "set git config {key} to '{command}'",
    ),
    "gitsetup.textconv-present": (
        "git config {key} は既に「{command}」です。",
        "git config {key} is already '{command}'",
    ),
    "git.missing": ("git コマンドが見つかりません。", "the git command was not found"),
    "git.failed": ("git の実行に失敗しました: {reason}", "git failed: {reason}"),
    "git.not-a-repo": (
        "{path} は Git リポジトリの中にありません。",
        "{path} is not inside a git repository",
    ),
    "git.bad-revision": ("Git の版 {rev} が見つかりません。", "unknown git revision: {rev}"),
    "git.too-large": ("{rev} の {path} が大きすぎます。", "{path} at {rev} is too large"),
    "git.attributes-unreadable": (
        "{path} を読み書きできません: {reason}",
        "cannot read or write {path}: {reason}",
    ),
}
