"""Texts of the URL checker and the security.txt validator.

Keys: ``urlcheck.error.<code>`` why a URL could not be checked; ``urlcheck.header.<code>``
the verdict on a security header; ``urlcheck.finding.<code>`` what made a URL fail or
deserve a look; ``sectxt.<code>`` problems of a security.txt file (RFC 9116);
``urlcheck.cli.*`` command help and text output.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- refusals: the checker would not go there -----------------------------------------
    "urlcheck.error.refused-scheme": (
        "http と https 以外のスキームは確認しません。",
        "only http and https URLs are checked",
    ),
    "urlcheck.error.refused-userinfo": (
        "URL にユーザー名やパスワードを含めることはできません。",
        "URLs with a user name or password are refused",
    ),
    "urlcheck.error.refused-loopback": (
        "ループバックアドレス（自分自身）への接続は拒否しました（--allow-private で許可）。",
        "refused: a loopback address (use --allow-private to allow)",
    ),
    "urlcheck.error.refused-private": (
        "プライベートアドレス（RFC 1918 など）への接続は拒否しました（--allow-private で許可）。",
        "refused: a private address such as RFC 1918 (use --allow-private to allow)",
    ),
    "urlcheck.error.refused-cgnat": (
        "キャリアグレード NAT のアドレス（100.64.0.0/10）への接続は拒否しました。",
        "refused: a carrier-grade NAT address (100.64.0.0/10)",
    ),
    "urlcheck.error.refused-link-local": (
        "リンクローカルアドレスへの接続は拒否しました。",
        "refused: a link-local address",
    ),
    "urlcheck.error.refused-metadata": (
        "クラウドのメタデータサービスのアドレスへの接続は拒否しました（--allow-private でも開きません）。",
        "refused: a cloud metadata service address (not opened by --allow-private)",
    ),
    "urlcheck.error.refused-unique-local": (
        "IPv6 ユニークローカルアドレス（fc00::/7）への接続は拒否しました。",
        "refused: an IPv6 unique-local address (fc00::/7)",
    ),
    "urlcheck.error.refused-unspecified": (
        "未指定アドレス（0.0.0.0 や ::）への接続は拒否しました。",
        "refused: the unspecified address (0.0.0.0 or ::)",
    ),
    "urlcheck.error.refused-multicast": (
        "マルチキャストアドレスへの接続は拒否しました。",
        "refused: a multicast address",
    ),
    "urlcheck.error.refused-broadcast": (
        "ブロードキャストアドレスへの接続は拒否しました。",
        "refused: the broadcast address",
    ),
    "urlcheck.error.refused-reserved": (
        "予約済みまたはインターネットで到達できないアドレスへの接続は拒否しました。",
        "refused: a reserved or not globally reachable address",
    ),
    "urlcheck.error.refused-documentation": (
        "文書用に予約されたアドレスへの接続は拒否しました。",
        "refused: an address reserved for documentation",
    ),
    "urlcheck.error.refused-benchmarking": (
        "ベンチマーク用に予約されたアドレスへの接続は拒否しました。",
        "refused: an address reserved for benchmarking",
    ),
    # --- failures: tried, did not work -----------------------------------------------------
    "urlcheck.error.invalid-url": ("URL の形式が正しくありません。", "the URL is malformed"),
    "urlcheck.error.invalid-redirect": (
        "リダイレクト先（Location）の形式が正しくありません。",
        "the redirect target (Location) is malformed",
    ),
    "urlcheck.error.dns-error": (
        "ホスト名を解決できませんでした。",
        "the host name did not resolve",
    ),
    "urlcheck.error.connect-error": ("接続できませんでした。", "the connection failed"),
    "urlcheck.error.connect-timeout": ("接続がタイムアウトしました。", "the connection timed out"),
    "urlcheck.error.read-timeout": (
        "応答の待ち時間が上限を超えました。",
        "the server stopped answering",
    ),
    "urlcheck.error.timeout": ("通信がタイムアウトしました。", "the request timed out"),
    "urlcheck.error.deadline-exceeded": (
        "1 URL あたりの制限時間を超えました（リダイレクトと再試行を含む）。",
        "the time allowed for this URL ran out (redirects and retries included)",
    ),
    "urlcheck.error.tls-invalid": (
        "TLS 証明書を検証できませんでした（内容は取得していません）。",
        "the TLS certificate did not verify (the content was not fetched)",
    ),
    "urlcheck.error.tls-handshake": (
        "TLS の接続を確立できませんでした。",
        "the TLS handshake failed",
    ),
    "urlcheck.error.protocol-error": (
        "サーバーの応答が HTTP として不正です。",
        "the server's answer broke the HTTP protocol",
    ),
    "urlcheck.error.read-error": (
        "受信中に接続が切れました。",
        "the connection broke while reading",
    ),
    "urlcheck.error.network-error": ("通信エラーが発生しました。", "a network error occurred"),
    "urlcheck.error.redirect-loop": ("リダイレクトがループしています。", "the redirects loop"),
    "urlcheck.error.too-many-redirects": (
        "リダイレクトが多すぎます（上限 5 回）。",
        "too many redirects (at most 5 are followed)",
    ),
    "urlcheck.error.no-response": ("応答がありませんでした。", "no response"),
    "urlcheck.error.internal-error": (
        "確認中に内部エラーが発生しました（不具合です。報告してください）。",
        "internal error during the check (a bug; please report it)",
    ),
    # --- security headers ------------------------------------------------------------------
    "urlcheck.header.hsts-not-https": (
        "HTTPS で配信されていないため HSTS は効きません。",
        "not served over HTTPS, so HSTS cannot apply",
    ),
    "urlcheck.header.hsts-missing": (
        "HSTS（Strict-Transport-Security）がありません。",
        "no HSTS (Strict-Transport-Security) header",
    ),
    "urlcheck.header.hsts-invalid": ("HSTS の max-age が読めません。", "HSTS has no valid max-age"),
    "urlcheck.header.hsts-disabled": (
        "HSTS が max-age=0 で無効化されています。",
        "HSTS is switched off (max-age=0)",
    ),
    "urlcheck.header.hsts-short": (
        "HSTS の max-age が 6 か月（15552000 秒）未満です。",
        "HSTS max-age is below six months (15552000 s)",
    ),
    "urlcheck.header.hsts-ok": ("HSTS は十分です。", "HSTS is sufficient"),
    "urlcheck.header.hsts-ok-preload": (
        "HSTS は十分です（includeSubDomains と preload あり）。",
        "HSTS is sufficient (includeSubDomains and preload)",
    ),
    "urlcheck.header.hsts-ok-no-subdomains": (
        "HSTS は十分ですが includeSubDomains がありません。",
        "HSTS is sufficient but lacks includeSubDomains",
    ),
    "urlcheck.header.csp-missing": (
        "Content-Security-Policy がありません。",
        "no Content-Security-Policy header",
    ),
    "urlcheck.header.csp-report-only": (
        "Content-Security-Policy は報告のみ（Report-Only）で、強制されていません。",
        "Content-Security-Policy is report-only, not enforced",
    ),
    "urlcheck.header.csp-invalid": (
        "Content-Security-Policy が空か読めません。",
        "Content-Security-Policy is empty or unreadable",
    ),
    "urlcheck.header.csp-no-script-policy": (
        "CSP に script-src も default-src もありません。",
        "the CSP has neither script-src nor default-src",
    ),
    "urlcheck.header.csp-unsafe-inline": (
        "CSP が nonce やハッシュなしで 'unsafe-inline' を許しています。",
        "the CSP allows 'unsafe-inline' without a nonce or hash",
    ),
    "urlcheck.header.csp-unsafe-eval": (
        "CSP が 'unsafe-eval' を許しています。",
        "the CSP allows 'unsafe-eval'",
    ),
    "urlcheck.header.csp-ok": ("CSP があります。", "a CSP is in place"),
    "urlcheck.header.xcto-missing": (
        "X-Content-Type-Options: nosniff がありません。",
        "no X-Content-Type-Options: nosniff",
    ),
    "urlcheck.header.xcto-invalid": (
        "X-Content-Type-Options の値が nosniff ではありません。",
        "X-Content-Type-Options is not nosniff",
    ),
    "urlcheck.header.xcto-ok": (
        "X-Content-Type-Options: nosniff があります。",
        "X-Content-Type-Options: nosniff",
    ),
    "urlcheck.header.framing-missing": (
        "X-Frame-Options も CSP frame-ancestors もなく、他サイトに埋め込めます。",
        "neither X-Frame-Options nor CSP frame-ancestors: other sites can frame the page",
    ),
    "urlcheck.header.framing-any": (
        "CSP frame-ancestors がすべてのサイトからの埋め込みを許しています。",
        "CSP frame-ancestors allows framing by any site",
    ),
    "urlcheck.header.framing-allow-from": (
        "X-Frame-Options の ALLOW-FROM は現在のブラウザでは無視されます。",
        "X-Frame-Options ALLOW-FROM is ignored by current browsers",
    ),
    "urlcheck.header.framing-invalid": (
        "X-Frame-Options の値が不正です。",
        "X-Frame-Options has an invalid value",
    ),
    "urlcheck.header.framing-ok": (
        "X-Frame-Options で埋め込みを制限しています。",
        "X-Frame-Options restricts framing",
    ),
    "urlcheck.header.framing-ok-csp": (
        "CSP frame-ancestors で埋め込みを制限しています。",
        "CSP frame-ancestors restricts framing",
    ),
    "urlcheck.header.referrer-missing": (
        "Referrer-Policy がありません。",
        "no Referrer-Policy header",
    ),
    "urlcheck.header.referrer-invalid": (
        "Referrer-Policy の値が不正です。",
        "Referrer-Policy has no valid value",
    ),
    "urlcheck.header.referrer-unsafe-url": (
        "Referrer-Policy が unsafe-url で、URL 全体が他サイトに送られます。",
        "Referrer-Policy is unsafe-url: full URLs leak to other sites",
    ),
    "urlcheck.header.referrer-ok": ("Referrer-Policy があります。", "Referrer-Policy is set"),
    "urlcheck.header.cookie-over-http": (
        "Cookie が暗号化されていない HTTP で設定されています。",
        "a cookie is set over plain HTTP",
    ),
    "urlcheck.header.cookie-not-secure": (
        "Cookie に Secure 属性がありません。",
        "a cookie lacks the Secure attribute",
    ),
    "urlcheck.header.cookie-not-httponly": (
        "Cookie に HttpOnly 属性がありません（スクリプトから読めます）。",
        "a cookie lacks HttpOnly (scripts can read it)",
    ),
    "urlcheck.header.cookie-ok": (
        "Cookie に Secure と HttpOnly があります。",
        "the cookie has Secure and HttpOnly",
    ),
    # --- findings that decide ok / deserve a look -----------------------------------------
    "urlcheck.finding.http-status": (
        "エラーの HTTP ステータスです。",
        "the final HTTP status is an error",
    ),
    "urlcheck.finding.not-https": (
        "最終的に HTTPS で配信されていません。",
        "the page is not served over HTTPS",
    ),
    "urlcheck.finding.https-not-enforced": (
        "HTTP でアクセスすると HTTPS へ転送されません。",
        "plain HTTP is not redirected to HTTPS",
    ),
    "urlcheck.finding.https-downgrade": (
        "リダイレクトの途中で HTTPS から HTTP に戻っています。",
        "a redirect goes back from HTTPS to HTTP",
    ),
    "urlcheck.finding.certificate-expiring": (
        "TLS 証明書の有効期限が 30 日以内です。",
        "the TLS certificate expires within 30 days",
    ),
    "urlcheck.finding.security-txt-missing": (
        "security.txt が公開されていません。",
        "no security.txt is published",
    ),
    "urlcheck.finding.security-txt-invalid": (
        "security.txt に RFC 9116 違反があります。",
        "the security.txt breaks RFC 9116",
    ),
    "urlcheck.finding.body-truncated": (
        "ページが上限（2 MiB）を超えたため先頭だけを調べました。",
        "the page exceeded the 2 MiB cap; only its start was examined",
    ),
    "urlcheck.finding.header": ("セキュリティヘッダー: {id}", "security header: {id}"),
    "urlcheck.cert_note": (
        "認証の記載はページ上の文言にすぎません。認証機関の公開リスト（ISMAP 登録簿、ISMS-AC、JIPDEC など）で確認してください。",
        "A mention is words on a page, not proof: verify it in the certifier's register (ISMAP list, ISMS-AC, JIPDEC).",
    ),
    # --- certification names (display) ----------------------------------------------------
    "urlcheck.cert.ismap": ("ISMAP", "ISMAP"),
    "urlcheck.cert.ismap-liu": ("ISMAP-LIU", "ISMAP-LIU"),
    "urlcheck.cert.iso27001": ("ISO/IEC 27001（ISMS）", "ISO/IEC 27001 (ISMS)"),
    "urlcheck.cert.iso27017": ("ISO/IEC 27017（クラウド）", "ISO/IEC 27017 (cloud)"),
    "urlcheck.cert.iso27018": ("ISO/IEC 27018（クラウド個人情報）", "ISO/IEC 27018 (cloud PII)"),
    "urlcheck.cert.soc2": ("SOC 2", "SOC 2"),
    "urlcheck.cert.soc2-type1": ("SOC 2 Type I", "SOC 2 Type I"),
    "urlcheck.cert.soc2-type2": ("SOC 2 Type II", "SOC 2 Type II"),
    "urlcheck.cert.privacy-mark": ("プライバシーマーク", "Privacy Mark"),
    "urlcheck.cert.jisq15001": ("JIS Q 15001", "JIS Q 15001"),
    "urlcheck.cert.csa-star": ("CSA STAR", "CSA STAR"),
    # --- security.txt (RFC 9116) -----------------------------------------------------------
    "sectxt.too-large": (
        "ファイルが {size} バイトあり、上限 {limit} バイトを超えるため解析しません（RFC 9116 §5.4）。",
        "the file is {size} bytes, over the {limit}-byte limit, so it was not parsed (RFC 9116 §5.4)",
    ),
    "sectxt.too-many-lines": (
        "{count} 行あり、上限 {limit} 行を超えるため解析しません（§5.4）。",
        "{count} lines, over the {limit}-line limit, so it was not parsed (§5.4)",
    ),
    "sectxt.field-too-long": (
        "この行は {limit} 文字を超えています（§5.4）。",
        "this line is longer than {limit} characters (§5.4)",
    ),
    "sectxt.bom": (
        "先頭に BOM があります。BOM なしの UTF-8 にしてください（§4）。",
        "the file starts with a byte order mark; use UTF-8 without BOM (§4)",
    ),
    "sectxt.invalid-utf8": (
        "UTF-8 として読めないバイトがあります（§4）。",
        "bytes that are not valid UTF-8 (§4)",
    ),
    "sectxt.bare-cr": (
        "CR だけの改行があります。改行は CRLF か LF にしてください（§2.2）。",
        "a lone CR line break; lines end with CRLF or LF (§2.2)",
    ),
    "sectxt.no-final-newline": (
        "最後の行が改行で終わっていません（§4）。",
        "the last line has no line break (§4)",
    ),
    "sectxt.mixed-line-endings": (
        "CRLF と LF が混在しています。",
        "CRLF and LF line endings are mixed",
    ),
    "sectxt.invalid-character": (
        "使えない制御文字があります（§4）。",
        "a control character that is not allowed (§4)",
    ),
    "sectxt.invalid-line": (
        "コメントでも「名前: 値」のフィールドでもない行です（§4）。",
        "the line is neither a comment nor a `Name: value` field (§4)",
    ),
    "sectxt.missing-space": (
        "コロンの後に空白が 1 つ必要です（§4 の文法）。",
        "the colon must be followed by one space (§4 grammar)",
    ),
    "sectxt.empty-value": ("{field} の値が空です。", "{field} has an empty value"),
    "sectxt.unknown-field": (
        "{field} は RFC 9116 と IANA 登録にないフィールドです（無視されます、§2.4）。",
        "{field} is not a registered field; it is ignored (§2.4)",
    ),
    "sectxt.invalid-uri": (
        "{field} の値が URI ではありません（RFC 3986）。",
        "{field} is not a URI (RFC 3986)",
    ),
    "sectxt.insecure-uri": (
        "{field} の Web URI は https:// で始める必要があります（§2.5、§5.7）。",
        "{field}: a web URI must begin with https:// (§2.5, §5.7)",
    ),
    "sectxt.missing-contact": (
        "Contact がありません（必須、§2.5.3）。",
        "no Contact field (required, §2.5.3)",
    ),
    "sectxt.contact-not-uri": (
        "Contact はメールアドレスではなく URI で書きます（例: mailto:{value}、§2.5.3）。",
        "Contact must be a URI, not a bare address (e.g. mailto:{value}, §2.5.3)",
    ),
    "sectxt.missing-expires": (
        "Expires がありません（必須、§2.5.5）。",
        "no Expires field (required, §2.5.5)",
    ),
    "sectxt.duplicate-expires": (
        "Expires が複数あります（1 つだけ、§2.5.5）。",
        "Expires appears more than once (§2.5.5)",
    ),
    "sectxt.invalid-expires": (
        "Expires「{value}」が RFC 3339 の日時ではありません（例: 2026-12-31T23:59:59Z）。",
        "Expires '{value}' is not an RFC 3339 date-time (e.g. 2026-12-31T23:59:59Z)",
    ),
    "sectxt.expired": (
        "Expires（{value}）を過ぎています。古い情報として扱われます（§2.5.5）。",
        "Expires ({value}) has passed; the file is stale (§2.5.5)",
    ),
    "sectxt.expires-too-far": (
        "Expires（{value}）が 1 年より先です。1 年以内を推奨（§2.5.5）。",
        "Expires ({value}) is more than a year ahead; under a year is recommended (§2.5.5)",
    ),
    "sectxt.encryption-not-uri": (
        "Encryption には鍵そのものではなく鍵の場所（URI）を書きます（§2.5.4）。",
        "Encryption must be the URI of a key, not the key itself (§2.5.4)",
    ),
    "sectxt.csaf-not-provider-metadata": (
        "CSAF は provider-metadata.json の URL を指すべきです（CSAF 2.0 §7.1.8）。",
        "CSAF should point to a provider-metadata.json (CSAF 2.0 §7.1.8)",
    ),
    "sectxt.canonical-mismatch": (
        "取得した URL（{url}）がどの Canonical にもありません。内容を信頼すべきではありません（§2.5.2）。",
        "the fetch URL ({url}) is not listed in any Canonical; do not trust the contents (§2.5.2)",
    ),
    "sectxt.signed-without-canonical": (
        "署名されていますが Canonical がありません（§2.3 で推奨）。",
        "signed but without a Canonical field (recommended by §2.3)",
    ),
    "sectxt.unsigned": (
        "OpenPGP 署名がありません（推奨、§2.3）。",
        "not signed with OpenPGP (recommended, §2.3)",
    ),
    "sectxt.signature-malformed": (
        "OpenPGP クリアテキスト署名の形式が崩れています（RFC 4880 §7）。",
        "the OpenPGP cleartext signature frame is malformed (RFC 4880 §7)",
    ),
    "sectxt.signature-missing": (
        "署名付きメッセージの開始行がありますが署名ブロックがありません。",
        "a signed-message header without a signature block",
    ),
    "sectxt.data-before-signature": (
        "署名付きメッセージの前に内容があります（署名の対象外）。",
        "content before the signed message (not covered by the signature)",
    ),
    "sectxt.data-after-signature": (
        "署名の後に内容があります（署名の対象外）。",
        "content after the signature (not covered by it)",
    ),
    "sectxt.duplicate-preferred-languages": (
        "Preferred-Languages が複数あります（1 つだけ、§2.5.8）。",
        "Preferred-Languages appears more than once (§2.5.8)",
    ),
    "sectxt.invalid-language-tag": (
        "「{tag}」は言語タグ（RFC 5646）ではありません（§2.5.8）。",
        "'{tag}' is not a language tag (RFC 5646, §2.5.8)",
    ),
    "sectxt.not-found": (
        "security.txt がありません（HTTP {status}）。",
        "no security.txt (HTTP {status})",
    ),
    "sectxt.fetch-failed": (
        "security.txt を取得できませんでした（{reason}）。",
        "security.txt could not be fetched ({reason})",
    ),
    "sectxt.html-response": (
        "security.txt の場所が HTML ページを返しました（ファイルがないとみなします）。",
        "the security.txt location returned an HTML page (treated as missing)",
    ),
    "sectxt.not-https": (
        "https で取得できる必要があります（§3）: {url}",
        "the file must be served over https (§3): {url}",
    ),
    "sectxt.legacy-location": (
        "/.well-known/ ではなく旧来の /security.txt にあります（§3）。",
        "found at the legacy /security.txt, not under /.well-known/ (§3)",
    ),
    "sectxt.redirected-elsewhere": (
        "別のホストへリダイレクトされました。転送先を確認してください（§5.2）。",
        "a redirect led to another host; check where it points (§5.2)",
    ),
    "sectxt.content-type": (
        "Content-Type が text/plain ではありません（{value}、§3）。",
        "Content-Type is not text/plain ({value}, §3)",
    ),
    "sectxt.charset-missing": (
        "Content-Type に charset=utf-8 がありません（§3）。",
        "Content-Type has no charset=utf-8 parameter (§3)",
    ),
    "sectxt.charset-not-utf8": (
        "Content-Type の charset が utf-8 ではありません（{value}、§3）。",
        "Content-Type charset is {value}, not utf-8 (§3)",
    ),
    # --- command line ----------------------------------------------------------------------
    "urlcheck.cli.check_help": (
        "ベンダーの URL を確認する（HTTPS、TLS、ヘッダー、security.txt、認証の記載）",
        "check vendor URLs (HTTPS, TLS, headers, security.txt, certification mentions)",
    ),
    "urlcheck.cli.sectxt_help": (
        "security.txt を RFC 9116 に照らして検証する（ファイルまたは URL）",
        "validate a security.txt against RFC 9116 (a file or a URL)",
    ),
    "urlcheck.cli.opt_urls": ("確認する URL", "URLs to check"),
    "urlcheck.cli.opt_file": (
        "URL を 1 行に 1 つ書いたファイル（# で始まる行はコメント）。複数指定可",
        "file with one URL per line (lines starting with # are comments); repeatable",
    ),
    "urlcheck.cli.opt_check_format": (
        "出力形式（既定: 端末なら text、パイプなら jsonl）",
        "output format (default: text on a terminal, jsonl when piped)",
    ),
    "urlcheck.cli.opt_format": ("出力形式", "output format"),
    "urlcheck.cli.opt_concurrency": (
        "同時リクエスト数の上限（既定 32）",
        "most requests at once (default 32)",
    ),
    "urlcheck.cli.opt_per_host": (
        "1 ホストあたりの同時リクエスト数の上限（既定 2）",
        "most requests at once to one host (default 2)",
    ),
    "urlcheck.cli.opt_no_sectxt": ("security.txt を取得しない", "do not fetch security.txt"),
    "urlcheck.cli.opt_timeout": (
        "1 URL にかける時間の上限（秒、リダイレクトと再試行を含む。既定 30）",
        "most seconds one URL may take, redirects and retries included (default 30)",
    ),
    "urlcheck.cli.opt_allow_private": (
        "ループバック・プライベート等の非公開アドレスへの接続を許可する（庁内向けベンダーやテスト用）",
        "allow loopback, private and other non-public addresses (intranet vendors, tests)",
    ),
    "urlcheck.cli.opt_allow_network": (
        "このネットワーク（CIDR）への接続を許可する。複数指定可",
        "allow this network (CIDR); repeatable",
    ),
    "urlcheck.cli.opt_ca_bundle": (
        "既定の信頼ストアの代わりにこの CA 証明書ファイル（PEM）を信頼する",
        "trust the CA certificates in this PEM file instead of the default store",
    ),
    "urlcheck.cli.opt_source": (
        "security.txt のファイル（- で標準入力）または URL",
        "a security.txt file (- for stdin) or a URL",
    ),
    "urlcheck.cli.opt_fetch_url": (
        "ローカルファイルの取得元 URL（https と Canonical の確認に使う）",
        "where a local file was fetched from (for the https and Canonical checks)",
    ),
    "urlcheck.cli.not_positive": (
        "正の数を指定してください: {value}",
        "expected a positive number: {value}",
    ),
    "urlcheck.cli.no_urls": (
        "確認する URL がありません。URL か --file を指定してください。",
        "no URLs to check; give URLs or --file",
    ),
    "urlcheck.cli.unreadable_file": (
        "{path} を読めません: {reason}",
        "cannot read {path}: {reason}",
    ),
    "urlcheck.cli.no_ca_bundle": ("CA ファイルがありません: {path}", "no such CA file: {path}"),
    "urlcheck.cli.bad_network": (
        "ネットワークの指定が不正です: {value}",
        "not a valid network: {value}",
    ),
    "urlcheck.cli.sev_error": ("エラー", "error"),
    "urlcheck.cli.sev_warning": ("警告", "warning"),
    "urlcheck.cli.sev_info": ("情報", "info"),
    "urlcheck.cli.line_no": ("{line} 行目", "line {line}"),
    "urlcheck.cli.sectxt_valid": ("有効です（警告があっても有効）。", "valid (warnings allowed)"),
    "urlcheck.cli.sectxt_invalid": ("無効です。", "invalid"),
    "urlcheck.cli.col_result": ("結果", "result"),
    "urlcheck.cli.col_url": ("URL", "URL"),
    "urlcheck.cli.col_status": ("状態", "status"),
    "urlcheck.cli.col_https": ("HTTPS強制", "HTTPS"),
    "urlcheck.cli.col_tls": ("証明書", "TLS"),
    "urlcheck.cli.col_headers": ("ヘッダー", "headers"),
    "urlcheck.cli.col_sectxt": ("security.txt", "security.txt"),
    "urlcheck.cli.col_certs": ("認証の記載", "certifications"),
    "urlcheck.cli.result_ok": ("合格", "ok"),
    "urlcheck.cli.result_fail": ("不合格", "failed"),
    "urlcheck.cli.result_refused": ("拒否", "refused"),
    "urlcheck.cli.yes": ("はい", "yes"),
    "urlcheck.cli.no": ("いいえ", "no"),
    "urlcheck.cli.days": ("残り{days}日", "{days} days"),
    "urlcheck.cli.tls_bad": ("不正（{reason}）", "bad ({reason})"),
    "urlcheck.cli.sectxt_none": ("なし", "none"),
    "urlcheck.cli.sectxt_ok": ("有効", "valid"),
    "urlcheck.cli.sectxt_bad": ("無効", "invalid"),
    "urlcheck.cli.summary": (
        "{total} 件を確認: 合格 {passed}、不合格 {failed}、拒否 {refused}",
        "{total} checked: {passed} ok, {failed} failed, {refused} refused",
    ),
}
