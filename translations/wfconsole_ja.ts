<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>OutputScope</name>
    <message>
        <source>Helper Flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>APIエンドポイント</translation>
    </message>
</context>
<context>
    <name>wf::ui::AddPublicKeyDialog</name>
    <message>
        <source>Add public key</source>
        <translation>公開鍵を追加</translation>
    </message>
    <message>
        <source>Paste the public key your client signs with, as a JWK (JSON) or PEM. RSA 2048, 3072 or 4096 bits, or EC P-256 or P-384.</source>
        <translation>クライアントが署名に使う鍵の公開鍵を、JWK（JSON）またはPEM形式で貼り付けてください。RSA 2048、3072、4096ビット、またはEC P-256、P-384に対応しています。</translation>
    </message>
    <message>
        <source>{&quot;kty&quot;: &quot;RSA&quot;, &quot;n&quot;: &quot;…&quot;, &quot;e&quot;: &quot;AQAB&quot;}
or
-----BEGIN PUBLIC KEY-----
…</source>
        <translation>{&quot;kty&quot;: &quot;RSA&quot;, &quot;n&quot;: &quot;…&quot;, &quot;e&quot;: &quot;AQAB&quot;}
または
-----BEGIN PUBLIC KEY-----
…</translation>
    </message>
    <message>
        <source>Optional: the JWK&apos;s kid, else its RFC 7638 thumbprint</source>
        <translation>任意: JWKのkid。省略するとRFC 7638のサムプリント</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>鍵を追加</translation>
    </message>
    <message>
        <source>Key ID (kid):</source>
        <translation>鍵ID (kid):</translation>
    </message>
    <message>
        <source>A %1 key cannot be used by an app integration: use RSA 2048, 3072 or 4096, or EC P-256 or P-384.</source>
        <translation>%1の鍵はアプリ統合に使用できません。RSA 2048、3072、4096、またはEC P-256、P-384を使用してください。</translation>
    </message>
    <message>
        <source>%1 key, thumbprint %2.</source>
        <translation>%1の鍵、サムプリント %2。</translation>
    </message>
    <message>
        <source>This is a private key: only its public part is registered.</source>
        <translation>これは秘密鍵です。登録されるのは公開部分のみです。</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppDetails</name>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Okta API Scopes</source>
        <translation>Okta APIスコープ</translation>
    </message>
    <message>
        <source>← Back to Applications</source>
        <translation>← アプリケーションに戻る</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>● Active</source>
        <translation>● アクティブ</translation>
    </message>
    <message>
        <source>○ Inactive</source>
        <translation>○ 非アクティブ</translation>
    </message>
    <message>
        <source>The app can get access tokens.</source>
        <translation>このアプリはアクセストークンを取得できます。</translation>
    </message>
    <message>
        <source>The app gets no access tokens, and the tokens it has are refused.</source>
        <translation>このアプリはアクセストークンを取得できず、保持しているトークンも拒否されます。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>非アクティブ化</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>アクティブ化</translation>
    </message>
    <message>
        <source>API Services · OAuth 2.0 client credentials · created %1</source>
        <translation>APIサービス · OAuth 2.0 クライアント資格情報 · 作成日 %1</translation>
    </message>
    <message>
        <source>The app could not be renamed: %1</source>
        <translation>アプリの名前を変更できませんでした: %1</translation>
    </message>
    <message>
        <source>Deactivate app integration</source>
        <translation>アプリ統合を非アクティブ化</translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation>%1を非アクティブ化しますか？</translation>
    </message>
    <message>
        <source>While it is inactive the app gets no access tokens, and the flows refuse the tokens it has. Activating it again lets its unexpired tokens work again.</source>
        <translation>非アクティブの間、このアプリはアクセストークンを取得できず、フローは保持しているトークンを拒否します。再びアクティブ化すると、期限切れでないトークンは再び使えるようになります。</translation>
    </message>
    <message>
        <source>Delete app integration</source>
        <translation>アプリ統合を削除</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1を削除しますか？</translation>
    </message>
    <message>
        <source>Its keys go, with the private keys kept for the request tester, and the flows refuse its tokens at once. This cannot be undone.</source>
        <translation>鍵は、リクエストテスター用に保管された秘密鍵とともに削除され、フローはこのアプリのトークンを直ちに拒否します。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>These flows list it among the apps allowed to call them and keep its client ID, which no longer gets tokens: %1.</source>
        <translation>次のフローは、このアプリを呼び出し可能なアプリとして登録しており、そのクライアントIDを保持し続けますが、このIDではもうトークンを取得できません: %1。</translation>
    </message>
    <message>
        <source>The app could not be deleted: %1</source>
        <translation>アプリを削除できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppDetailsGeneralTab</name>
    <message>
        <source>Client Credentials</source>
        <translation>クライアント資格情報</translation>
    </message>
    <message>
        <source>Public key / Private key</source>
        <translation>公開鍵/秘密鍵</translation>
    </message>
    <message>
        <source>The only client authentication this server accepts.</source>
        <translation>このサーバーが受け付ける唯一のクライアント認証です。</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>クライアントID</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>クライアント認証</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>トークンエンドポイント</translation>
    </message>
    <message>
        <source>The client signs a JWT assertion (iss and sub: the client ID, aud: the token endpoint) with a private key whose public key is listed below, and sends it to the token endpoint to get an access token.</source>
        <translation>クライアントは、公開鍵が下に一覧表示されている秘密鍵でJWTアサーション（iss と sub: クライアントID、aud: トークンエンドポイント）に署名し、それをトークンエンドポイントに送ってアクセストークンを取得します。</translation>
    </message>
    <message>
        <source>Public keys</source>
        <translation>公開鍵</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>アクティブ化</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>非アクティブ化</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>鍵を追加</translation>
    </message>
    <message>
        <source>Generate new key</source>
        <translation>新しい鍵を生成</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1（推奨）</translation>
    </message>
    <message>
        <source>%1 (takes a few seconds)</source>
        <translation>%1（数秒かかります）</translation>
    </message>
    <message>
        <source>Add public key…</source>
        <translation>公開鍵を追加…</translation>
    </message>
    <message>
        <source>No keys yet: generate a key pair or add a public key. The app cannot get access tokens until it has an active key.</source>
        <translation>鍵がまだありません。鍵ペアを生成するか、公開鍵を追加してください。アクティブな鍵ができるまで、このアプリはアクセストークンを取得できません。</translation>
    </message>
    <message>
        <source>Every key is inactive: the app cannot get access tokens.</source>
        <translation>すべての鍵が非アクティブです。このアプリはアクセストークンを取得できません。</translation>
    </message>
    <message>
        <source>Generating the %1 key pair…</source>
        <translation>%1の鍵ペアを生成しています…</translation>
    </message>
    <message>
        <source>The key could not be generated: %1</source>
        <translation>鍵を生成できませんでした: %1</translation>
    </message>
    <message>
        <source>The new key could not be added: %1</source>
        <translation>新しい鍵を追加できませんでした: %1</translation>
    </message>
    <message>
        <source>Deactivate key</source>
        <translation>鍵を非アクティブ化</translation>
    </message>
    <message>
        <source>Deactivate key %1 of %2?</source>
        <translation>%2の鍵 %1 を非アクティブ化しますか？</translation>
    </message>
    <message>
        <source>Assertions signed with this key are refused from now on, and every access token the app got until now is refused at once: its clients need new tokens, signed with another active key. You can activate the key again later.</source>
        <translation>この鍵で署名されたアサーションは今後拒否され、このアプリがこれまでに取得したアクセストークンもすべて直ちに拒否されます。クライアントは、別のアクティブな鍵で署名した新しいトークンが必要です。この鍵は後で再びアクティブ化できます。</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>鍵を削除</translation>
    </message>
    <message>
        <source>Delete key %1 of %2?</source>
        <translation>%2の鍵 %1 を削除しますか？</translation>
    </message>
    <message>
        <source>The public key is removed, and the private key kept for the request tester if there is one. Every access token the app got until now is refused at once. This cannot be undone.</source>
        <translation>公開鍵が削除され、リクエストテスター用に保管された秘密鍵があればそれも削除されます。このアプリがこれまでに取得したアクセストークンはすべて直ちに拒否されます。この操作は元に戻せません。</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppDetailsScopesTab</name>
    <message>
        <source>Scopes an access token of this app may carry. A flow secured with OAuth 2.0 answers only tokens with %1.</source>
        <translation>このアプリのアクセストークンに含めることができるスコープです。OAuth 2.0で保護されたフローは、%1 を含むトークンにのみ応答します。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>スコープ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Invoke, resume and retry the API endpoint flows of this org that are secured with OAuth 2.0.</source>
        <translation>この組織の、OAuth 2.0で保護されたAPIエンドポイントフローを呼び出し、再開し、再試行します。</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>付与</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>付与済み</translation>
    </message>
    <message>
        <source>Not granted</source>
        <translation>未付与</translation>
    </message>
    <message>
        <source>Grant Access</source>
        <translation>アクセス権限を付与</translation>
    </message>
    <message>
        <source>Grant %1 to %2?</source>
        <translation>%2に%1を付与しますか？</translation>
    </message>
    <message>
        <source>The app can then get access tokens with this scope and call every API endpoint flow secured with OAuth 2.0 that lets it (Any app, or an app list naming it).</source>
        <translation>このアプリは、このスコープを含むアクセストークンを取得し、自身を許可している（任意のアプリ、またはこのアプリを含むアプリ一覧）OAuth 2.0で保護されたすべてのAPIエンドポイントフローを呼び出せるようになります。</translation>
    </message>
    <message>
        <source>Revoke Access</source>
        <translation>アクセス権限を取り消し</translation>
    </message>
    <message>
        <source>Revoke %1 from %2?</source>
        <translation>%2から%1を取り消しますか？</translation>
    </message>
    <message>
        <source>The flows refuse the app&apos;s access tokens at once (403 insufficient_scope), and the app gets no new token with this scope until it is granted again.</source>
        <translation>フローはこのアプリのアクセストークンを直ちに拒否し（403 insufficient_scope）、再び付与されるまで、このアプリはこのスコープを含む新しいトークンを取得できません。</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppKeyModel</name>
    <message>
        <source>Unreadable key</source>
        <translation>読み取れない鍵</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>非アクティブ</translation>
    </message>
    <message>
        <source>Key ID (kid)</source>
        <translation>鍵ID (kid)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppListModel</name>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>非アクティブ</translation>
    </message>
    <message>
        <source>%1 (%2 inactive)</source>
        <translation>%1（うち非アクティブ %2）</translation>
    </message>
    <message>
        <source>None granted</source>
        <translation>付与なし</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s), %1 active</source>
        <translation>
            <numerusform>鍵 %n 個（アクティブ %1 個）</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>クライアントID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Granted scopes</source>
        <translation>付与済みスコープ</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppsPage</name>
    <message>
        <source>Applications</source>
        <translation>アプリケーション</translation>
    </message>
    <message>
        <source>Create App Integration</source>
        <translation>アプリ統合を作成</translation>
    </message>
    <message>
        <source>Search by name, client ID or scope</source>
        <translation>名前、クライアントID、スコープで検索</translation>
    </message>
    <message>
        <source>Double-click an app, or press Enter, to open its page.</source>
        <translation>アプリをダブルクリックするかEnterキーを押すと、そのページが開きます。</translation>
    </message>
    <message>
        <source>No app integrations yet. Create one to call flows secured with OAuth 2.0.</source>
        <translation>アプリ統合はまだありません。OAuth 2.0で保護されたフローを呼び出すには、アプリ統合を作成してください。</translation>
    </message>
    <message>
        <source>No app integration matches the search.</source>
        <translation>検索に一致するアプリ統合はありません。</translation>
    </message>
