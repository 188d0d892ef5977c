"""Texts about reading and writing files: TOML 1.0 only, special files, migration.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- file names and migration --------------------------------------------------------
    "problem.name-too-long": (
        "ファイル名が長すぎて保存できません（{size} バイト、上限 {limit} バイト）。短い名前に変えてください。",
        "the file name is too long to save ({size} bytes; the limit is {limit}); rename the file",
    ),
    "problem.leftover-temp": (
        "{target} の保存が中断されたときの一時ファイルです。次に {target} を保存すると削除されます（今削除しても構いません）。",
        "a temporary file left by an interrupted save of {target}; the next save of {target} "
        "removes it (deleting it now is safe too)",
    ),
    "migrate.recovered-finished": (
        "{journal}: 中断していた移行を完了しました: {files}",
        "{journal}: an interrupted migration was finished: {files}",
    ),
    "migrate.recovered-rolled-back": (
        "{journal}: 中断していた移行を取り消しました（変更されたファイルはありません）: {files}",
        "{journal}: an interrupted migration was rolled back (no file was changed): {files}",
    ),
    "migrate.commit-interrupted": (
        "{journal}: 移行の書き込みが途中で止まりました（{reason}）。もう一度 vendorrisk migrate を実行すると完了します。",
        "{journal}: the migration stopped while renaming ({reason}); run vendorrisk migrate "
        "again to finish it",
    ),
    "migrate.batch-failed": (
        "移行を書き込めませんでした。どのファイルも変更していません: {reason}",
        "the migration could not be written; no file was changed: {reason}",
    ),
    # --- values the schema cannot bound alone -------------------------------------------
    "problem.integer-expected": (
        "整数を書いてください（{value} ではなく小数点なし）。",
        "write a whole number without a decimal point (not {value})",
    ),
    "problem.number-not-finite": (
        "数値として使えない値です（{value}）。",
        "{value} is not a usable number",
    ),
    "problem.date-range": (
        "日付 {value} は範囲外です（{first} 年から {last} 年まで）。",
        "date {value} is out of range (years {first} to {last})",
    ),
    "problem.table-not-array": (
        "[{name}] は表の配列として [[{name}]] と書いてください（項目ごとに 1 つ）。",
        "write [[{name}]] (an array of tables, one per item), not a single [{name}] table",
    ),
    # --- TOML 1.1 constructs refused (TOML 1.0 only) -------------------------------------
    "toml10.escape": (
        "\\e と \\xHH のエスケープは TOML 1.1 の書き方です。TOML 1.0 の \\u001B や \\u00HH を使ってください",
        "the \\e and \\xHH escapes are TOML 1.1; write \\u001B or \\u00HH (TOML 1.0)",
    ),
    "toml10.inline-newline": (
        "インラインテーブル { } の中の改行やコメントは TOML 1.1 の書き方です。1 行に書くか [表] に分けてください",
        "a line break or comment inside an inline table { } is TOML 1.1; keep it on one line "
        "or use a [table]",
    ),
    "toml10.inline-comma": (
        "インラインテーブル { } の最後のカンマは TOML 1.1 の書き方です。削除してください",
        "a trailing comma in an inline table { } is TOML 1.1; remove it",
    ),
    "toml10.time-seconds": (
        "秒のない時刻は TOML 1.1 の書き方です。秒まで書いてください（例: 09:30:00）",
        "a time without seconds is TOML 1.1; write the seconds too (e.g. 09:30:00)",
    ),
}
