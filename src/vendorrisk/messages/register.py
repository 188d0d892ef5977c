"""Texts of the 再委託承認 register, the yearly 自己点検票 round and the disclosure-safe
export (issue 14 §5–§7).

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- register: validation (docs/validation.md, rules G1–G9) ---
    "problem.subcontractor-duplicate": (
        "再委託先「{name}」が台帳に二度以上あります。一つの再委託先は一行にしてください。",
        "subcontractor '{name}' appears more than once in the register: keep one entry per subcontractor",
    ),
    "problem.subcontractor-parent-at-level-1": (
        "再委託先「{name}」は一次（level 1）ですが、parent（上位の再委託先）が書かれています。一次の再委託先の上位は事業者自身です。",
        "subcontractor '{name}' is at level 1 but names a parent: the level above level 1 is the vendor itself",
    ),
    "problem.subcontractor-parent-missing": (
        "再委託先「{name}」は {level} 次ですが、parent（一つ上の再委託先）が書かれていません。",
        "subcontractor '{name}' is at level {level} but names no parent (the entry one level up)",
    ),
    "problem.subcontractor-parent-unknown": (
        "再委託先「{name}」の parent「{parent}」が台帳にありません。上位の再委託先を先に登録してください。",
        "the parent '{parent}' of subcontractor '{name}' is not in the register: add the entry above it first",
    ),
    "problem.subcontractor-parent-level": (
        "再委託先「{name}」は {level} 次ですが、parent「{parent}」は {parent_level} 次です。parent は一つ上の次数でなければなりません。",
        "subcontractor '{name}' is at level {level}, but its parent '{parent}' is at level {parent_level}: the parent must be one level up",
    ),
    "problem.subcontractor-consent-incomplete": (
        "再委託先「{name}」の承認は、承認日（consented）と承認者（approver）の両方を記録してください。",
        "the consent to subcontractor '{name}' needs both its date (consented) and who gave it (approver)",
    ),
    "problem.subcontractor-consent-before-request": (
        "再委託先「{name}」の承認日 {consented} が申請日 {requested} より前です。",
        "the consent to subcontractor '{name}' ({consented}) is dated before its request ({requested})",
    ),
    "problem.register-empty-answer-met": (
        "{ids} が「適合」ですが、再委託承認台帳に再委託先が一つもありません。再委託先が把握されていなければ、これらの回答は確かめられません（vendorrisk subcontractors で登録）。",
        "{ids} are met, but the re-subcontracting register lists no subcontractor: with the subcontractors unknown these answers cannot be borne out (add them with vendorrisk subcontractors)",
    ),
    "problem.register-consent-missing-all": (
        "{id} は「適合」（再委託は本市の事前の書面承認による）ですが、台帳の {count} 件の再委託先に承認の記録がありません: {names}",
        "{id} is met (re-subcontracting only with the city's prior written approval), but {count} subcontractor(s) in the register have no consent on record: {names}",
    ),
    "problem.register-consent-missing-mynumber": (
        "{id} は「適合」（番号法10条の許諾がすべての階層で記録されている）ですが、特定個人情報を扱う {count} 件の再委託先に本市の許諾の記録がありません: {names}",
        "{id} is met (consent under 番号法10条 on record at every level), but {count} subcontractor(s) handling My Number data have no consent of the city on record: {names}",
    ),
    "problem.register-without-resubcontracting": (
        "{id} は「再委託しない」ですが、再委託承認台帳に {count} 件の再委託先があります。どちらかが誤っています。",
        "{id} says the vendor does not re-subcontract, but the register lists {count} subcontractor(s): one of them is wrong",
    ),
    "problem.subcontractor-mynumber-outside-service": (
        "再委託先「{name}」は特定個人情報を扱うとされていますが、このサービスは特定個人情報を扱わないとされています。",
        "subcontractor '{name}' is said to handle My Number data, but the service is said to hold none",
    ),
    "problem.subcontractor-mynumber-chain": (
        "再委託先「{name}」は特定個人情報を扱いますが、上位の「{parent}」は扱わないとされています。特定個人情報は上位を経て渡るはずです。",
        "subcontractor '{name}' handles My Number data, but its parent '{parent}' is said not to: the data reaches it through the parent",
    ),
    # --- register: the command ---
    "register.help": (
        "再委託承認台帳（再委託先と本市の承認、特定個人情報は番号法10条の許諾）を表示・記録します。",
        "Show or record the re-subcontracting register: subcontractors and the city's consent (for My Number work, under 番号法10条)",
    ),
    "register.list-help": (
        "台帳を表示します（所見があれば終了コード 1）。",
        "Show the register (exit 1 when something is found)",
    ),
    "register.add-help": ("再委託先を登録します。", "Add a subcontractor"),
    "register.consent-help": (
        "再委託先への本市の承認（許諾）を記録します。",
        "Record the city's consent to a subcontractor",
    ),
    "register.remove-help": (
        "再委託先を台帳から外します。",
        "Take a subcontractor off the register",
    ),
    "register.choose-action": (
        "list、add、consent、remove のどれかを指定してください。",
        "choose one of list, add, consent, remove",
    ),
    "register.opt_name": ("再委託先の名称", "the subcontractor's name"),
    "register.opt_work": ("再委託する業務", "the work it does"),
    "register.opt_data": ("扱う情報", "the information it handles"),
    "register.opt_corporate_number": ("法人番号（13桁）", "法人番号 (13 digits)"),
    "register.opt_parent": (
        "一つ上の再委託先（名称、法人番号または一覧の番号）。省略すると一次の再委託先",
        "the entry one level up (name, 法人番号 or number in the list); without it, a first-level subcontractor",
    ),
    "register.opt_tier": ("作業が及ぶ系（三層の対策）", "the network tier its work touches"),
    "register.opt_mynumber": (
        "特定個人情報を扱う（番号法10条の許諾が必要）",
        "it handles My Number data (consent under 番号法10条 needed)",
    ),
    "register.opt_requested": ("承認申請を受けた日", "the date the request reached the city"),
    "register.opt_note": ("備考", "a note"),
    "register.opt_by": ("履歴に記録する氏名", "who makes the change, for the history"),
    "register.opt_which": (
        "再委託先（名称、法人番号または一覧の番号）",
        "the subcontractor (name, 法人番号 or number in the list)",
    ),
    "register.opt_approver": ("承認（許諾）した者", "who gave the consent"),
    "register.opt_date": (
        "承認（許諾）の日（既定: 今日）",
        "the date of the consent (default: today)",
    ),
    "register.not-found": (
        "再委託先「{which}」が台帳にありません（名称、法人番号または一覧の番号で指定）。",
        "no subcontractor '{which}' in the register (give its name, 法人番号 or number in the list)",
    ),
    "register.duplicate": (
        "再委託先「{name}」は既に台帳にあります。",
        "subcontractor '{name}' is already in the register",
    ),
    "register.remove-has-children": (
        "再委託先「{name}」の下に再委託先があります（{names}）。先にそれらを外してください。",
        "subcontractor '{name}' has entries below it ({names}): take those off first",
    ),
    "register.summary-added": (
        "再委託先「{name}」（{level}次）を台帳に登録",
        "subcontractor '{name}' (level {level}) added to the register",
    ),
    "register.summary-consent": (
        "再委託先「{name}」への承認を記録（{approver}、{date}）",
        "consent to subcontractor '{name}' recorded ({approver}, {date})",
    ),
    "register.summary-consent-mynumber": (
        "再委託先「{name}」への番号法10条の許諾を記録（{approver}、{date}）",
        "consent under 番号法10条 to subcontractor '{name}' recorded ({approver}, {date})",
    ),
    "register.summary-removed": (
        "再委託先「{name}」を台帳から削除",
        "subcontractor '{name}' taken off the register",
    ),
    "register.saved": (
        "{path}: {summary}（版 {revision}）",
        "{path}: {summary} (revision {revision})",
    ),
    "register.reopened": (
        "台帳は承認の対象に含まれるため、{status} だった承認は審査中に戻りました。審査をやり直してください。",
        "the register is part of what was approved: the approval ({status}) went back into review; review it again",
    ),
    "register.empty": ("台帳に再委託先はありません。", "the register lists no subcontractor"),
    "register.corporate-number": ("法人番号 {number}", "法人番号 {number}"),
    "register.level": ("{level}次", "level {level}"),
    "register.mynumber": ("特定個人情報", "My Number data"),
    "register.work": ("業務", "work"),
    "register.data": ("扱う情報", "data"),
    "register.requested": ("申請", "requested"),
    "register.consented": ("承認 {date}（{approver}）", "consented {date} ({approver})"),
    "register.pending": ("承認未記録", "no consent on record"),
    "register.article-10": ("番号法10条", "番号法10条"),
    # --- the yearly round ---
    "round.help": (
        "年度ごとの自己点検票の送付（round start）と返送状況（round status）",
        "The yearly self-inspection round: send the questionnaires (round start) and follow the returns (round status)",
    ),
    "round.start-help": (
        "その年度に再評価の時期が来る承認済みの事業者全員に、事業者向け質問票を書き出し、送付を記録します。",
        "Write the vendor questionnaire for every approved vendor due in the fiscal year, and record that it was sent",
    ),
    "round.status-help": (
        "返送の状況、期限超過、前年度から変わった回答を表示します（期限超過があれば終了コード 1）。",
        "Show who has returned what, what is overdue and what changed since last year (exit 1 when something is overdue)",
    ),
    "round.opt_out": (
        "質問票を書き出すフォルダ（既定: rounds/<年度>）",
        "the folder for the questionnaires (default: rounds/<year>)",
    ),
    "round.opt_due": (
        "返送の期限（既定: 開始から30日後。既存の回は記録された期限）",
        "the date answers are due back (default: 30 days after the start, or the round's recorded date)",
    ),
    "round.opt_format": ("質問票の形式", "the questionnaires' format"),
    "round.bad-year": (
        "年度 {value} は使えません（2000〜2999 の西暦で、4月に始まる年）。",
        "fiscal year {value} is not usable: give the year (2000–2999) in which it starts in April",
    ),
    "round.unusable": (
        "自己点検の記録 {path} を使えません。",
        "the round record {path} cannot be used",
    ),
    "round.file-exists": (
        "{path} は既にあり、内容が異なります。上書きはしません（移動するか --out で別のフォルダを指定）。",
        "{path} already exists with other content: it is not overwritten (move it or choose another --out)",
    ),
    "round.skipped": (
        "読み込めない評価ファイル {count} 件を飛ばしました。",
        "{count} assessment file(s) that could not be loaded were left out",
    ),
    "round.already": (
        "送付済み（{date}）: {subject}",
        "already sent ({date}): {subject}",
    ),
    "round.sent": (
        "送付: {subject} → {file}（{count} 問）",
        "sent: {subject} → {file} ({count} questions)",
    ),
    "round.recorded": (
        "{count} 件を {path} に記録しました（返送期限 {due}）。",
        "{count} recorded in {path} (answers due {due})",
    ),
    "round.none": (
        "{year} 年度の自己点検はまだ始まっていません（{path} がありません。round start で開始）。",
        "no round was started for fiscal year {year} ({path} does not exist; start one with round start)",
    ),
    "round.headline": (
        "{year}年度 自己点検票: 送付 {sent} 件、返送済み {returned}、一部返送 {partial}、未返送 {waiting}、期限超過 {overdue}（期限 {due}）",
        "fiscal year {year} self-inspection: {sent} sent, {returned} returned, {partial} partly returned, {waiting} waiting, {overdue} overdue (due {due})",
    ),
    "round.state.returned": ("返送済み", "returned"),
    "round.state.partial": ("一部返送", "partial"),
    "round.state.waiting": ("未返送", "waiting"),
    "round.state.overdue": ("期限超過", "overdue"),
    "round.state.missing": ("評価ファイルなし", "assessment missing"),
    "round.returned": ("返送 {count}", "returned {count}"),
    "round.new": ("（今年度から）", "(new this year)"),
    "round.outstanding": ("未回答", "outstanding"),
    "round.changed": ("前年度から変わった回答", "changed since last year"),
    "round.no-answer": ("回答なし", "no answer"),
    "round.dropped": (
        "前年度は送付、今年度は対象外: {subject}",
        "sent last year, not this year: {subject}",
    ),
    "summary.h-round": (
        "8. 自己点検票（{year}年度）",
        "8. Self-inspection round (fiscal year {year})",
    ),
    "summary.col-returned": ("返送", "Returned"),
    "summary.col-changed": ("前年度から変わった回答", "Changed since last year"),
    # --- disclosure-safe output (§10) ---
    "disclosure.heading": (
        "情報公開用の写し: 除いた事項",
        "Copy for a disclosure request: what was left out",
    ),
    "disclosure.intro": (
        "この文書は情報公開請求に対する写しです。次の事項は、内容を示さずに除きました（件数と理由のみ）。評価の結果（リスク、点数、判断）はそのまま示しています。",
        "This document is a copy for an information disclosure request. The following were left out; only their number and the reason are given, never their content. The results (risk, score, decision) are shown as they are.",
    ),
    "disclosure.withheld-controls": (
        '対策の詳細（{count} 問: {ids}）: 回答、注記、根拠資料、所見、例外措置。公にすると本市や事業者への攻撃を容易にするおそれがあるため（評価項目で disclosure = "withhold" の設問）。',
        'security-control details ({count} questions: {ids}): answers, notes, evidence, findings and exceptions. Publishing them could make attacks on the city or the vendor easier (questions the catalogue marks disclosure = "withhold").',
    ),
    "disclosure.city-items": (
        "本市が回答する項目（{count} 問: {ids}）: 回答、注記、根拠資料、所見。本市の内部の対策と判断であり、公にすると事務の適正な遂行に支障を及ぼすおそれがあるため。",
        "items the city answers ({count} questions: {ids}): answers, notes, evidence and findings. They are the city's own internal measures and judgements, whose publication could hinder its work.",
    ),
    "disclosure.contacts": (
        "連絡先と回答者の氏名（{count} 件）: 個人を識別できる情報であるため。",
        "contacts and the names of those who answered ({count}): they identify individuals.",
    ),
    "disclosure.comments": (
        "審査者のコメント（{count} 件）: 審査の過程での検討であるため。",
        "reviewers' comments ({count}): they are deliberation during the review.",
    ),
    "disclosure.conditions": (
        "承認の条件（{count} 件）: 解消すべき不備を具体的に示すため。",
        "the conditions of the approval ({count}): they name the gaps still to be closed.",
    ),
    "disclosure.url-checks": (
        "URL の確認結果（{count} 件）: 通信の設定（ヘッダ、証明書、security.txt）の詳細であるため。",
        "URL-check results ({count}): they detail the vendor's web settings (headers, certificates, security.txt).",
    ),
    "disclosure.opt": (
        "情報公開請求に出す写し（非公開の事項を除き、除いた事項を示す）",
        "a copy for an information disclosure request: leaves out what is not public, and lists what was left out",
    ),
    "export.col.omissions": ("除いた事項", "Left out"),
    # --- the register in the terminal UI ---
    "tui.key.register": ("再委託台帳", "Subcontractors"),
    "tui.register.title": ("再委託承認台帳", "Re-subcontracting register"),
    "tui.register.summary": (
        "再委託先 {count} 件（承認の記録と、回答との整合を下に示します）",
        "{count} subcontractor(s); consents and how they square with the answers below",
    ),
    "tui.register.col-name": ("再委託先", "Subcontractor"),
    "tui.register.col-level": ("次数", "Level"),
    "tui.register.col-work": ("業務", "Work"),
    "tui.register.col-consent": ("承認", "Consent"),
    "tui.register.no-findings": (
        "台帳と回答に食い違いはありません。",
        "The register and the answers agree.",
    ),
    "tui.register.consent-heading": (
        "選択した再委託先への承認（今日の日付で記録）",
        "Consent to the selected subcontractor (recorded with today's date)",
    ),
    "tui.register.approver": ("承認者", "approver"),
    "tui.register.consent": ("承認を記録", "Record consent"),
    "tui.register.approver-needed": ("承認者を入力してください。", "type who gave the consent"),
    "tui.register.add-heading": ("再委託先の登録", "Add a subcontractor"),
    "tui.register.parent": (
        "一つ上の再委託先（一次なら空欄）",
        "the entry one level up (empty for level 1)",
    ),
    "tui.register.add": ("登録", "Add"),
    "tui.register.fill-in": (
        "名称・業務・扱う情報を入力してください。",
        "give the name, the work and the data handled",
    ),
}
