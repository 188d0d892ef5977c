"""Texts of approval integrity: whether a recorded approval stands, who moved it and why.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- why an approval does not stand (vendorrisk.approval) ---------------------------
    "approval.incomplete": (
        "未回答の項目が {count} 件あります（{ids}）",
        "{count} applicable question(s) unanswered ({ids})",
    ),
    "approval.open-blockers": (
        "有効な例外措置のない未達の阻害項目があります（{ids}）",
        "open blockers with no exception in force ({ids})",
    ),
    "approval.unverified-gates": (
        "市の職員が確認していない三層の対策の必須条件があります（{ids}）。確認後に回答の出典を city にしてください",
        "gates not yet verified by city staff ({ids}): mark each answer's source city once verified",
    ),
    "approval.na-unconfirmed": (
        "必須項目・三層の条件の「該当なし」を審査者が確認していません（{ids}）",
        "not applicable on a must question or gate, not confirmed by the reviewer ({ids})",
    ),
    "approval.stale": (
        "承認後に回答・例外措置・サービスの情報が変更されています",
        "the answers, exceptions or service profile changed after the approval",
    ),
    "approval.unbased": (
        "承認した内容の記録（review.basis）がない、以前の形式の承認です。次の審査で承認し直してください",
        "approved before approvals recorded what they approved (no review.basis): approve again at the next review",
    ),
    "approval.more": (" ほか {count} 件", " and {count} more"),
    "approval.reopened": (
        "「{status}」の後に変更があったため審査中に戻しました（変更: {ids}）",
        "back in review: changed after {status} ({ids})",
    ),
    "approval.reopened-unknown": (
        "「{status}」の後に承認した内容が変更されていたため審査中に戻しました",
        "back in review: what was {status} had changed",
    ),
    "approval.reopened-invalid": (
        "記録された「{status}」が成り立たないため審査中に戻しました（{reasons}）",
        "back in review: the recorded {status} did not stand ({reasons})",
    ),
    "problem.approval-invalid": (
        "「{status}」と記録されていますが、承認は成り立ちません: {reasons}",
        "recorded as {status}, but the approval does not stand: {reasons}",
    ),
    "problem.approval-stale": (
        "「{status}」と記録された後に、承認した回答・例外措置・サービスの情報が手で変更されています。審査し直してください",
        "recorded as {status}, but what was approved has been edited since: review it again",
    ),
    "problem.approval-unbased": (
        "{status}: 承認した内容の記録（review.basis）がありません。次の審査で承認し直してください",
        "{status}: no record of what was approved (review.basis); approve again at the next review",
    ),
    # --- workflow (rules W1, W6, W7) -----------------------------------------------------
    "workflow.notes-missing": (
        "一部適合・不適合の回答には補足（note）で理由を書いてください（{ids}）。",
        "partly met and not met answers need a note saying why ({ids})",
    ),
    "workflow.approval-refused": ("承認できません: {reasons}", "cannot approve: {reasons}"),
    "workflow.na-not-listed": (
        "{ids} は確認が必要な「該当なし」の回答ではありません",
        "{ids}: not a not-applicable answer that needs confirming",
    ),
    "workflow.submitter-unknown": (
        "提出者が記録されていないため、職務の分離を確かめられません。下書きに戻して提出し直してください",
        "who submitted is not recorded, so separation of duties cannot be checked: send it back to draft and submit again",
    ),
    "workflow.same-person": (
        "提出した {name} さん本人は承認できません（職務の分離）",
        "{name} submitted this and may not approve it (separation of duties)",
    ),
    "workflow.no-exception": (
        "{id} には例外措置が記録されていません。",
        "no exception is recorded for {id}",
    ),
    "workflow.verified": ("市が確認: {ids}", "verified by the city: {ids}"),
    "workflow.verified-remark": (
        "市の職員が内容を確認しました（出典: city）",
        "checked by city staff (source: city)",
    ),
    "workflow.exception-revoked": ("{id} の例外措置を取消し", "exception for {id} revoked"),
    # --- vendorrisk review ---------------------------------------------------------------
    "review.opt_person": (
        "この操作を行う人の名前（必須。履歴に記録されます）",
        "the person making this change (required; recorded in the history)",
    ),
    "review.opt_exception": (
        "例外措置を記録する項目 ID（--control・--approver・--until と共に）",
        "requirement id to record an exception for (with --control, --approver, --until)",
    ),
    "review.opt_control": ("例外措置の代替措置", "the exception's compensating control"),
    "review.opt_approver": ("例外措置の承認者", "who approved the exception"),
    "review.opt_until": ("例外措置の期限", "the exception's end date"),
    "review.opt_verify": (
        "市の職員が確認した回答の項目 ID（複数可。出典を city にします）",
        "requirement ids whose answers city staff have checked (sets their source to city)",
    ),
    "review.opt_revoke": ("例外措置を取り消す項目 ID", "requirement id whose exception to revoke"),
    "review.opt_confirm_na": (
        "審査者が確認した「該当なし」の項目 ID（複数可。all ですべて）",
        "not-applicable answers on must questions or gates the reviewer confirmed (ids, or all)",
    ),
    "review.person-required": (
        "操作する人の名前を --reviewer で指定してください（ログイン名は使いません）。",
        "name the person making this change with --reviewer (the login name is not used)",
    ),
    "review.exception-options": (
        "--exception には --control・--approver・--until をすべて指定してください。",
        "--exception needs --control, --approver and --until",
    ),
    "review.exception-stray": (
        "--control・--approver・--until は --exception と共に指定してください。",
        "--control, --approver and --until go with --exception",
    ),
    "review.nothing": (
        "--to・--on・--verify・--exception・--revoke-exception のいずれかを指定してください。",
        "give --to, --on, --verify, --exception or --revoke-exception",
    ),
    "review.one-action": (
        "一度に行えるのは 1 つの操作です（--on・--verify・--exception・--revoke-exception のいずれか）。",
        "one change at a time: --on, --verify, --exception or --revoke-exception",
    ),
    # --- where approval is shown ---------------------------------------------------------
    "due.approval-invalid": ("承認無効", "APPROVAL INVALID"),
    "due.kind.approval": ("承認が成り立たない", "approval does not stand"),
    "tui.status.approval_invalid": ("承認無効（要審査）", "approval invalid"),
    "report.review-status.approval_invalid": ("承認無効（要審査）", "approval invalid"),
    "report.approval-problems": ("承認の問題", "Approval problems"),
    "score.approval-problems": ("承認の問題: {reasons}", "approval problems: {reasons}"),
    # --- review screen -------------------------------------------------------------------
    "tui.review.na-heading": (
        "確認が必要な「該当なし」（必須項目・三層の条件）",
        "Not applicable on must questions or gates: confirm each",
    ),
    "tui.review.na-item": ("{id} {title} — 理由: {reason}", "{id} {title} — reason: {reason}"),
    "tui.review.approval-ready": ("承認できます。", "Approval is possible."),
    "tui.review.approval-needs": ("承認するには: {reasons}", "To approve: {reasons}"),
    "tui.review.moves-from": (
        "{status} から行える操作: {moves}",
        "From {status} you can: {moves}",
    ),
    "tui.review.person": ("操作する人の名前（必須）", "Your name (required)"),
    "tui.review.comment-own": (
        "この操作のコメント（操作ごとに空になります）",
        "Comment on this move (cleared after each move)",
    ),
    "tui.review.invalid": (
        "記録された承認は成り立ちません: {reasons}",
        "The recorded approval does not stand: {reasons}",
    ),
}
