"""Texts of the import safeguards (applicability changes, hostile cells) and of the
cross-checks and consistency checks ``validate`` runs on an assessment's facts.

Each entry is (日本語, English). Placeholders use str.format names.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- import-answers: cells ----------------------------------------------------------
    "import.control": (
        "{field} に制御文字または双方向制御文字 {char} が含まれています。取り除いてください",
        "the {field} contains the control or bidi character {char}; remove it",
    ),
    "import.control-line": (
        "{field} に制御文字または双方向制御文字 {char} が含まれています（改行とタブを使えるのは note・reason・記述式の回答だけです）。取り除いてください",
        "the {field} contains the control or bidi character {char} (line breaks and tabs are allowed only in notes, reasons and text answers); remove it",
    ),
    "import.not-text": (
        "{field} は文字列で記入してください（{found} が記入されています）",
        "the {field} must be text, not a {found}",
    ),
    "import.evidence-not-list": (
        "evidence は資料名の一覧（文字列の配列）で記入してください（{found} が記入されています）",
        "evidence must be a list of document names (texts), not a {found}",
    ),
    "import.evidence-not-text": (
        "evidence の各項目は資料名（文字列）で記入してください（{found} が含まれています）",
        "each evidence entry must be a document name (text), not a {found}",
    ),
    "import.evidence-too-long": (
        "evidence の資料名が長すぎます（{size} 文字、上限 {limit} 文字）",
        "an evidence entry is too long ({size} characters; the limit is {limit})",
    ),
    "import.note-too-long": (
        "note が長すぎます（{size} 文字）。取込元の記録を添えるため、{limit} 文字以内にしてください",
        "the note is too long ({size} characters): with the line that records where it came from, it must be at most {limit} characters",
    ),
    "import.not-finite": (
        "数値として使えない値です（{value}）。有限の数を記入してください",
        "'{value}' is not a usable number; give a finite number",
    ),
    "import.name-control": (
        "ファイル名に制御文字または双方向制御文字 {char} が含まれています。名前を変えてから取り込んでください",
        "the file name contains the control or bidi character {char}; rename the file and import it again",
    ),
    "import.line-blank": ("空です", "it is blank"),
    "import.line-too-long": (
        "長すぎます（{size} 文字、上限 {limit} 文字）",
        "it is too long ({size} characters; the limit is {limit})",
    ),
    "import.line-control": (
        "制御文字または双方向制御文字 {char} が含まれています",
        "it contains the control or bidi character {char}",
    ),
    "import.bad-by": (
        "--by の名前は回答者として記録できません: {reason}",
        "the --by name cannot be recorded as who answered: {reason}",
    ),
    # --- import-answers: what applies ---------------------------------------------------
    "import.opt_accept": (
        "回答によって該当する設問が変わる場合も取り込みます（変わる設問は一覧で示します）",
        "import even when the answers change which questions apply (the changes are listed)",
    ),
    "import.line-stops": (
        "該当しなくなる: {id}（回答は残り、評価の対象外になります）",
        "stops applying: {id} (its answer stays but is no longer assessed)",
    ),
    "import.line-stops-unanswered": ("該当しなくなる: {id}", "stops applying: {id}"),
    "import.line-starts": ("新たに該当する: {id}", "starts applying: {id}"),
    "import.city-verified-stop": (
        "取込を拒否しました。{causes} の回答によって、市職員が確認済みの回答がある設問 {ids} が該当しなくなるためです。事業者の申告で市の確認結果を外すことはできません。何も取り込んでいません。回答の内容を事業者に確認し、変更が正しければ市職員が評価画面で回答を直してください",
        "import refused: the answers to {causes} would make {ids} stop applying, and city staff verified the answers to those questions. A vendor's statement cannot remove the city's findings. Nothing was imported. Check the answers with the vendor; if the change is right, city staff change the answers themselves",
    ),
    "import.needs-acceptance": (
        "取込を保留しました。{causes} の回答によって、該当する設問が変わります（上の一覧）。何も取り込んでいません。変更を確認したうえで --accept-applicability-changes を付けて実行してください",
        "import held back: the answers to {causes} change which questions apply (listed above). Nothing was imported. Check the changes, then run again with --accept-applicability-changes",
    ),
    "import.nothing-imported": ("何も取り込んでいません。", "nothing imported"),
    # --- validate: values -------------------------------------------------------------
    "problem.answer-not-finite": (
        "{id} の回答 {value} は数値として使えません。有限の数にしてください。",
        "the answer to {id} ({value}) is not a usable number; give a finite number",
    ),
    # --- validate: classification cross-checks ------------------------------------------
    "problem.personal-data-public": (
        "個人情報を扱うサービスが自治体機密性1（公開を前提とした情報）に格付けされています。令和6年10月のガイドライン改定により、個人情報は自治体機密性3（3B または 3C）です。格付を直してください。",
        "a service holding personal information is classified at 自治体機密性1 (information meant for publication); since the guideline's R6.10 revision personal information belongs in 自治体機密性3 (3B or 3C). Correct the classification",
    ),
    "problem.personal-data-below-3": (
        "個人情報を扱うサービスが自治体機密性2に格付けされています。令和6年10月のガイドライン改定により、個人情報は自治体機密性3（住民の個人情報は 3B、職員の個人情報は 3C）です。格付を見直してください（改定前の「機密性2」のままではありませんか）。",
        "a service holding personal information is classified at 自治体機密性2; since the guideline's R6.10 revision personal information belongs in 自治体機密性3 (residents' data 3B, staff data 3C). Review the classification (is it the pre-revision 機密性2?)",
    ),
    "problem.mynumber-without-personal-data": (
        "特定個人情報（マイナンバーを含む情報）を扱うとされていますが、個人情報を扱わないとされています。特定個人情報は個人情報です。personal_data を true にしてください。",
        "the service is recorded as holding My Number data but no personal information; My Number data is personal information. Set personal_data to true",
    ),
    "problem.mynumber-data-outside-tier": (
        "特定個人情報を扱うサービスが {tier} に置かれています。特定個人情報はマイナンバー利用事務系で扱い、その系の条件（B-T1）で評価します。利用する系を mynumber にしてください。",
        "a service holding My Number data is placed in the {tier} tier; My Number data is handled in the My Number tier and assessed against its tier rules (B-T1). Set the tier to mynumber",
    ),
    "problem.mynumber-data-below-3b": (
        "特定個人情報を扱うサービスが自治体機密性{level}に格付けされています。特定個人情報は自治体機密性3B以上です（ガイドラインは住民記録・税務システムの個人情報を3Bの例としています）。格付を直してください。",
        "a service holding My Number data is classified at 自治体機密性{level}; My Number data belongs at 3B or above (the guideline's example of 3B is resident-record and tax data). Correct the classification",
    ),
    "problem.social-above-level-1": (
        "ソーシャルメディアのアカウントが自治体機密性{level}に格付けされています。ソーシャルメディアで扱えるのは自治体機密性1の情報だけです（C-04a）。格付か運用を見直してください。",
        "a social media account is classified at 自治体機密性{level}; social media may hold only 自治体機密性1 information (C-04a). Review the classification or the use",
    ),
    # --- validate: answers against the profile ------------------------------------------
    "problem.answer-contradicts-profile": (
        "{id} に回答がありますが、この設問は {flag} = true のサービスにだけ該当し、このサービスは {flag} = false とされています。サービスの情報か回答のどちらかが誤っています。",
        "{id} is answered, but it applies only to services with {flag} = true and this service has {flag} = false: either the service's profile or the answer is wrong",
    ),
    "problem.answer-contradicts-condition": (
        "{id} に回答がありますが、この設問は {condition} の場合にだけ該当します。{ids} の回答か、この回答のどちらかが誤っています。",
        "{id} is answered, but it applies only when {condition}: either the answer to {ids} or this answer is wrong",
    ),
    "problem.note-missing": (
        "{id} は {value} ですが、何が足りないかを記した備考（note）がありません。",
        "{id} is {value} but has no note saying what is missing",
    ),
    # --- validate: the same fact answered differently -----------------------------------
    "problem.ismap-number-conflict": (
        "1つの評価に異なる ISMAP 登録番号が {count} 個あります: {numbers}。登録はサービス単位です。このサービスの番号に揃えてください。",
        "{count} different ISMAP registration numbers in one assessment: {numbers}. Registration is per service: keep the number of this service",
    ),
    "problem.ismap-number-unregistered": (
        "P-03 は「未登録」ですが、回答に ISMAP 登録番号 {numbers} が書かれています。どちらかが誤っています。",
        "P-03 says the service is not registered, but the answers name the ISMAP registration number {numbers}: one of them is wrong",
    ),
    "problem.subcontractors-unknown-consent-met": (
        "{first} が {first_value}（すべての再委託先について番号法10条の許諾の記録がある）ですが、{second} が {second_value}（再々委託以降の再委託先が把握されていない）です。把握されていない再委託先の許諾は確認できません。",
        "{first} is {first_value} (consent under 番号法10条 on record for every subcontractor), but {second} is {second_value} (subcontractors below the first tier are not known): consent cannot be on record for subcontractors nobody knows",
    ),
    "problem.ai-training-vs-no-secondary-use": (
        "{first} が {first_value}（AIの学習を含む目的外利用が禁止されている）ですが、{second} が {second_value}（入力した情報が学習に使われる、または示されていない）です。どちらかが誤っています。",
        "{first} is {first_value} (use for other purposes, AI training included, is forbidden), but {second} is {second_value} (inputs are used for training, or nothing is stated): one of them is wrong",
    ),
}
