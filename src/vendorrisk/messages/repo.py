"""Texts of the assessments repository: ``init``, ``git-setup``'s additions, the security.txt
strict-grammar problems and the questionnaire for one assessment.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- git-setup --------------------------------------------------------------------------
    "git.symlink-refused": (
        "{path} はシンボリックリンクです。リンク先（リポジトリの外かもしれません）には書き込みません。通常のファイルにしてから再実行してください。",
        "{path} is a symbolic link; refusing to write through it (it may lead outside the repository). Make it a regular file and run again",
    ),
    "git.too-large-file": (
        "ファイルが大きすぎます（上限 1 MiB）",
        "the file is too large (limit 1 MiB)",
    ),
    "gitsetup.ignore-added": (
        "{path} に「{line}」（保存が中断されたときの一時ファイル）を追加しました。",
        "added '{line}' (temporary files of interrupted saves) to {path}",
    ),
    "gitsetup.ignore-present": (
        "{path} には「{line}」が既にあります。",
        "{path} already has '{line}'",
    ),
    "gitsetup.textconv-updated": (
        "git config {key} を「{previous}」から「{command}」に変更しました。",
        "changed git config {key} from '{previous}' to '{command}'",
    ),
    # --- init ---------------------------------------------------------------------------
    "init.help": (
        "評価ファイル用のリポジトリを作成・更新します: assessments/、スキーマのコピー、pre-commit と taplo の設定、.gitattributes と git diff の設定、.gitignore、CI の例、README（何度実行しても安全で、変更したファイルは上書きしません）。",
        "create or update an assessments repository: assessments/, a copy of the schemas, pre-commit and taplo settings, .gitattributes and the git diff set-up, .gitignore, a CI example and a README (safe to run again; never overwrites a file you changed)",
    ),
    "init.opt_dir": (
        "リポジトリのフォルダ（既定: カレントフォルダ）",
        "the repository folder (default: the current folder)",
    ),
    "init.opt_hooks_repo": (
        "pre-commit フックを取得する vendorrisk リポジトリの URL（既定: 前回の値、または git からインストールした元）",
        "URL of the vendorrisk repository the pre-commit hooks come from (default: the one used last time, or where vendorrisk was installed from with git)",
    ),
    "init.opt_hooks_rev": (
        "フックの版（タグまたはコミット。既定: v と vendorrisk の版）",
        "the hooks' revision, a tag or commit (default: v and the vendorrisk version)",
    ),
    "init.opt_no_git": (
        "git init と git config の設定を行いません",
        "do not run git init or set the git config",
    ),
    "init.created": ("作成: {path}", "created {path}"),
    "init.updated": ("更新: {path}", "updated {path}"),
    "init.unchanged": ("変更なし: {path}", "unchanged {path}"),
    "init.appended": ("追記: {path}", "added lines to {path}"),
    "init.kept-changed": (
        "そのまま: {path}（init が書いた後に変更されています）",
        "kept {path} (changed since init wrote it)",
    ),
    "init.kept-foreign": (
        "そのまま: {path}（init が書いたファイルではありません）",
        "kept {path} (not written by init)",
    ),
    "init.hooks-placeholder": (
        "注意: vendorrisk のリポジトリの URL が分からないため、{path} の repo は仮の値です。--hooks-repo URL --hooks-rev REV を付けて init を再実行してください。",
        "note: the vendorrisk repository URL is not known, so repo in {path} is a placeholder; run init again with --hooks-repo URL --hooks-rev REV",
    ),
    "init.git-initialised": (
        "{path} を Git リポジトリにしました。",
        "made {path} a git repository",
    ),
    "init.git-skipped": (
        "Git の設定は行いませんでした（後で vendorrisk git-setup を実行してください）: {reason}",
        "git was not set up (run vendorrisk git-setup later): {reason}",
    ),
    "init.symlink": (
        "{path} はシンボリックリンクです。リンク先には書き込みません。",
        "{path} is a symbolic link; init does not write through links",
    ),
    "init.not-a-folder": ("{path} はフォルダではありません。", "{path} is not a folder"),
    "init.not-a-file": (
        "{path} は通常のファイルではありません。",
        "{path} is not a regular file",
    ),
    "init.marker-unreadable": (
        "{path} を読めません: {reason}",
        "cannot read {path}: {reason}",
    ),
    "init.write-failed": ("{path} を書き込めません: {reason}", "cannot write {path}: {reason}"),
    # --- security.txt, strictly (RFC 9116 §4, RFC 4880 §6-7) ---------------------------------
    "sectxt.extra-space": (
        "コロンの後の空白は 1 つだけです（§4 の文法）。",
        "exactly one space must follow the colon, not more (§4 grammar)",
    ),
    "sectxt.signature-armor-header": (
        "署名の見出し行（armor header）が「Key: Value」の形ではありません（署名付きメッセージの見出しは Hash のみ、RFC 4880 §6.2、§7）。",
        "an armor header is not 'Key: Value' (the signed-message frame takes only Hash headers; RFC 4880 §6.2, §7)",
    ),
    "sectxt.signature-base64": (
        "署名の本体が正しい base64 ではありません（空、不正な文字や詰め物、76 文字を超える行、チェックサムの後の行。RFC 4880 §6.3）。",
        "the signature body is not well-formed base64 (empty, a bad character or padding, a line over 76 characters, or a line after the checksum; RFC 4880 §6.3)",
    ),
    "sectxt.signature-checksum": (
        "署名の CRC-24 チェックサム（=XXXX）が本体と一致しません。署名が壊れています（RFC 4880 §6.1）。",
        "the signature's CRC-24 checksum (=XXXX) does not match its body: the armor is damaged (RFC 4880 §6.1)",
    ),
    "sectxt.signature-no-checksum": (
        "署名に CRC-24 チェックサムの行（=XXXX）がありません（RFC 4880 §6.2。RFC 9580 では省略可）。",
        "the signature has no CRC-24 checksum line (=XXXX) (RFC 4880 §6.2; optional in RFC 9580)",
    ),
    "sectxt.signature-not-a-signature": (
        "署名ブロックの中身が OpenPGP の署名パケットではありません（RFC 4880 §5.2）。",
        "the signature block does not hold an OpenPGP signature packet (RFC 4880 §5.2)",
    ),
    # --- OSCAL --------------------------------------------------------------------------------
    "oscal.plan-title": (
        "評価計画: {vendor} {service}",
        "Assessment plan: {vendor} {service}",
    ),
    "oscal.plan-description": (
        "評価項目 {catalog} {version} のうち、種類 {kind}、利用する系 {tier}、機密性 {c} 完全性 {i} 可用性 {a} のサービスに適用される設問。評価ファイル（リンク先）に記録されています。",
        "the questions of catalogue {catalog} {version} that apply to a {kind} service used from the {tier} tier with confidentiality {c}, integrity {i}, availability {a}; recorded in the assessment file linked here",
    ),
    # --- questionnaire for one assessment ---------------------------------------------------
    "questionnaire.opt_assessment": (
        "この評価ファイルの種類・利用する系・格付け・回答に合わせた質問票にします（取り込み時に拒否される設問を含めません）",
        "the questionnaire for exactly this assessment: its kind, tier, classification and answers (no question the import would refuse)",
    ),
    "questionnaire.tier-with-assessment": (
        "--assessment のときは評価ファイルの利用する系を使います。--tier は指定しないでください。",
        "with --assessment the assessment's own tier is used; leave out --tier",
    ),
    # --- diff across catalogue versions -----------------------------------------------------
    "diff.field.id": ("設問番号", "question id"),
    "diff.version-unknown": (
        "注意: 評価項目 {version} が履歴にないため、現在の評価項目で採点しました（{label}）。",
        "note: catalogue version {version} is not in the history, so the current catalogue scored it ({label})",
    ),
}