</context>
<context>
    <name>wf::ui::AuthEditor</name>
    <message>
        <source>No auth</source>
        <translation>認証なし</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>クライアントトークン</translation>
    </message>
    <message>
        <source>OAuth 2.0 (client credentials, private_key_jwt)</source>
        <translation>OAuth 2.0（クライアント資格情報、private_key_jwt）</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearerトークン</translation>
    </message>
    <message>
        <source>The request is sent without credentials: fine for flows whose security level is None (public service).</source>
        <translation>リクエストは資格情報なしで送信されます。セキュリティレベルが「なし（パブリックサービス）」のフローに適しています。</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>種類(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Query parameter clientToken</source>
        <translation>クエリパラメーター clientToken(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Header x-api-client-token</source>
        <translation>ヘッダー x-api-client-token(&amp;H)</translation>
    </message>
    <message>
        <source>{{clientToken}} is the token of the flow the request was opened for, read from the keychain when the request is sent. A token in the query ends up in server and proxy logs; the header keeps it out of them.</source>
        <translation>{{clientToken}} は、リクエストを開いた対象のフローのトークンで、リクエストの送信時にキーチェーンから読み取られます。クエリに入れたトークンはサーバーやプロキシのログに残りますが、ヘッダーなら残りません。</translation>
    </message>
    <message>
        <source>Send in:</source>
        <translation>送信方法:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>トークン(&amp;O):</translation>
    </message>
    <message>
        <source>An app integration&apos;s key &amp;kept in the keychain</source>
        <translation>キーチェーンに保管されたアプリ統合の鍵(&amp;K)</translation>
    </message>
    <message>
        <source>A client id and a private key &amp;pasted here</source>
        <translation>ここに貼り付けたクライアントIDと秘密鍵(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;App:</source>
        <translation>アプリ(&amp;A):</translation>
    </message>
    <message>
        <source>K&amp;ey:</source>
        <translation>鍵(&amp;E):</translation>
    </message>
    <message>
        <source>Private key: a JWK or PEM. Kept in memory only, never saved.</source>
        <translation>秘密鍵（JWKまたはPEM）。メモリ内にだけ保持され、保存されることはありません。</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>クライアントID(&amp;C):</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>秘密鍵(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Get token</source>
        <translation>トークンを取得(&amp;G)</translation>
    </message>
    <message>
        <source>Signs a client assertion with a fresh jti and asks the token endpoint for an access token (a cached token is reused until it expires)</source>
        <translation>新しい jti でクライアントアサーションに署名し、トークンエンドポイントにアクセストークンを要求します（キャッシュされたトークンは期限切れまで再利用されます）</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>署名鍵:</translation>
    </message>
    <message>
        <source>Token &amp;URL:</source>
        <translation>トークンURL(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>スコープ(&amp;S):</translation>
    </message>
    <message>
        <source>An access token, or a variable such as {{accessToken}}</source>
        <translation>アクセストークン、または {{accessToken}} などの変数</translation>
    </message>
    <message>
        <source>Sent as Authorization: Bearer. A literal token is not kept in the tester&apos;s history or collections; a {{variable}} is.</source>
        <translation>Authorization: Bearer として送信されます。直接入力したトークンはテスターの履歴やコレクションに保存されませんが、{{variable}} は保存されます。</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>トークン(&amp;T):</translation>
    </message>
    <message>
        <source>%1 (not in this workspace)</source>
        <translation>%1（このワークスペースにありません）</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（非アクティブ）</translation>
    </message>
    <message>
        <source>%1 (scope not granted)</source>
        <translation>%1（スコープ未付与）</translation>
    </message>
    <message>
        <source>%1 (not in this app)</source>
        <translation>%1（このアプリにありません）</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>有効期限 %1</translation>
    </message>
    <message>
        <source>Cached token, %1 (%2 s left).</source>
        <translation>キャッシュ済みのトークン、%1（残り %2 秒）。</translation>
    </message>
    <message>
        <source>New token, %1.</source>
        <translation>新しいトークン、%1。</translation>
    </message>
    <message>
        <source>Getting a token...</source>
        <translation>トークンを取得しています...</translation>
    </message>
</context>
<context>
    <name>wf::ui::BindingEditor</name>
    <message>
        <source>key path inside the output (optional), e.g. address.city</source>
        <translation>出力内のキーパス（任意）、例: address.city</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>値なし</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>既定値: %1</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>定数</translation>
    </message>
    <message>
        <source>%1 can never become %2</source>
        <translation>%1は%2に変換できません</translation>
    </message>
    <message>
        <source>%1 (not available here)</source>
        <translation>%1（ここでは使用できません）</translation>
    </message>
</context>
<context>
    <name>wf::ui::BlockListEditor</name>
    <message>
        <source>Add block</source>
        <translation>ブロックを追加</translation>
    </message>
    <message>
        <source>Add a block with its own condition before the otherwise block</source>
        <translation>「それ以外」ブロックの前に、独自の条件を持つブロックを追加します</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>ブロック %1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Otherwise (runs when no condition above holds)</source>
        <translation>それ以外（上の条件がどれも成り立たないときに実行）</translation>
    </message>
    <message>
        <source>compare as</source>
        <translation>比較方法</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>ブロックを削除</translation>
    </message>
    <message>
        <source>Remove this block and the cards in it</source>
        <translation>このブロックとその中のカードを削除します</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardCatalogueDialog</name>
    <message>
        <source>Add card</source>
        <translation>カードを追加</translation>
    </message>
    <message>
        <source>Search cards: name, category or function id</source>
        <translation>カードを検索: 名前、カテゴリ、関数ID</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Function id</source>
        <translation>関数ID</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardFrame</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 件の問題</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ ran</source>
        <translation>✓ 実行済み</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ 失敗</translation>
    </message>
    <message>
        <source>This card ran in the last test</source>
        <translation>このカードは前回のテストで実行されました</translation>
    </message>
    <message>
        <source>This card failed in the last test</source>
        <translation>このカードは前回のテストで失敗しました</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardInspector</name>
    <message>
        <source>Select a card to edit its inputs and outputs.</source>
        <translation>入力と出力を編集するカードを選択してください。</translation>
    </message>
    <message>
        <source>Open a flow to edit it.</source>
        <translation>編集するフローを開いてください。</translation>
    </message>
    <message>
        <source>Helper Flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>APIエンドポイント</translation>
    </message>
    <message>
        <source>The inputs Call Flow, For Each and Map pass in; each is an output of this card (event.&lt;name&gt;).</source>
        <translation>Call Flow、For Each、Mapが渡す入力です。それぞれがこのカードの出力になります（event.&lt;name&gt;）。</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Declare the fields the flow reads from the request; each becomes an output (event.body.&lt;name&gt;, ...). raw.* and context.* are always there.</source>
        <translation>フローがリクエストから読み取るフィールドを宣言します。それぞれが出力になります（event.body.&lt;name&gt;, ...）。raw.* と context.* は常にあります。</translation>
    </message>
    <message>
        <source>Body fields</source>
        <translation>ボディのフィールド</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>クエリパラメーター</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Endpoint settings…</source>
        <translation>エンドポイント設定…</translation>
    </message>
    <message>
        <source>Add field %1</source>
        <translation>フィールド %1 を追加</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>フィールドを削除</translation>
    </message>
    <message>
        <source>Rename field %1 to %2</source>
        <translation>フィールド %1 の名前を %2 に変更</translation>
    </message>
    <message>
        <source>Change field type</source>
        <translation>フィールドの型を変更</translation>
    </message>
    <message>
        <source>Unknown function %1</source>
        <translation>不明な関数 %1</translation>
    </message>
    <message>
        <source>Rename card</source>
        <translation>カードの名前を変更</translation>
    </message>
    <message>
        <source>Later cards name this card&apos;s outputs with it (%1.output)</source>
        <translation>後続のカードは、このIDでこのカードの出力を参照します（%1.output）</translation>
    </message>
    <message>
        <source>Change card id to %1</source>
        <translation>カードIDを %1 に変更</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Bind %1</source>
        <translation>%1をバインド</translation>
    </message>
    <message>
        <source>Fields of the answer</source>
        <translation>応答のフィールド</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Each field fills the {{name}} placeholders of the template.</source>
        <translation>各フィールドは、テンプレートの {{name}} プレースホルダーを埋めます。</translation>
    </message>
    <message>
        <source>Each field becomes an output of the same name.</source>
        <translation>各フィールドは同じ名前の出力になります。</translation>
    </message>
    <message>
        <source>Bind field</source>
        <translation>フィールドをバインド</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>A Return inside a block sets these outputs, by name.</source>
        <translation>ブロック内のReturnが、これらの出力を名前で設定します。</translation>
    </message>
    <message>
        <source>The resume request&apos;s JSON body fields, by name.</source>
        <translation>再開リクエストのJSONボディのフィールド（名前で指定）。</translation>
    </message>
    <message>
        <source>path, e.g. address.city</source>
        <translation>パス、例: address.city</translation>
    </message>
    <message>
        <source>Add output %1</source>
        <translation>出力 %1 を追加</translation>
    </message>
    <message>
        <source>Remove output</source>
        <translation>出力を削除</translation>
    </message>
    <message>
        <source>Rename output %1 to %2</source>
        <translation>出力 %1 の名前を %2 に変更</translation>
    </message>
    <message>
        <source>Change output type</source>
        <translation>出力の型を変更</translation>
    </message>
    <message>
        <source>Change path</source>
        <translation>パスを変更</translation>
    </message>
    <message>
        <source>Helper flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>Choose a helper flow</source>
        <translation>ヘルパーフローを選択してください</translation>
    </message>
    <message>
        <source>%1 (no such helper flow)</source>
        <translation>%1（該当するヘルパーフローがありません）</translation>
    </message>
    <message>
        <source>Choose helper flow</source>
        <translation>ヘルパーフローを選択</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1を変更</translation>
    </message>
    <message>
        <source>Helper input for the item</source>
        <translation>項目を受け取るヘルパー入力</translation>
    </message>
    <message>
        <source>Helper input for the index</source>
        <translation>インデックスを受け取るヘルパー入力</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>Rename block</source>
        <translation>ブロックの名前を変更</translation>
    </message>
    <message>
        <source>Make the last block the otherwise block</source>
        <translation>最後のブロックを「それ以外」ブロックにする</translation>
    </message>
    <message>
        <source>Give the last block a condition</source>
        <translation>最後のブロックに条件を付ける</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>ブロックを追加</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>ブロックを削除</translation>
    </message>
    <message>
        <source>Change condition</source>
        <translation>条件を変更</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardWidget</name>
    <message>
        <source>unknown function %1 · %2</source>
        <translation>不明な関数 %1 · %2</translation>
    </message>
    <message>
        <source>Helper Flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>APIエンドポイント</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>既定値 %1</translation>
    </message>
    <message>
        <source>Not set: choose an earlier output or type a constant in the inspector, or drop an output here</source>
        <translation>未設定: インスペクターで前の出力を選ぶか定数を入力するか、ここに出力をドロップしてください</translation>
    </message>
    <message>
        <source>No fields yet: add them in the inspector.</source>
        <translation>フィールドはまだありません。インスペクターで追加してください。</translation>
    </message>
    <message>
        <source>INPUTS</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>OUTPUTS</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>ブロック %1</translation>
    </message>
    <message>
        <source> (otherwise)</source>
        <translation>（それ以外）</translation>
    </message>
    <message>
        <source>+ Add card</source>
        <translation>+ カードを追加</translation>
    </message>
    <message>
        <source>Add a card at the end of this block</source>
        <translation>このブロックの最後にカードを追加します</translation>
    </message>
</context>
<context>
    <name>wf::ui::CataloguePage</name>
    <message>
        <source>Filter cards</source>
        <translation>カードを絞り込む</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Function id</source>
        <translation>関数ID</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>…and the inputs the flow declares</source>
        <translation>…およびフローが宣言する入力</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>…and the outputs the flow declares</source>
        <translation>…およびフローが宣言する出力</translation>
    </message>
</context>
<context>
    <name>wf::ui::ChipChoiceModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
</context>
<context>
    <name>wf::ui::ChipMultiSelect</name>
    <message>
        <source>Type to filter, Enter to add</source>
        <translation>入力して絞り込み、Enterキーで追加</translation>
    </message>
    <message>
        <source>Show every choice</source>
        <translation>すべての選択肢を表示</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1（不明）</translation>
    </message>
    <message>
        <source>No item has this id any more. Remove it or keep it for when it comes back.</source>
        <translation>このIDを持つ項目はもうありません。削除するか、再び現れたときのために残しておいてください。</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1を削除</translation>
    </message>
</context>
<context>
    <name>wf::ui::ConsoleSession</name>
    <message>
        <source>workspace.json was changed by another program and has problems; the console keeps the version it had: %1</source>
        <translation>workspace.json が別のプログラムによって変更され、問題があります。コンソールは以前のバージョンを使い続けます: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::CopyableField</name>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>クリップボードにコピー</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>wf::ui::CreateAppWizard</name>
    <message>
        <source>Create a new app integration</source>
        <translation>新しいアプリ統合の作成</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>サインイン方法</translation>
    </message>
    <message>
        <source>Choose how the app integration signs in.</source>
        <translation>アプリ統合のサインイン方法を選択してください。</translation>
    </message>
    <message>
        <source>API Services</source>
        <translation>APIサービス</translation>
    </message>
    <message>
        <source>Interact with the API endpoints of this org&apos;s flows using scoped OAuth 2.0 access tokens, for machine-to-machine authentication: the client signs a JWT with its private key and gets a token for it.</source>
        <translation>スコープ付きのOAuth 2.0アクセストークンを使って、この組織のフローのAPIエンドポイントを利用します。マシン間認証用です。クライアントは秘密鍵でJWTに署名し、それと引き換えにトークンを取得します。</translation>
    </message>
    <message>
        <source>My API Services App</source>
        <translation>マイAPIサービスアプリ</translation>
    </message>
    <message>
        <source>New API Services App Integration</source>
        <translation>新しいAPIサービスアプリ統合</translation>
    </message>
    <message>
        <source>Name the app integration. You add its keys and grant its scopes on its page.</source>
        <translation>アプリ統合に名前を付けてください。鍵の追加とスコープの付与は、アプリのページで行います。</translation>
    </message>
    <message>
        <source>App integration name</source>
        <translation>アプリ統合名</translation>
    </message>
</context>
<context>
    <name>wf::ui::EndpointSettingsDialog</name>
    <message>
        <source>API endpoint settings</source>
        <translation>APIエンドポイントの設定</translation>
    </message>
    <message>
        <source>There is no API endpoint flow &apos;%1&apos; in this workspace.</source>
        <translation>このワークスペースにAPIエンドポイントフロー「%1」はありません。</translation>
    </message>
    <message>
        <source>Security level</source>
        <translation>セキュリティレベル</translation>
    </message>
    <message>
        <source>Secure with OAuth 2.0</source>
        <translation>OAuth 2.0で保護する</translation>
    </message>
    <message>
        <source>Secure with client token</source>
        <translation>クライアントトークンで保護する</translation>
    </message>
    <message>
        <source>None (public service)</source>
        <translation>なし（パブリックサービス）</translation>
    </message>
    <message>
        <source>App integrations that can trigger the flow</source>
        <translation>フローをトリガーできるアプリ統合</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Every app integration of the workspace with the okta.workflows.invoke.manage scope</source>
        <translation>okta.workflows.invoke.manage スコープを持つ、ワークスペースのすべてのアプリ統合</translation>
    </message>
    <message>
        <source>Select from list</source>
        <translation>リストから選択</translation>
    </message>
    <message>
        <source>Type an app integration&apos;s name or client id</source>
        <translation>アプリ統合の名前またはクライアントIDを入力</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>クライアントトークン</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <source>Callers pass the token in the clientToken query parameter (the default, as in the Invoke URL below) or, more safely, in the x-api-client-token header; never both.</source>
        <translation>呼び出し元は、トークンをクエリパラメーター clientToken（既定。下の呼び出しURLのとおり）で渡すか、より安全な x-api-client-token ヘッダーで渡します。両方を使うことはできません。</translation>
    </message>
    <message>
        <source>Resumes a paused execution: put the execution id (X-Execution-Id of the paused call) in place of {executionId}.</source>
        <translation>一時停止した実行を再開します。{executionId} を実行ID（一時停止した呼び出しの X-Execution-Id）に置き換えてください。</translation>
    </message>
    <message>
        <source>Invoke URL</source>
        <translation>呼び出しURL</translation>
    </message>
    <message>
        <source>Resume URL</source>
        <translation>再開URL</translation>
    </message>
    <message>
        <source>Open in request tester</source>
        <translation>リクエストテスターで開く</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Callers send an access token from this workspace&apos;s authorization server (client credentials with a private key JWT), issued to an app integration with the okta.workflows.invoke.manage scope.</source>
        <translation>呼び出し元は、このワークスペースの認可サーバーが okta.workflows.invoke.manage スコープを持つアプリ統合に発行したアクセストークン（秘密鍵JWTによるクライアント資格情報）を送ります。</translation>
    </message>
    <message>
        <source>Callers pass the flow&apos;s client token with each request.</source>
        <translation>呼び出し元は、リクエストごとにフローのクライアントトークンを渡します。</translation>
    </message>
    <message>
        <source>Anyone who has the Invoke URL can call the flow.</source>
        <translation>呼び出しURLを知っている人は誰でもフローを呼び出せます。</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>非アクティブ</translation>
    </message>
    <message>
        <source>scope %1 not granted</source>
        <translation>スコープ %1 が未付与</translation>
    </message>
    <message>
        <source>No app integration is chosen: every call will be refused.</source>
        <translation>アプリ統合が選択されていません。すべての呼び出しが拒否されます。</translation>
    </message>
    <message>
        <source>Unknown client ids (deleted app integrations): %1. No token can be issued to them.</source>
        <translation>不明なクライアントID（削除されたアプリ統合）: %1。これらにはトークンを発行できません。</translation>
    </message>
    <message>
        <source>Each chosen app integration needs the okta.workflows.invoke.manage scope.</source>
        <translation>選択したアプリ統合には、それぞれ okta.workflows.invoke.manage スコープが必要です。</translation>
    </message>
    <message>
        <source>Any app integration with the okta.workflows.invoke.manage scope can call the flow.</source>
        <translation>okta.workflows.invoke.manage スコープを持つアプリ統合であれば、どれでもフローを呼び出せます。</translation>
    </message>
    <message>
        <source>A new client token is made when the settings are applied</source>
        <translation>設定を適用すると、新しいクライアントトークンが作成されます</translation>
    </message>
    <message>
        <source>Create token now</source>
        <translation>今すぐトークンを作成</translation>
    </message>
    <message>
        <source>Apply the settings now, which makes the client token</source>
        <translation>今すぐ設定を適用し、クライアントトークンを作成します</translation>
    </message>
    <message>
        <source>Make a new client token; the current one stops working at once</source>
        <translation>新しいクライアントトークンを作成します。現在のトークンは直ちに使えなくなります</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>キーチェーンを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Not in this machine&apos;s keychain: regenerate to make a new one</source>
        <translation>このマシンのキーチェーンにありません。再生成して新しいトークンを作成してください</translation>
    </message>
    <message>
        <source>Get an access token from %1, then call the Invoke URL with Authorization: Bearer &lt;access token&gt;.</source>
        <translation>%1 からアクセストークンを取得し、Authorization: Bearer &lt;access token&gt; を付けて呼び出しURLを呼び出してください。</translation>
    </message>
    <message>
        <source>GET or POST; use POST to send data in the body.</source>
        <translation>GETまたはPOST。ボディでデータを送るにはPOSTを使います。</translation>
    </message>
    <message>
        <source>Regenerate the client token?</source>
        <translation>クライアントトークンを再生成しますか？</translation>
    </message>
    <message>
        <source>The current client token of &apos;%1&apos; stops working at once: every caller must be given the new one.</source>
        <translation>「%1」の現在のクライアントトークンは直ちに使えなくなります。すべての呼び出し元に新しいトークンを渡す必要があります。</translation>
    </message>
    <message>
        <source>The client token could not be regenerated: %1</source>
        <translation>クライアントトークンを再生成できませんでした: %1</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; is no longer in this workspace; there is nothing to apply.</source>
        <translation>フロー「%1」はもうこのワークスペースにありません。適用するものはありません。</translation>
    </message>
    <message>
        <source>the flow &apos;%1&apos; no longer exists</source>
        <translation>フロー「%1」はもう存在しません</translation>
    </message>
    <message>
        <source>The endpoint settings could not be saved: %1</source>
        <translation>エンドポイント設定を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was deleted; its settings can no longer be applied.</source>
        <translation>フロー「%1」は削除されました。その設定はもう適用できません。</translation>
    </message>
</context>
<context>
    <name>wf::ui::EnvironmentDialog</name>
    <message>
        <source>Request tester variables</source>
        <translation>リクエストテスターの変数</translation>
    </message>
    <message>
        <source>Write {{name}} in a URL, parameter, header, body or auth field to use a variable. The tester provides {{baseUrl}} (the server: %1) and, for a request opened for a client-token flow, {{clientToken}} (that flow&apos;s token); a variable defined here named baseUrl takes the place of the server&apos;s.</source>
        <translation>変数を使うには、URL、パラメーター、ヘッダー、ボディ、認証の各フィールドに {{name}} と書きます。テスターは {{baseUrl}}（サーバー: %1）を、クライアントトークンで保護されたフロー用に開いたリクエストでは {{clientToken}}（そのフローのトークン）も提供します。ここで baseUrl という名前の変数を定義すると、サーバーの値の代わりに使われます。</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>待ち受けていません</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>シークレット</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;secret values</source>
        <translation>シークレットの値を表示(&amp;S)</translation>
    </message>
    <message>
        <source>Keep the value in the keychain and mask it</source>
        <translation>値をキーチェーンに保管して隠します</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a variable name: use letters, digits, _, - and . (at most 64).</source>
        <translation>「%1」は変数名として使えません。英字、数字、_、-、. を使ってください（64文字まで）。</translation>
    </message>
    <message>
        <source>%1 is defined twice.</source>
        <translation>%1 が2回定義されています。</translation>
    </message>
</context>
<context>
    <name>wf::ui::EventCardWidget</name>
    <message>
        <source>Helper Flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>APIエンドポイント</translation>
    </message>
    <message>
        <source>Event · called by Call Flow, For Each and Map</source>
        <translation>イベント · Call Flow、For Each、Mapから呼び出し</translation>
    </message>
    <message>
        <source>Event · %1</source>
        <translation>イベント · %1</translation>
    </message>
    <message>
        <source>Endpoint settings</source>
        <translation>エンドポイント設定</translation>
    </message>
    <message>
        <source>Security level, allowed app integrations, client token, Invoke and Resume URLs</source>
        <translation>セキュリティレベル、許可するアプリ統合、クライアントトークン、呼び出しURLと再開URL</translation>
    </message>
    <message>
        <source>No inputs declared yet: add them in the inspector.</source>
        <translation>宣言された入力はまだありません。インスペクターで追加してください。</translation>
    </message>
</context>
<context>
    <name>wf::ui::ExecutionDetails</name>
    <message>
        <source>Header</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Body truncated: history kept the first %1 of %2 bytes.</source>
        <translation>ボディは切り詰められています。履歴には %2 バイトのうち先頭の %1 バイトだけが保存されています。</translation>
    </message>
    <message>
        <source>No body.</source>
        <translation>ボディなし。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 バイト</translation>
    </message>
    <message>
        <source>Select an execution to see its request, response and trace.</source>
        <translation>実行を選択すると、そのリクエスト、レスポンス、トレースが表示されます。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>レスポンス</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>トレース</translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation>IDをコピー</translation>
    </message>
    <message>
        <source>Copy the execution id</source>
        <translation>実行IDをコピー</translation>
    </message>
    <message>
        <source>Resume...</source>
        <translation>再開...</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation>実行をキャンセル</translation>
    </message>
    <message>
        <source>Flow:</source>
        <translation>フロー:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種別:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>ステータス:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>開始:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>所要時間:</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>呼び出し元:</translation>
    </message>
    <message>
        <source>Retry of:</source>
        <translation>再試行元:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>エラー:</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>実行 %1</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>実行中（%1経過）</translation>
    </message>
    <message>
        <source>The request, the response and the trace are shown once the execution has ended.</source>
        <translation>リクエスト、レスポンス、トレースは、実行の終了後に表示されます。</translation>
    </message>
    <message>
        <source>No response yet.</source>
        <translation>レスポンスはまだありません。</translation>
    </message>
    <message>
        <source>The trace is shown once the execution has ended.</source>
        <translation>トレースは、実行の終了後に表示されます。</translation>
    </message>
    <message>
        <source>Trace not saved: this flow does not save all data. Turn on &quot;Save all data&quot; in the flow&apos;s settings to keep the trace of its next executions.</source>
        <translation>トレースは保存されていません。このフローはすべてのデータを保存しません。次回以降の実行のトレースを残すには、フローの設定で「Save all data」をオンにしてください。</translation>
    </message>
    <message>
        <source>No trace: no card ran in this execution.</source>
        <translation>トレースなし: この実行ではカードが実行されませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>Trace truncated: history kept the first %n card(s) only.</source>
        <translation>
            <numerusform>トレースは切り詰められています。履歴には先頭の %n 枚のカードだけが保存されています。</numerusform>
        </translation>
    </message>
    <message>
        <source>resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Only paused executions can be resumed.</source>
        <translation>再開できるのは一時停止中の実行だけです。</translation>
    </message>
    <message>
        <source>Resume this paused execution with a JSON body, as its Resume URL would.</source>
        <translation>再開URLと同じように、JSONボディを付けてこの一時停止中の実行を再開します。</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Only failed or timed-out executions can be retried.</source>
        <translation>再試行できるのは、失敗またはタイムアウトした実行だけです。</translation>
    </message>
    <message>
        <source>Run the flow again with the recorded request, as a new execution.</source>
        <translation>記録されたリクエストでフローを新しい実行としてもう一度実行します。</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Only executions in progress can be canceled.</source>
        <translation>キャンセルできるのは実行中の実行だけです。</translation>
    </message>
    <message>
        <source>Stop this execution at its next card boundary.</source>
        <translation>この実行を次のカードの境目で停止します。</translation>
    </message>
    <message>
        <source>The server is not running: start it (Server menu or status bar) to %1 executions.</source>
        <translation>サーバーが動作していません。実行を%1するには、サーバーを起動してください（[サーバー] メニューまたはステータスバー）。</translation>
    </message>
</context>
<context>
    <name>wf::ui::FieldListEditor</name>
    <message>
        <source>Add field</source>
        <translation>フィールドを追加</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Remove this field</source>
        <translation>このフィールドを削除</translation>
    </message>
    <message>
        <source>A field needs a name.</source>
        <translation>フィールドには名前が必要です。</translation>
    </message>
    <message>
        <source>Another field is called &apos;%1&apos;.</source>
        <translation>「%1」という名前のフィールドが既にあります。</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowCanvas</name>
    <message>
        <source>+ Add card</source>
        <translation>+ カードを追加</translation>
    </message>
    <message>
        <source>Add a card at the end of the flow</source>
        <translation>フローの最後にカードを追加します</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowEditorPage</name>
    <message>
        <source>Helper Flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>APIエンドポイント</translation>
    </message>
    <message>
        <source>Choose a flow to edit it.</source>
        <translation>編集するフローを選択してください。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Test flow</source>
        <translation>フローをテスト</translation>
    </message>
    <message>
        <source>Bind %1 to %2</source>
        <translation>%1を%2にバインド</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>カードを移動</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>カードを追加</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>There is no flow &apos;%1&apos; in this workspace.</source>
        <translation>このワークスペースにフロー「%1」はありません。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Helper flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was deleted.</source>
        <translation>フロー「%1」は削除されました。</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>問題（%1）</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>すべての変更を保存しました</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; is no longer in the workspace.</source>
        <translation>フロー「%1」はもうワークスペースにありません。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存されていません: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not saved yet: fix the %n problem(s) first</source>
        <translation>
            <numerusform>まだ保存されていません。先に %n 件の問題を修正してください</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1を追加</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1を削除</translation>
    </message>
    <message>
        <source>Move card up</source>
        <translation>カードを上へ移動</translation>
    </message>
    <message>
        <source>Move card down</source>
        <translation>カードを下へ移動</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>元に戻す: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>やり直し: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowListModel</name>
    <message>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Helper flow</source>
        <translation>ヘルパーフロー</translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation>APIエンドポイント</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Security level</source>
        <translation>セキュリティレベル</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>最終実行</translation>
    </message>
    <message>
        <source>Last status</source>
        <translation>最終ステータス</translation>
    </message>
    <message>
        <source>A flow needs a name.</source>
        <translation>フローには名前が必要です。</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; no longer exists.</source>
        <translation>フロー「%1」はもう存在しません。</translation>
    </message>
    <message>
        <source>The change to &apos;%1&apos; was not saved: %2</source>
        <translation>「%1」への変更は保存されませんでした: %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>今日 %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>昨日 %1</translation>
    </message>
    <message>
        <source>Secure with client token</source>
        <translation>クライアントトークンで保護する</translation>
    </message>
    <message>
        <source>Secure with OAuth 2.0</source>
        <translation>OAuth 2.0で保護する</translation>
    </message>
    <message>
        <source>None (public service)</source>
        <translation>なし（パブリックサービス）</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowsPage</name>
    <message>
        <source>Flow files (*.json);;All files (*)</source>
        <translation>フローファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Filter by name, description or id</source>
        <translation>名前、説明、IDで絞り込む</translation>
    </message>
    <message>
        <source>New flow</source>
        <translation>新しいフロー</translation>
    </message>
    <message>
        <source>Import flow...</source>
        <translation>フローをインポート...</translation>
    </message>
    <message>
        <source>Export flow...</source>
        <translation>フローをエクスポート...</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>削除を元に戻す</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Endpoint settings...</source>
        <translation>エンドポイント設定...</translation>
    </message>
    <message>
        <source>Show history</source>
        <translation>履歴を表示</translation>
    </message>
    <message>
        <source>Filter flows</source>
        <translation>フローを絞り込む</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>No flows yet. Create one with New flow (Ctrl+N), or import a flow file.</source>
        <translation>フローはまだありません。[新しいフロー]（Ctrl+N）で作成するか、フローファイルをインポートしてください。</translation>
    </message>
    <message>
        <source>No flow matches “%1”.</source>
        <translation>「%1」に一致するフローはありません。</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was deleted.</source>
        <translation>フロー「%1」は削除されました。</translation>
    </message>
    <message>
        <source>Undo restores it with the same Invoke URL and a new client token (the old one was deleted with it).</source>
        <translation>元に戻すと、同じ呼び出しURLと新しいクライアントトークンで復元されます（以前のトークンはフローとともに削除されました）。</translation>
    </message>
    <message>
        <source>Undo restores it with the same Invoke URL.</source>
        <translation>元に戻すと、同じ呼び出しURLで復元されます。</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not added: %2</source>
        <translation>フロー「%1」は追加されませんでした: %2</translation>
    </message>
    <message>
        <source>Name of the new flow:</source>
        <translation>新しいフローの名前:</translation>
    </message>
    <message>
        <source>A flow needs a name; no flow was created.</source>
        <translation>フローには名前が必要です。フローは作成されませんでした。</translation>
    </message>
    <message>
        <source>Created the flow &apos;%1&apos;. It is off until you switch it on.</source>
        <translation>フロー「%1」を作成しました。オンにするまでオフのままです。</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 のコピー</translation>
    </message>
    <message>
        <source>Created &apos;%1&apos;, a copy of &apos;%2&apos;.</source>
        <translation>「%2」のコピー「%1」を作成しました。</translation>
    </message>
    <message>
        <source>Created &apos;%1&apos;, a copy of &apos;%2&apos; with its own Invoke URL.</source>
        <translation>「%2」のコピー「%1」を、独自の呼び出しURLで作成しました。</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not deleted: it is called by %2. Change or delete those flows first.</source>
        <translation>フロー「%1」は削除されませんでした。%2 から呼び出されています。先にそれらのフローを変更または削除してください。</translation>
    </message>
    <message>
        <source>Delete flow</source>
        <translation>フローを削除</translation>
    </message>
    <message>
        <source>Delete the flow &apos;%1&apos;? Its Invoke URL stops answering. Its execution history is kept.</source>
        <translation>フロー「%1」を削除しますか？呼び出しURLは応答しなくなります。実行履歴は残ります。</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not deleted: %2</source>
        <translation>フロー「%1」は削除されませんでした: %2</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not restored: %2</source>
        <translation>フロー「%1」は復元されませんでした: %2</translation>
    </message>
    <message>
        <source>Restored the flow &apos;%1&apos;. Its client token is new: copy it from the endpoint settings.</source>
        <translation>フロー「%1」を復元しました。クライアントトークンは新しくなっています。エンドポイント設定からコピーしてください。</translation>
    </message>
    <message>
        <source>Restored the flow &apos;%1&apos;.</source>
        <translation>フロー「%1」を復元しました。</translation>
    </message>
    <message>
        <source>Import flow</source>
        <translation>フローをインポート</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 はインポートされませんでした: %2</translation>
    </message>
    <message>
        <source>%1 was not imported: a flow file is at most %2 MiB.</source>
        <translation>%1 はインポートされませんでした。フローファイルは最大 %2 MiB です。</translation>
    </message>
    <message numerus="yes">
        <source>%1 was not imported: %n problem(s).</source>
        <translation>
            <numerusform>%1 はインポートされませんでした: %n 件の問題。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported the flow &apos;%1&apos; from %2.</source>
        <translation>%2 からフロー「%1」をインポートしました。</translation>
    </message>
    <message>
        <source>A flow with the id &apos;%1&apos; exists already: the imported one is &apos;%2&apos;.</source>
        <translation>ID「%1」のフローは既にあります。インポートしたフローは「%2」です。</translation>
    </message>
    <message>
        <source>Export flow</source>
        <translation>フローをエクスポート</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not exported: %2</source>
        <translation>フロー「%1」はエクスポートされませんでした: %2</translation>
    </message>
    <message>
        <source>Exported the flow &apos;%1&apos; to %2.</source>
        <translation>フロー「%1」を %2 にエクスポートしました。</translation>
    </message>
</context>
<context>
    <name>wf::ui::HistoryModel</name>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <source>Invoke</source>
        <translation>呼び出し</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>パブリック</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>クライアントトークン</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>unknown address</source>
        <translation>不明なアドレス</translation>
    </message>
</context>
<context>
    <name>wf::ui::HistoryPage</name>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Resume execution</source>
        <translation>実行を再開</translation>
    </message>
    <message>
        <source>JSON body for the Pause card&apos;s outputs (leave empty to resume without a body):</source>
        <translation>Pauseカードの出力に渡すJSONボディ（ボディなしで再開するには空のままにします）:</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>履歴を消去</translation>
    </message>
    <message>
        <source>History could not be read: %1</source>
        <translation>履歴を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <source>Search bodies, trace, errors, path...</source>
        <translation>ボディ、トレース、エラー、パスを検索...</translation>
    </message>
    <message>
        <source>Read history again (F5)</source>
        <translation>履歴を読み直す (F5)</translation>
    </message>
    <message>
        <source>Flow:</source>
        <translation>フロー:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>ステータス:</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>さらに読み込む</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>すべてのフロー</translation>
    </message>
    <message>
        <source>Clear all history...</source>
        <translation>すべての履歴を消去...</translation>
    </message>
    <message>
        <source>Clear flow history...</source>
        <translation>フローの履歴を消去...</translation>
    </message>
    <message>
        <source>Remove the executions of every flow from history</source>
        <translation>すべてのフローの実行を履歴から削除します</translation>
    </message>
    <message>
        <source>Remove the executions of %1 from history</source>
        <translation>%1 の実行を履歴から削除します</translation>
    </message>
    <message>
        <source>No executions.</source>
        <translation>実行はありません。</translation>
    </message>
    <message>
        <source>Showing %1 of %2 executions.</source>
        <translation>%2 件の実行のうち %1 件を表示しています。</translation>
    </message>
    <message>
        <source>Load the next %1 older executions</source>
        <translation>さらに古い実行を %1 件読み込みます</translation>
    </message>
    <message>
        <source>Execution %1 is no longer in history.</source>
        <translation>実行 %1 はもう履歴にありません。</translation>
    </message>
    <message>
        <source>Execution %1 could not be read: %2</source>
        <translation>実行 %1 を読み取れませんでした: %2</translation>
    </message>
    <message>
        <source>Execution %1 is not in history.</source>
        <translation>実行 %1 は履歴にありません。</translation>
    </message>
    <message>
        <source>Not resumed: the body is not JSON (%1 at offset %2).</source>
        <translation>再開しませんでした。ボディがJSONではありません（オフセット %2 で %1）。</translation>
    </message>
    <message>
        <source>Resume of %1 answered %2.</source>
        <translation>%1 の再開は %2 を返しました。</translation>
    </message>
    <message>
        <source>Retry of %1 answered %2.</source>
        <translation>%1 の再試行は %2 を返しました。</translation>
    </message>
    <message>
        <source>Retry of %1 ran as %2 and answered %3.</source>
        <translation>%1 の再試行は %2 として実行され、%3 を返しました。</translation>
    </message>
    <message>
        <source>Execution %1 stops at its next card.</source>
        <translation>実行 %1 は次のカードで停止します。</translation>
    </message>
    <message>
        <source>Execution %1 is no longer running.</source>
        <translation>実行 %1 はもう実行中ではありません。</translation>
    </message>
    <message>
        <source>Remove the executions of every flow from history? This cannot be undone.</source>
        <translation>すべてのフローの実行を履歴から削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Remove the executions of &quot;%1&quot; from history? This cannot be undone.</source>
        <translation>「%1」の実行を履歴から削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Removed %1 executions from history.</source>
        <translation>%1 件の実行を履歴から削除しました。</translation>
    </message>
    <message>
        <source>History was not cleared: %1</source>
        <translation>履歴は消去されませんでした: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::JsonView</name>
    <message>
        <source>Fold all</source>
        <translation>すべて折りたたむ</translation>
    </message>
    <message>
        <source>Unfold all</source>
        <translation>すべて展開</translation>
    </message>
</context>
<context>
    <name>wf::ui::KeyValueTable</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <source>Send this row</source>
        <translation>この行を送信</translation>
    </message>
</context>
<context>
    <name>wf::ui::MainWindow</name>
    <message>
        <source>Workflows Console</source>
        <translation>Workflows Console</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>サーバー(&amp;S)</translation>
    </message>
    <message>
        <source>Start or stop the server</source>
        <translation>サーバーを起動または停止</translation>
    </message>
    <message>
        <source>Serve on another port...</source>
        <translation>別のポートで提供...</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Secrets: secrets.json in the workspace (no keychain)</source>
        <translation>シークレット: ワークスペースの secrets.json（キーチェーンなし）</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>サーバー停止中</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起動</translation>
    </message>
    <message>
        <source>Server starting...</source>
        <translation>サーバーを起動しています...</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>%1 で待ち受け中</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Server stopping...</source>
        <translation>サーバーを停止しています...</translation>
    </message>
    <message>
        <source>Server not running: %1</source>
        <translation>サーバーが動作していません: %1</translation>
    </message>
    <message>
        <source>Use another port...</source>
        <translation>別のポートを使用...</translation>
    </message>
    <message>
        <source>Serve on another port</source>
        <translation>別のポートで提供</translation>
    </message>
    <message>
        <source>Port (0 picks any free port):</source>
        <translation>ポート（0で空いているポートを自動選択）:</translation>
    </message>
    <message>
        <source>The flow &quot;%1&quot; has problems, so its latest changes are not saved. Quit and lose them?</source>
        <translation>フロー「%1」には問題があるため、最新の変更は保存されていません。終了して変更を破棄しますか？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>フローエディター</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>アプリケーション</translation>
    </message>
    <message>
        <source>Execution history</source>
        <translation>実行履歴</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>設定(&amp;S)...</translation>
    </message>
    <message>
        <source>F&amp;low</source>
        <translation>フロー(&amp;L)</translation>
    </message>
    <message>
        <source>Endpoint &amp;settings...</source>
        <translation>エンドポイント設定(&amp;S)...</translation>
    </message>
    <message>
        <source>Request tester</source>
        <translation>リクエストテスター</translation>
    </message>
    <message>
        <source>Open in request &amp;tester</source>
        <translation>リクエストテスターで開く(&amp;T)</translation>
    </message>
</context>
<context>
    <name>wf::ui::OutputChip</name>
    <message>
        <source>%1 (%2): drag it onto an input of a later card to bind that input to it</source>
        <translation>%1 (%2): 後続のカードの入力にドラッグすると、その入力にバインドされます</translation>
    </message>
</context>
<context>
    <name>wf::ui::PrivateKeyDialog</name>
    <message>
        <source>Private key</source>
        <translation>秘密鍵</translation>
    </message>
    <message>
        <source>A new %1 key was added to &lt;b&gt;%2&lt;/b&gt; with key ID &lt;code&gt;%3&lt;/code&gt;.</source>
        <translation>&lt;b&gt;%2&lt;/b&gt; に、鍵ID &lt;code&gt;%3&lt;/code&gt; の新しい %1 鍵が追加されました。</translation>
    </message>
    <message>
        <source>Copy this private key now: it is shown only once and cannot be shown again. Your client signs its JWT assertions with it; the server keeps only the public key.</source>
        <translation>この秘密鍵を今すぐコピーしてください。表示されるのは一度だけで、再表示はできません。クライアントはこの鍵でJWTアサーションに署名します。サーバーが保持するのは公開鍵だけです。</translation>
    </message>
    <message>
        <source>Keep in keychain for the request tester</source>
        <translation>リクエストテスター用にキーチェーンに保管</translation>
    </message>
    <message>
        <source>The request tester and `wfconsole token --app` can then sign assertions with this key. Kept in the secret store of this workspace (%1).</source>
        <translation>リクエストテスターと `wfconsole token --app` が、この鍵でアサーションに署名できるようになります。このワークスペースのシークレットストア（%1）に保管されます。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>JWK</source>
        <translation>JWK</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>This key cannot be written in this format.</source>
        <translation>この鍵はこの形式で書き出せません。</translation>
    </message>
    <message>
        <source>PEM copied</source>
        <translation>PEMをコピーしました</translation>
    </message>
    <message>
        <source>JWK copied</source>
        <translation>JWKをコピーしました</translation>
    </message>
    <message>
        <source>The private key could not be kept: %1</source>
        <translation>秘密鍵を保管できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::ProblemListModel</name>
    <message>
        <source>Flow</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>wf::ui::RequestEditor</name>
    <message>
        <source>Any method: flows answer GET and POST, others get 405</source>
        <translation>任意のメソッド。フローはGETとPOSTに応答し、それ以外には405を返します</translation>
    </message>
    <message>
        <source>{{baseUrl}}/api/flo/... (or paste a cURL command)</source>
        <translation>{{baseUrl}}/api/flo/...（またはcURLコマンドを貼り付け）</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>リクエストを送信します (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Stop waiting for the answer (Esc)</source>
        <translation>応答の待機を中止します (Esc)</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>header</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>ボディ</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>認証</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>なし(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>フォーム(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Raw text</source>
        <translation>テキスト(&amp;R)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>整形(&amp;O)</translation>
    </message>
    <message>
        <source>Indent the JSON body (Ctrl+Shift+F)</source>
        <translation>JSONボディをインデントします (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>This request has no body.</source>
        <translation>このリクエストにはボディがありません。</translation>
    </message>
    <message>
        <source>field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3</source>
        <translation>JSONが正しくありません（%1 行目、%2 列目）: %3</translation>
    </message>
    <message>
        <source>Body ●</source>
        <translation>ボディ ●</translation>
    </message>
    <message>
        <source>Auth ●</source>
        <translation>認証 ●</translation>
    </message>
    <message>
        <source>Could not read the cURL command: %1</source>
        <translation>cURLコマンドを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Loaded the cURL command as a request.</source>
        <translation>cURLコマンドをリクエストとして読み込みました。</translation>
    </message>
</context>
<context>
    <name>wf::ui::ResponseView</name>
    <message>
        <source>Getting an access token...</source>
        <translation>アクセストークンを取得しています...</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>送信しています...</translation>
    </message>
    <message>
        <source>Receiving the answer...</source>
        <translation>応答を受信しています...</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open e&amp;xecution</source>
        <translation>実行を開く(&amp;X)</translation>
    </message>
    <message>
        <source>Show the execution named by X-Execution-Id in Execution history</source>
        <translation>X-Execution-Id が示す実行を実行履歴に表示します</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>整形表示</translation>
    </message>
    <message>
        <source>Pretty JSON (folding, highlighting) or the raw bytes</source>
        <translation>整形したJSON（折りたたみ、ハイライト）または生のバイト列</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>ボディ</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>送信したリクエスト</translation>
    </message>
    <message>
        <source>No request sent yet. Press Send (Ctrl+Enter).</source>
        <translation>まだリクエストを送信していません。[送信]（Ctrl+Enter）を押してください。</translation>
    </message>
    <message>
        <source>The first answer was 401: the cached token was dropped, a new one fetched and the request sent once more.</source>
        <translation>最初の応答は401でした。キャッシュされたトークンを破棄して新しいトークンを取得し、リクエストをもう一度送信しました。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Time %1</source>
        <translation>所要時間 %1</translation>
    </message>
    <message>
        <source>DNS: %1
Connect: %2
First byte: %3
Total: %4
Access token: %5</source>
        <translation>DNS: %1
接続: %2
最初のバイト: %3
合計: %4
アクセストークン: %5</translation>
    </message>
    <message>
        <source>Size %1</source>
        <translation>サイズ %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::RunTraceModel</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
</context>
<context>
    <name>wf::ui::SecretField</name>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>クリップボードにコピー</translation>
    </message>
    <message>
        <source>Not in this machine&apos;s keychain</source>
        <translation>このマシンのキーチェーンにありません</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Mask the value</source>
        <translation>値を隠す</translation>
    </message>
    <message>
        <source>Show the value</source>
        <translation>値を表示</translation>
    </message>
</context>
<context>
    <name>wf::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEMファイル (*.pem *.crt *.cer *.key);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <source>127.0.0.1 serves this computer only; 0.0.0.0 serves every network.</source>
        <translation>127.0.0.1 はこのコンピューターだけに、0.0.0.0 はすべてのネットワークに提供します。</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <source>Public &amp;base URL:</source>
        <translation>公開ベースURL(&amp;B):</translation>
    </message>
    <message>
        <source>Empty: made of the host and the port</source>
        <translation>空欄: ホストとポートから作成</translation>
    </message>
    <message>
        <source>The address callers use, when it is not the host and port served (behind a proxy). Every URL shown and the token issuer derive from it.</source>
        <translation>提供しているホストとポート以外で呼び出し元が使うアドレスです（プロキシの背後など）。表示されるすべてのURLとトークンの発行者はこのアドレスから作られます。</translation>
    </message>
    <message>
        <source>TLS &amp;certificate:</source>
        <translation>TLS証明書(&amp;C):</translation>
    </message>
    <message>
        <source>None: plain HTTP</source>
        <translation>なし: 通常のHTTP</translation>
    </message>
    <message>
        <source>TLS private &amp;key:</source>
        <translation>TLS秘密鍵(&amp;K):</translation>
    </message>
    <message>
        <source>The certificate&apos;s unencrypted PEM key</source>
        <translation>証明書の暗号化されていないPEM鍵</translation>
    </message>
    <message>
        <source>Choose the TLS certificate (PEM)</source>
        <translation>TLS証明書を選択 (PEM)</translation>
    </message>
    <message>
        <source>Choose the TLS private key (PEM)</source>
        <translation>TLS秘密鍵を選択 (PEM)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>参照...</translation>
    </message>
    <message>
        <source>Changing the host, port, certificate or body limit restarts the server.</source>
        <translation>ホスト、ポート、証明書、ボディの上限を変更すると、サーバーが再起動します。</translation>
    </message>
    <message>
        <source>Limits and history</source>
        <translation>上限と履歴</translation>
    </message>
    <message>
        <source>Request &amp;body limit:</source>
        <translation>リクエストボディの上限(&amp;O):</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>レート制限(&amp;R):</translation>
    </message>
    <message>
        <source>calls per second per flow (0: no limit)</source>
        <translation>フローごとの1秒あたりの呼び出し数（0: 制限なし）</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>タイムアウト(&amp;T):</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Keep &amp;history for:</source>
        <translation>履歴の保存期間(&amp;I):</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Keep pa&amp;used executions for:</source>
        <translation>一時停止中の実行の保存期間(&amp;U):</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>コンソール</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Applied the next time the console starts.</source>
        <translation>次回コンソールを起動したときに適用されます。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>外観(&amp;A):</translation>
    </message>
    <message>
        <source>Enter an IP address to listen on, such as 127.0.0.1 (this computer only), 0.0.0.0 (every network) or ::1.</source>
        <translation>待ち受けるIPアドレスを入力してください。例: 127.0.0.1（このコンピューターのみ）、0.0.0.0（すべてのネットワーク）、::1。</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>1～65535のポートを入力してください。</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address without a query, such as https://flows.example.com, or leave it empty.</source>
        <translation>クエリを含まない http:// または https:// のアドレス（例: https://flows.example.com）を入力するか、空欄のままにしてください。</translation>
    </message>
    <message>
        <source>Enter a size in MiB greater than 0, such as 10 or 0.5.</source>
        <translation>0より大きいサイズをMiB単位で入力してください（例: 10、0.5）。</translation>
    </message>
    <message>
        <source>Enter a number of calls per second, 0 or more (0 switches the limit off).</source>
        <translation>1秒あたりの呼び出し数を0以上で入力してください（0で制限を無効にします）。</translation>
    </message>
    <message>
        <source>Enter a number of seconds from 1 to 86400.</source>
        <translation>1～86400の秒数を入力してください。</translation>
    </message>
    <message>
        <source>Enter a number of days from 1 to 36500.</source>
        <translation>1～36500の日数を入力してください。</translation>
    </message>
    <message>
        <source>Choose both the certificate and its private key, or neither.</source>
        <translation>証明書とその秘密鍵の両方を選択するか、どちらも選択しないでください。</translation>
    </message>
    <message>
        <source>This certificate and key cannot be used: %1</source>
        <translation>この証明書と鍵は使用できません: %1</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>設定を保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::TestFlowPanel</name>
    <message>
        <source>One header per line: Name: value</source>
        <translation>1行に1つのヘッダー: Name: value</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>メソッド</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>クエリ</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Body (JSON)</source>
        <translation>ボディ (JSON)</translation>
    </message>
    <message>
        <source>Run test</source>
        <translation>テストを実行</translation>
    </message>
    <message>
        <source>Run the flow with this request (Ctrl+R)</source>
        <translation>このリクエストでフローを実行します (Ctrl+R)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>レスポンス</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>トレース</translation>
    </message>
    <message>
        <source>Inputs (JSON object)</source>
        <translation>入力 (JSONオブジェクト)</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4 ms</source>
        <translation>%1 %2 · %3 · %4 ms</translation>
    </message>
    <message>
        <source>The inputs of a helper flow are a JSON object.</source>
        <translation>ヘルパーフローの入力はJSONオブジェクトです。</translation>
    </message>
</context>
<context>
    <name>wf::ui::TesterPage</name>
    <message>
        <source>the pasted private key: %1</source>
        <translation>貼り付けた秘密鍵: %1</translation>
    </message>
    <message>
        <source>the pasted key is a public key: paste the private key</source>
        <translation>貼り付けた鍵は公開鍵です。秘密鍵を貼り付けてください</translation>
    </message>
    <message>
        <source>choose an app integration and one of its keys on the Auth tab</source>
        <translation>[認証] タブでアプリ統合とその鍵を選択してください</translation>
    </message>
    <message>
        <source>the private key %1 is not kept in the keychain: generate a key with &quot;Keep in keychain for the request tester&quot;, or paste the private key</source>
        <translation>秘密鍵 %1 はキーチェーンに保管されていません。「リクエストテスター用にキーチェーンに保管」をオンにして鍵を生成するか、秘密鍵を貼り付けてください</translation>
    </message>
    <message>
        <source>Request tester</source>
        <translation>リクエストテスター</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>新しいリクエスト</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as...</source>
        <translation>名前を付けて保存...</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>cURLとしてコピー</translation>
    </message>
    <message>
        <source>Variables...</source>
        <translation>変数...</translation>
    </message>
    <message>
        <source>A request for &quot;%1&quot; is ready: press Send (Ctrl+Enter).</source>
        <translation>「%1」のリクエストの準備ができました。[送信]（Ctrl+Enter）を押してください。</translation>
    </message>
    <message>
        <source>The tester&apos;s variables could not be read: %1</source>
        <translation>テスターの変数を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>Token URL: %1</source>
        <translation>トークンURL: %1</translation>
    </message>
    <message>
        <source>OAuth 2.0: %1</source>
        <translation>OAuth 2.0: %1</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>コピーしませんでした: %1</translation>
    </message>
    <message>
        <source>Include the secrets (client token, access token, secret variables) in the command? Anyone who sees the command can then call the flow.</source>
        <translation>シークレット（クライアントトークン、アクセストークン、シークレット変数）をコマンドに含めますか？コマンドを見た人は誰でもフローを呼び出せるようになります。</translation>
    </message>
    <message>
        <source>Copied as cURL, with its secrets.</source>
        <translation>シークレットを含めてcURLとしてコピーしました。</translation>
    </message>
    <message>
        <source>Copied as cURL (secrets replaced by placeholders).</source>
        <translation>cURLとしてコピーしました（シークレットはプレースホルダーに置き換えています）。</translation>
    </message>
    <message>
        <source>No access token yet: press Get token and copy again for a ready command.</source>
        <translation>アクセストークンがまだありません。そのまま使えるコマンドにするには、[トークンを取得] を押してからもう一度コピーしてください。</translation>
    </message>
    <message>
        <source>Variables saved.</source>
        <translation>変数を保存しました。</translation>
    </message>
    <message>
        <source>Variables not saved: %1</source>
        <translation>変数は保存されませんでした: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::TesterSidebar</name>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Request tester</source>
        <translation>リクエストテスター</translation>
    </message>
    <message>
        <source>Postman collection (*.json)</source>
        <translation>Postmanコレクション (*.json)</translation>
    </message>
    <message>
        <source>Export as Postman collection</source>
        <translation>Postmanコレクションとしてエクスポート</translation>
    </message>
    <message>
        <source>Import a Postman collection</source>
        <translation>Postmanコレクションをインポート</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>履歴を検索</translation>
    </message>
    <message>
        <source>Remove from history</source>
        <translation>履歴から削除</translation>
    </message>
    <message>
        <source>Clear history...</source>
        <translation>履歴を消去...</translation>
    </message>
    <message>
        <source>New folder...</source>
        <translation>新しいフォルダー...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>名前を変更...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>削除...</translation>
    </message>
    <message>
        <source>Export as Postman collection...</source>
        <translation>Postmanコレクションとしてエクスポート...</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>新しいコレクション</translation>
    </message>
    <message>
        <source>Export the selected collection as Postman v2.1</source>
        <translation>選択したコレクションをPostman v2.1形式でエクスポート</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>コレクション</translation>
    </message>
    <message>
        <source>The tester&apos;s history could not be read: %1</source>
        <translation>テスターの履歴を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>The request was not added to the tester&apos;s history: %1</source>
        <translation>リクエストはテスターの履歴に追加されませんでした: %1</translation>
    </message>
    <message>
        <source>Clear the request tester&apos;s history?</source>
        <translation>リクエストテスターの履歴を消去しますか？</translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1（読み取れません）</translation>
    </message>
    <message>
        <source>The collection was not saved: %1</source>
        <translation>コレクションは保存されませんでした: %1</translation>
    </message>
    <message>
        <source>Name of the new collection:</source>
        <translation>新しいコレクションの名前:</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; created.</source>
        <translation>コレクション「%1」を作成しました。</translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation>新しいフォルダーの名前:</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新しいフォルダー</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新しい名前:</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? This cannot be undone.</source>
        <translation>「%1」を削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot; in &quot;%2&quot;.</source>
        <translation>「%1」を「%2」に保存しました。</translation>
    </message>
    <message>
        <source>Save the request in &quot;%1&quot; as:</source>
        <translation>「%1」に保存するリクエストの名前:</translation>
    </message>
    <message>
        <source>%1 is larger than 32 MiB: not imported.</source>
        <translation>%1 は32 MiBを超えているため、インポートしませんでした。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 はインポートされませんでした: %2</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot;.</source>
        <translation>「%1」をインポートしました。</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>取り込まなかった項目: %1</translation>
    </message>
    <message>
        <source>Select a collection to export.</source>
        <translation>エクスポートするコレクションを選択してください。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2.</source>
        <translation>「%1」を %2 にエクスポートしました。</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceModel</name>
    <message>
        <source>Card id: %1</source>
        <translation>カードID: %1</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Function / value</source>
        <translation>関数/値</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>wfconsole</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>Cannot open the workspace in %1:
%2</source>
        <translation>%1 のワークスペースを開けません:
%2</translation>
    </message>
</context>
</TS>
