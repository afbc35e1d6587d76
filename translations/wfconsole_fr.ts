<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>OutputScope</name>
    <message>
        <source>Helper Flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>Point de terminaison d&apos;API</translation>
    </message>
</context>
<context>
    <name>wf::ui::AddPublicKeyDialog</name>
    <message>
        <source>Add public key</source>
        <translation>Ajouter une clé publique</translation>
    </message>
    <message>
        <source>Paste the public key your client signs with, as a JWK (JSON) or PEM. RSA 2048, 3072 or 4096 bits, or EC P-256 or P-384.</source>
        <translation>Collez la clé publique qui correspond à la clé privée de signature de votre client, au format JWK (JSON) ou PEM. RSA 2048, 3072 ou 4096 bits, ou EC P-256 ou P-384.</translation>
    </message>
    <message>
        <source>{&quot;kty&quot;: &quot;RSA&quot;, &quot;n&quot;: &quot;…&quot;, &quot;e&quot;: &quot;AQAB&quot;}
or
-----BEGIN PUBLIC KEY-----
…</source>
        <translation>{&quot;kty&quot;: &quot;RSA&quot;, &quot;n&quot;: &quot;…&quot;, &quot;e&quot;: &quot;AQAB&quot;}
ou
-----BEGIN PUBLIC KEY-----
…</translation>
    </message>
    <message>
        <source>Optional: the JWK&apos;s kid, else its RFC 7638 thumbprint</source>
        <translation>Facultatif&#xa0;: le kid de la JWK, sinon son empreinte RFC 7638</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Ajouter la clé</translation>
    </message>
    <message>
        <source>Key ID (kid):</source>
        <translation>ID de clé (kid)&#xa0;:</translation>
    </message>
    <message>
        <source>A %1 key cannot be used by an app integration: use RSA 2048, 3072 or 4096, or EC P-256 or P-384.</source>
        <translation>Une clé %1 ne peut pas servir à une intégration d&apos;application&#xa0;: utilisez RSA 2048, 3072 ou 4096, ou EC P-256 ou P-384.</translation>
    </message>
    <message>
        <source>%1 key, thumbprint %2.</source>
        <translation>Clé %1, empreinte %2.</translation>
    </message>
    <message>
        <source>This is a private key: only its public part is registered.</source>
        <translation>Ceci est une clé privée&#xa0;: seule sa partie publique est enregistrée.</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppDetails</name>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Okta API Scopes</source>
        <translation>Portées de l&apos;API Okta</translation>
    </message>
    <message>
        <source>← Back to Applications</source>
        <translation>← Retour aux applications</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>● Active</source>
        <translation>● Active</translation>
    </message>
    <message>
        <source>○ Inactive</source>
        <translation>○ Inactive</translation>
    </message>
    <message>
        <source>The app can get access tokens.</source>
        <translation>L&apos;application peut obtenir des jetons d&apos;accès.</translation>
    </message>
    <message>
        <source>The app gets no access tokens, and the tokens it has are refused.</source>
        <translation>L&apos;application n&apos;obtient aucun jeton d&apos;accès, et ceux qu&apos;elle détient sont refusés.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>API Services · OAuth 2.0 client credentials · created %1</source>
        <translation>Services API · identifiants client OAuth 2.0 · créée le %1</translation>
    </message>
    <message>
        <source>The app could not be renamed: %1</source>
        <translation>L&apos;application n&apos;a pas pu être renommée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deactivate app integration</source>
        <translation>Désactiver l&apos;intégration d&apos;application</translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation>Désactiver %1&#xa0;?</translation>
    </message>
    <message>
        <source>While it is inactive the app gets no access tokens, and the flows refuse the tokens it has. Activating it again lets its unexpired tokens work again.</source>
        <translation>Tant qu&apos;elle est inactive, l&apos;application n&apos;obtient aucun jeton d&apos;accès, et les flux refusent ceux qu&apos;elle détient. La réactiver rend leur validité à ses jetons non expirés.</translation>
    </message>
    <message>
        <source>Delete app integration</source>
        <translation>Supprimer l&apos;intégration d&apos;application</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1&#xa0;?</translation>
    </message>
    <message>
        <source>Its keys go, with the private keys kept for the request tester, and the flows refuse its tokens at once. This cannot be undone.</source>
        <translation>Ses clés sont supprimées, avec les clés privées conservées pour le testeur de requêtes, et les flux refusent aussitôt ses jetons. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>These flows list it among the apps allowed to call them and keep its client ID, which no longer gets tokens: %1.</source>
        <translation>Ces flux la comptent parmi les applications autorisées à les appeler et gardent son ID client, qui n&apos;obtient plus de jetons&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The app could not be deleted: %1</source>
        <translation>L&apos;application n&apos;a pas pu être supprimée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppDetailsGeneralTab</name>
    <message>
        <source>Client Credentials</source>
        <translation>Identifiants client</translation>
    </message>
    <message>
        <source>Public key / Private key</source>
        <translation>Clé publique / Clé privée</translation>
    </message>
    <message>
        <source>The only client authentication this server accepts.</source>
        <translation>La seule authentification client que ce serveur accepte.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>Authentification client</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>Point de terminaison de jeton</translation>
    </message>
    <message>
        <source>The client signs a JWT assertion (iss and sub: the client ID, aud: the token endpoint) with a private key whose public key is listed below, and sends it to the token endpoint to get an access token.</source>
        <translation>Le client signe une assertion JWT (iss et sub&#xa0;: l&apos;ID client, aud&#xa0;: le point de terminaison de jeton) avec une clé privée dont la clé publique figure ci-dessous, et l&apos;envoie au point de terminaison de jeton pour obtenir un jeton d&apos;accès.</translation>
    </message>
    <message>
        <source>Public keys</source>
        <translation>Clés publiques</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Ajouter la clé</translation>
    </message>
    <message>
        <source>Generate new key</source>
        <translation>Générer une nouvelle clé</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (recommandé)</translation>
    </message>
    <message>
        <source>%1 (takes a few seconds)</source>
        <translation>%1 (prend quelques secondes)</translation>
    </message>
    <message>
        <source>Add public key…</source>
        <translation>Ajouter une clé publique…</translation>
    </message>
    <message>
        <source>No keys yet: generate a key pair or add a public key. The app cannot get access tokens until it has an active key.</source>
        <translation>Aucune clé pour l&apos;instant&#xa0;: générez une paire de clés ou ajoutez une clé publique. L&apos;application ne peut pas obtenir de jetons d&apos;accès tant qu&apos;elle n&apos;a pas de clé active.</translation>
    </message>
    <message>
        <source>Every key is inactive: the app cannot get access tokens.</source>
        <translation>Toutes les clés sont inactives&#xa0;: l&apos;application ne peut pas obtenir de jetons d&apos;accès.</translation>
    </message>
    <message>
        <source>Generating the %1 key pair…</source>
        <translation>Génération de la paire de clés %1…</translation>
    </message>
    <message>
        <source>The key could not be generated: %1</source>
        <translation>La clé n&apos;a pas pu être générée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The new key could not be added: %1</source>
        <translation>La nouvelle clé n&apos;a pas pu être ajoutée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deactivate key</source>
        <translation>Désactiver la clé</translation>
    </message>
    <message>
        <source>Deactivate key %1 of %2?</source>
        <translation>Désactiver la clé %1 de %2&#xa0;?</translation>
    </message>
    <message>
        <source>Assertions signed with this key are refused from now on, and every access token the app got until now is refused at once: its clients need new tokens, signed with another active key. You can activate the key again later.</source>
        <translation>Les assertions signées avec cette clé sont désormais refusées, et tous les jetons d&apos;accès obtenus jusqu&apos;ici par l&apos;application le sont aussitôt&#xa0;: ses clients ont besoin de nouveaux jetons, signés avec une autre clé active. Vous pourrez réactiver la clé plus tard.</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <source>Delete key %1 of %2?</source>
        <translation>Supprimer la clé %1 de %2&#xa0;?</translation>
    </message>
    <message>
        <source>The public key is removed, and the private key kept for the request tester if there is one. Every access token the app got until now is refused at once. This cannot be undone.</source>
        <translation>La clé publique est supprimée, ainsi que la clé privée conservée pour le testeur de requêtes s&apos;il y en a une. Tous les jetons d&apos;accès obtenus jusqu&apos;ici par l&apos;application sont aussitôt refusés. Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppDetailsScopesTab</name>
    <message>
        <source>Scopes an access token of this app may carry. A flow secured with OAuth 2.0 answers only tokens with %1.</source>
        <translation>Les portées que peut porter un jeton d&apos;accès de cette application. Un flux sécurisé avec OAuth 2.0 ne répond qu&apos;aux jetons portant %1.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Invoke, resume and retry the API endpoint flows of this org that are secured with OAuth 2.0.</source>
        <translation>Appeler, reprendre et relancer les flux de point de terminaison d&apos;API de cette org sécurisés avec OAuth 2.0.</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Accorder</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordée</translation>
    </message>
    <message>
        <source>Not granted</source>
        <translation>Non accordée</translation>
    </message>
    <message>
        <source>Grant Access</source>
        <translation>Accorder l&apos;accès</translation>
    </message>
    <message>
        <source>Grant %1 to %2?</source>
        <translation>Accorder %1 à %2&#xa0;?</translation>
    </message>
    <message>
        <source>The app can then get access tokens with this scope and call every API endpoint flow secured with OAuth 2.0 that lets it (Any app, or an app list naming it).</source>
        <translation>L&apos;application pourra alors obtenir des jetons d&apos;accès avec cette portée et appeler tous les flux de point de terminaison d&apos;API sécurisés avec OAuth 2.0 qui l&apos;autorisent (toute application, ou une liste d&apos;applications qui la nomme).</translation>
    </message>
    <message>
        <source>Revoke Access</source>
        <translation>Révoquer l&apos;accès</translation>
    </message>
    <message>
        <source>Revoke %1 from %2?</source>
        <translation>Révoquer %1 pour %2&#xa0;?</translation>
    </message>
    <message>
        <source>The flows refuse the app&apos;s access tokens at once (403 insufficient_scope), and the app gets no new token with this scope until it is granted again.</source>
        <translation>Les flux refusent aussitôt les jetons d&apos;accès de l&apos;application (403 insufficient_scope), et elle n&apos;obtient plus de jeton avec cette portée tant que celle-ci ne lui est pas de nouveau accordée.</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppKeyModel</name>
    <message>
        <source>Unreadable key</source>
        <translation>Clé illisible</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Key ID (kid)</source>
        <translation>ID de clé (kid)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppListModel</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>%1 (%2 inactive)</source>
        <translation>%1 (inactives&#xa0;: %2)</translation>
    </message>
    <message>
        <source>None granted</source>
        <translation>Aucune accordée</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s), %1 active</source>
        <translation>
            <numerusform>%n clé (%1 active)</numerusform>
            <numerusform>%n clés (actives&#xa0;: %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>Granted scopes</source>
        <translation>Portées accordées</translation>
    </message>
</context>
<context>
    <name>wf::ui::AppsPage</name>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Create App Integration</source>
        <translation>Créer une intégration d&apos;application</translation>
    </message>
    <message>
        <source>Search by name, client ID or scope</source>
        <translation>Rechercher par nom, ID client ou portée</translation>
    </message>
    <message>
        <source>Double-click an app, or press Enter, to open its page.</source>
        <translation>Double-cliquez sur une application, ou appuyez sur Entrée, pour ouvrir sa page.</translation>
    </message>
    <message>
        <source>No app integrations yet. Create one to call flows secured with OAuth 2.0.</source>
        <translation>Aucune intégration d&apos;application pour l&apos;instant. Créez-en une pour appeler les flux sécurisés avec OAuth 2.0.</translation>
    </message>
    <message>
        <source>No app integration matches the search.</source>
        <translation>Aucune intégration d&apos;application ne correspond à la recherche.</translation>
    </message>
</context>
<context>
    <name>wf::ui::AuthEditor</name>
    <message>
        <source>No auth</source>
        <translation>Sans authentification</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>Jeton client</translation>
    </message>
    <message>
        <source>OAuth 2.0 (client credentials, private_key_jwt)</source>
        <translation>OAuth 2.0 (identifiants client, private_key_jwt)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <source>The request is sent without credentials: fine for flows whose security level is None (public service).</source>
        <translation>La requête est envoyée sans identifiants&#xa0;: cela convient aux flux dont le niveau de sécurité est «&#xa0;Aucune (service public)&#xa0;».</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Query parameter clientToken</source>
        <translation>Paramètre de re&amp;quête clientToken</translation>
    </message>
    <message>
        <source>&amp;Header x-api-client-token</source>
        <translation>&amp;En-tête x-api-client-token</translation>
    </message>
    <message>
        <source>{{clientToken}} is the token of the flow the request was opened for, read from the keychain when the request is sent. A token in the query ends up in server and proxy logs; the header keeps it out of them.</source>
        <translation>{{clientToken}} est le jeton du flux pour lequel la requête a été ouverte, lu dans le trousseau à l&apos;envoi de la requête. Un jeton placé dans la chaîne de requête finit dans les journaux du serveur et des proxys&#xa0;; l&apos;en-tête l&apos;en préserve.</translation>
    </message>
    <message>
        <source>Send in:</source>
        <translation>Transmettre dans&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>An app integration&apos;s key &amp;kept in the keychain</source>
        <translation>Une clé d&apos;intégration d&apos;application &amp;conservée dans le trousseau</translation>
    </message>
    <message>
        <source>A client id and a private key &amp;pasted here</source>
        <translation>Un ID client et une clé privée collés &amp;ici</translation>
    </message>
    <message>
        <source>&amp;App:</source>
        <translation>&amp;Application&#xa0;:</translation>
    </message>
    <message>
        <source>K&amp;ey:</source>
        <translation>C&amp;lé&#xa0;:</translation>
    </message>
    <message>
        <source>Private key: a JWK or PEM. Kept in memory only, never saved.</source>
        <translation>Clé privée au format JWK ou PEM. Conservée en mémoire uniquement, jamais enregistrée.</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>I&amp;D client&#xa0;:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Clé &amp;privée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Get token</source>
        <translation>&amp;Obtenir un jeton</translation>
    </message>
    <message>
        <source>Signs a client assertion with a fresh jti and asks the token endpoint for an access token (a cached token is reused until it expires)</source>
        <translation>Signe une assertion client avec un nouveau jti et demande un jeton d&apos;accès au point de terminaison de jeton (un jeton en cache est réutilisé jusqu&apos;à son expiration)</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>Clé de signature&#xa0;:</translation>
    </message>
    <message>
        <source>Token &amp;URL:</source>
        <translation>&amp;URL de jeton&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>Po&amp;rtée&#xa0;:</translation>
    </message>
    <message>
        <source>An access token, or a variable such as {{accessToken}}</source>
        <translation>Un jeton d&apos;accès, ou une variable comme {{accessToken}}</translation>
    </message>
    <message>
        <source>Sent as Authorization: Bearer. A literal token is not kept in the tester&apos;s history or collections; a {{variable}} is.</source>
        <translation>Envoyé comme Authorization: Bearer. Un jeton écrit en clair n&apos;est conservé ni dans l&apos;historique ni dans les collections du testeur&#xa0;; une {{variable}} l&apos;est.</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (not in this workspace)</source>
        <translation>%1 (absente de cet espace de travail)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <source>%1 (scope not granted)</source>
        <translation>%1 (portée non accordée)</translation>
    </message>
    <message>
        <source>%1 (not in this app)</source>
        <translation>%1 (absente de cette application)</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expire le %1</translation>
    </message>
    <message>
        <source>Cached token, %1 (%2 s left).</source>
        <translation>Jeton en cache, %1 (reste %2 s).</translation>
    </message>
    <message>
        <source>New token, %1.</source>
        <translation>Nouveau jeton, %1.</translation>
    </message>
    <message>
        <source>Getting a token...</source>
        <translation>Obtention d&apos;un jeton...</translation>
    </message>
</context>
<context>
    <name>wf::ui::BindingEditor</name>
    <message>
        <source>key path inside the output (optional), e.g. address.city</source>
        <translation>chemin de clé dans la sortie (facultatif), p. ex. address.city</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>aucune valeur</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Constante</translation>
    </message>
    <message>
        <source>%1 can never become %2</source>
        <translation>%1 ne peut jamais devenir %2</translation>
    </message>
    <message>
        <source>%1 (not available here)</source>
        <translation>%1 (non disponible ici)</translation>
    </message>
</context>
<context>
    <name>wf::ui::BlockListEditor</name>
    <message>
        <source>Add block</source>
        <translation>Ajouter un bloc</translation>
    </message>
    <message>
        <source>Add a block with its own condition before the otherwise block</source>
        <translation>Ajouter un bloc avec sa propre condition avant le bloc «&#xa0;sinon&#xa0;»</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Bloc %1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Otherwise (runs when no condition above holds)</source>
        <translation>Sinon (s&apos;exécute quand aucune condition ci-dessus n&apos;est remplie)</translation>
    </message>
    <message>
        <source>compare as</source>
        <translation>comparer en tant que</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>Retirer le bloc</translation>
    </message>
    <message>
        <source>Remove this block and the cards in it</source>
        <translation>Retirer ce bloc et les cartes qu&apos;il contient</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardCatalogueDialog</name>
    <message>
        <source>Add card</source>
        <translation>Ajouter une carte</translation>
    </message>
    <message>
        <source>Search cards: name, category or function id</source>
        <translation>Rechercher des cartes&#xa0;: nom, catégorie ou id de fonction</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Function id</source>
        <translation>Id de fonction</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardFrame</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ ran</source>
        <translation>✓ exécutée</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ en échec</translation>
    </message>
    <message>
        <source>This card ran in the last test</source>
        <translation>Cette carte s&apos;est exécutée lors du dernier test</translation>
    </message>
    <message>
        <source>This card failed in the last test</source>
        <translation>Cette carte a échoué lors du dernier test</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardInspector</name>
    <message>
        <source>Select a card to edit its inputs and outputs.</source>
        <translation>Sélectionnez une carte pour modifier ses entrées et ses sorties.</translation>
    </message>
    <message>
        <source>Open a flow to edit it.</source>
        <translation>Ouvrez un flux pour le modifier.</translation>
    </message>
    <message>
        <source>Helper Flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>Point de terminaison d&apos;API</translation>
    </message>
    <message>
        <source>The inputs Call Flow, For Each and Map pass in; each is an output of this card (event.&lt;name&gt;).</source>
        <translation>Les entrées que transmettent Call Flow, For Each et Map&#xa0;; chacune est une sortie de cette carte (event.&lt;name&gt;).</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Declare the fields the flow reads from the request; each becomes an output (event.body.&lt;name&gt;, ...). raw.* and context.* are always there.</source>
        <translation>Déclarez les champs que le flux lit dans la requête&#xa0;; chacun devient une sortie (event.body.&lt;name&gt;, ...). raw.* et context.* sont toujours présents.</translation>
    </message>
    <message>
        <source>Body fields</source>
        <translation>Champs du corps</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Paramètres de requête</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Endpoint settings…</source>
        <translation>Paramètres du point de terminaison…</translation>
    </message>
    <message>
        <source>Add field %1</source>
        <translation>Ajouter le champ %1</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Retirer le champ</translation>
    </message>
    <message>
        <source>Rename field %1 to %2</source>
        <translation>Renommer le champ %1 en %2</translation>
    </message>
    <message>
        <source>Change field type</source>
        <translation>Changer le type du champ</translation>
    </message>
    <message>
        <source>Unknown function %1</source>
        <translation>Fonction inconnue %1</translation>
    </message>
    <message>
        <source>Rename card</source>
        <translation>Renommer la carte</translation>
    </message>
    <message>
        <source>Later cards name this card&apos;s outputs with it (%1.output)</source>
        <translation>Les cartes suivantes désignent les sorties de cette carte par cet id (%1.output)</translation>
    </message>
    <message>
        <source>Change card id to %1</source>
        <translation>Changer l&apos;id de la carte en %1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Bind %1</source>
        <translation>Lier %1</translation>
    </message>
    <message>
        <source>Fields of the answer</source>
        <translation>Champs de la réponse</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Each field fills the {{name}} placeholders of the template.</source>
        <translation>Chaque champ remplit les emplacements {{name}} du modèle.</translation>
    </message>
    <message>
        <source>Each field becomes an output of the same name.</source>
        <translation>Chaque champ devient une sortie du même nom.</translation>
    </message>
    <message>
        <source>Bind field</source>
        <translation>Lier le champ</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>A Return inside a block sets these outputs, by name.</source>
        <translation>Un Return dans un bloc définit ces sorties, par leur nom.</translation>
    </message>
    <message>
        <source>The resume request&apos;s JSON body fields, by name.</source>
        <translation>Les champs du corps JSON de la requête de reprise, par leur nom.</translation>
    </message>
    <message>
        <source>path, e.g. address.city</source>
        <translation>chemin, p. ex. address.city</translation>
    </message>
    <message>
        <source>Add output %1</source>
        <translation>Ajouter la sortie %1</translation>
    </message>
    <message>
        <source>Remove output</source>
        <translation>Retirer la sortie</translation>
    </message>
    <message>
        <source>Rename output %1 to %2</source>
        <translation>Renommer la sortie %1 en %2</translation>
    </message>
    <message>
        <source>Change output type</source>
        <translation>Changer le type de la sortie</translation>
    </message>
    <message>
        <source>Change path</source>
        <translation>Changer le chemin</translation>
    </message>
    <message>
        <source>Helper flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>Choose a helper flow</source>
        <translation>Choisissez un flux d&apos;assistance</translation>
    </message>
    <message>
        <source>%1 (no such helper flow)</source>
        <translation>%1 (flux d&apos;assistance introuvable)</translation>
    </message>
    <message>
        <source>Choose helper flow</source>
        <translation>Choisir le flux d&apos;assistance</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Helper input for the item</source>
        <translation>Entrée du flux d&apos;assistance pour l&apos;élément</translation>
    </message>
    <message>
        <source>Helper input for the index</source>
        <translation>Entrée du flux d&apos;assistance pour l&apos;index</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocs</translation>
    </message>
    <message>
        <source>Rename block</source>
        <translation>Renommer le bloc</translation>
    </message>
    <message>
        <source>Make the last block the otherwise block</source>
        <translation>Faire du dernier bloc le bloc «&#xa0;sinon&#xa0;»</translation>
    </message>
    <message>
        <source>Give the last block a condition</source>
        <translation>Donner une condition au dernier bloc</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>Ajouter un bloc</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>Retirer le bloc</translation>
    </message>
    <message>
        <source>Change condition</source>
        <translation>Changer la condition</translation>
    </message>
</context>
<context>
    <name>wf::ui::CardWidget</name>
    <message>
        <source>unknown function %1 · %2</source>
        <translation>fonction inconnue %1 · %2</translation>
    </message>
    <message>
        <source>Helper Flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>Point de terminaison d&apos;API</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>par défaut %1</translation>
    </message>
    <message>
        <source>Not set: choose an earlier output or type a constant in the inspector, or drop an output here</source>
        <translation>Non défini&#xa0;: choisissez une sortie précédente ou saisissez une constante dans l&apos;inspecteur, ou déposez une sortie ici</translation>
    </message>
    <message>
        <source>No fields yet: add them in the inspector.</source>
        <translation>Aucun champ pour l&apos;instant&#xa0;: ajoutez-les dans l&apos;inspecteur.</translation>
    </message>
    <message>
        <source>INPUTS</source>
        <translation>ENTRÉES</translation>
    </message>
    <message>
        <source>OUTPUTS</source>
        <translation>SORTIES</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>bloc %1</translation>
    </message>
    <message>
        <source> (otherwise)</source>
        <translation> (sinon)</translation>
    </message>
    <message>
        <source>+ Add card</source>
        <translation>+ Ajouter une carte</translation>
    </message>
    <message>
        <source>Add a card at the end of this block</source>
        <translation>Ajouter une carte à la fin de ce bloc</translation>
    </message>
</context>
<context>
    <name>wf::ui::CataloguePage</name>
    <message>
        <source>Filter cards</source>
        <translation>Filtrer les cartes</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Function id</source>
        <translation>Id de fonction</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>…and the inputs the flow declares</source>
        <translation>…et les entrées que le flux déclare</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>…and the outputs the flow declares</source>
        <translation>…et les sorties que le flux déclare</translation>
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
        <translation>%1 — %2 (%3)</translation>
    </message>
</context>
<context>
    <name>wf::ui::ChipMultiSelect</name>
    <message>
        <source>Type to filter, Enter to add</source>
        <translation>Tapez pour filtrer, Entrée pour ajouter</translation>
    </message>
    <message>
        <source>Show every choice</source>
        <translation>Afficher tous les choix</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (inconnu)</translation>
    </message>
    <message>
        <source>No item has this id any more. Remove it or keep it for when it comes back.</source>
        <translation>Plus aucun élément n&apos;a cet id. Retirez-le, ou gardez-le pour le jour où il reviendra.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::ConsoleSession</name>
    <message>
        <source>workspace.json was changed by another program and has problems; the console keeps the version it had: %1</source>
        <translation>workspace.json a été modifié par un autre programme et comporte des problèmes&#xa0;; la console conserve la version qu&apos;elle avait&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::CopyableField</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>wf::ui::CreateAppWizard</name>
    <message>
        <source>Create a new app integration</source>
        <translation>Créer une nouvelle intégration d&apos;application</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Méthode de connexion</translation>
    </message>
    <message>
        <source>Choose how the app integration signs in.</source>
        <translation>Choisissez comment l&apos;intégration d&apos;application se connecte.</translation>
    </message>
    <message>
        <source>API Services</source>
        <translation>Services API</translation>
    </message>
    <message>
        <source>Interact with the API endpoints of this org&apos;s flows using scoped OAuth 2.0 access tokens, for machine-to-machine authentication: the client signs a JWT with its private key and gets a token for it.</source>
        <translation>Interagissez avec les points de terminaison d&apos;API des flux de cette org au moyen de jetons d&apos;accès OAuth 2.0 à portée limitée, pour une authentification de machine à machine&#xa0;: le client signe un JWT avec sa clé privée et obtient un jeton en échange.</translation>
    </message>
    <message>
        <source>My API Services App</source>
        <translation>Mon application Services API</translation>
    </message>
    <message>
        <source>New API Services App Integration</source>
        <translation>Nouvelle intégration d&apos;application Services API</translation>
    </message>
    <message>
        <source>Name the app integration. You add its keys and grant its scopes on its page.</source>
        <translation>Nommez l&apos;intégration d&apos;application. Vous ajouterez ses clés et lui accorderez des portées sur sa page.</translation>
    </message>
    <message>
        <source>App integration name</source>
        <translation>Nom de l&apos;intégration d&apos;application</translation>
    </message>
</context>
<context>
    <name>wf::ui::EndpointSettingsDialog</name>
    <message>
        <source>API endpoint settings</source>
        <translation>Paramètres du point de terminaison d&apos;API</translation>
    </message>
    <message>
        <source>There is no API endpoint flow &apos;%1&apos; in this workspace.</source>
        <translation>Il n&apos;y a pas de flux de point de terminaison d&apos;API «&#xa0;%1&#xa0;» dans cet espace de travail.</translation>
    </message>
    <message>
        <source>Security level</source>
        <translation>Niveau de sécurité</translation>
    </message>
    <message>
        <source>Secure with OAuth 2.0</source>
        <translation>Sécuriser avec OAuth 2.0</translation>
    </message>
    <message>
        <source>Secure with client token</source>
        <translation>Sécuriser avec un jeton client</translation>
    </message>
    <message>
        <source>None (public service)</source>
        <translation>Aucune (service public)</translation>
    </message>
    <message>
        <source>App integrations that can trigger the flow</source>
        <translation>Intégrations d&apos;application qui peuvent déclencher le flux</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Every app integration of the workspace with the okta.workflows.invoke.manage scope</source>
        <translation>Toutes les intégrations d&apos;application de l&apos;espace de travail qui ont la portée okta.workflows.invoke.manage</translation>
    </message>
    <message>
        <source>Select from list</source>
        <translation>Sélectionner dans la liste</translation>
    </message>
    <message>
        <source>Type an app integration&apos;s name or client id</source>
        <translation>Saisissez le nom ou l&apos;ID client d&apos;une intégration d&apos;application</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>Jeton client</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Callers pass the token in the clientToken query parameter (the default, as in the Invoke URL below) or, more safely, in the x-api-client-token header; never both.</source>
        <translation>Les appelants transmettent le jeton dans le paramètre de requête clientToken (par défaut, comme dans l&apos;URL d&apos;appel ci-dessous) ou, plus sûrement, dans l&apos;en-tête x-api-client-token&#xa0;; jamais les deux.</translation>
    </message>
    <message>
        <source>Resumes a paused execution: put the execution id (X-Execution-Id of the paused call) in place of {executionId}.</source>
        <translation>Reprend une exécution en pause&#xa0;: mettez l&apos;id de l&apos;exécution (X-Execution-Id de l&apos;appel mis en pause) à la place de {executionId}.</translation>
    </message>
    <message>
        <source>Invoke URL</source>
        <translation>URL d&apos;appel</translation>
    </message>
    <message>
        <source>Resume URL</source>
        <translation>URL de reprise</translation>
    </message>
    <message>
        <source>Open in request tester</source>
        <translation>Ouvrir dans le testeur de requêtes</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Callers send an access token from this workspace&apos;s authorization server (client credentials with a private key JWT), issued to an app integration with the okta.workflows.invoke.manage scope.</source>
        <translation>Les appelants envoient un jeton d&apos;accès du serveur d&apos;autorisations de cet espace de travail (identifiants client avec un JWT signé par clé privée), délivré à une intégration d&apos;application qui a la portée okta.workflows.invoke.manage.</translation>
    </message>
    <message>
        <source>Callers pass the flow&apos;s client token with each request.</source>
        <translation>Les appelants transmettent le jeton client du flux à chaque requête.</translation>
    </message>
    <message>
        <source>Anyone who has the Invoke URL can call the flow.</source>
        <translation>Quiconque dispose de l&apos;URL d&apos;appel peut appeler le flux.</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>scope %1 not granted</source>
        <translation>portée %1 non accordée</translation>
    </message>
    <message>
        <source>No app integration is chosen: every call will be refused.</source>
        <translation>Aucune intégration d&apos;application n&apos;est choisie&#xa0;: tous les appels seront refusés.</translation>
    </message>
    <message>
        <source>Unknown client ids (deleted app integrations): %1. No token can be issued to them.</source>
        <translation>ID client inconnus (intégrations d&apos;application supprimées)&#xa0;: %1. Aucun jeton ne peut leur être délivré.</translation>
    </message>
    <message>
        <source>Each chosen app integration needs the okta.workflows.invoke.manage scope.</source>
        <translation>Chaque intégration d&apos;application choisie doit avoir la portée okta.workflows.invoke.manage.</translation>
    </message>
    <message>
        <source>Any app integration with the okta.workflows.invoke.manage scope can call the flow.</source>
        <translation>Toute intégration d&apos;application qui a la portée okta.workflows.invoke.manage peut appeler le flux.</translation>
    </message>
    <message>
        <source>A new client token is made when the settings are applied</source>
        <translation>Un nouveau jeton client est créé quand les paramètres sont appliqués</translation>
    </message>
    <message>
        <source>Create token now</source>
        <translation>Créer le jeton maintenant</translation>
    </message>
    <message>
        <source>Apply the settings now, which makes the client token</source>
        <translation>Appliquer les paramètres maintenant, ce qui crée le jeton client</translation>
    </message>
    <message>
        <source>Make a new client token; the current one stops working at once</source>
        <translation>Créer un nouveau jeton client&#xa0;; l&apos;actuel cesse aussitôt de fonctionner</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Le trousseau n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not in this machine&apos;s keychain: regenerate to make a new one</source>
        <translation>Absent du trousseau de cette machine&#xa0;: régénérez-le pour en créer un nouveau</translation>
    </message>
    <message>
        <source>Get an access token from %1, then call the Invoke URL with Authorization: Bearer &lt;access token&gt;.</source>
        <translation>Obtenez un jeton d&apos;accès auprès de %1, puis appelez l&apos;URL d&apos;appel avec Authorization: Bearer &lt;access token&gt;.</translation>
    </message>
    <message>
        <source>GET or POST; use POST to send data in the body.</source>
        <translation>GET ou POST&#xa0;; utilisez POST pour envoyer des données dans le corps.</translation>
    </message>
    <message>
        <source>Regenerate the client token?</source>
        <translation>Régénérer le jeton client&#xa0;?</translation>
    </message>
    <message>
        <source>The current client token of &apos;%1&apos; stops working at once: every caller must be given the new one.</source>
        <translation>Le jeton client actuel de «&#xa0;%1&#xa0;» cesse aussitôt de fonctionner&#xa0;: chaque appelant devra recevoir le nouveau.</translation>
    </message>
    <message>
        <source>The client token could not be regenerated: %1</source>
        <translation>Le jeton client n&apos;a pas pu être régénéré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; is no longer in this workspace; there is nothing to apply.</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;est plus dans cet espace de travail&#xa0;; il n&apos;y a rien à appliquer.</translation>
    </message>
    <message>
        <source>the flow &apos;%1&apos; no longer exists</source>
        <translation>le flux «&#xa0;%1&#xa0;» n&apos;existe plus</translation>
    </message>
    <message>
        <source>The endpoint settings could not be saved: %1</source>
        <translation>Les paramètres du point de terminaison n&apos;ont pas pu être enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was deleted; its settings can no longer be applied.</source>
        <translation>Le flux «&#xa0;%1&#xa0;» a été supprimé&#xa0;; ses paramètres ne peuvent plus être appliqués.</translation>
    </message>
</context>
<context>
    <name>wf::ui::EnvironmentDialog</name>
    <message>
        <source>Request tester variables</source>
        <translation>Variables du testeur de requêtes</translation>
    </message>
    <message>
        <source>Write {{name}} in a URL, parameter, header, body or auth field to use a variable. The tester provides {{baseUrl}} (the server: %1) and, for a request opened for a client-token flow, {{clientToken}} (that flow&apos;s token); a variable defined here named baseUrl takes the place of the server&apos;s.</source>
        <translation>Écrivez {{name}} dans une URL, un paramètre, un en-tête, un corps ou un champ d&apos;authentification pour utiliser une variable. Le testeur fournit {{baseUrl}} (le serveur&#xa0;: %1) et, pour une requête ouverte pour un flux sécurisé par jeton client, {{clientToken}} (le jeton de ce flux)&#xa0;; une variable baseUrl définie ici remplace celle du serveur.</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>pas à l&apos;écoute</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Show &amp;secret values</source>
        <translation>Afficher les valeurs &amp;secrètes</translation>
    </message>
    <message>
        <source>Keep the value in the keychain and mask it</source>
        <translation>Conserver la valeur dans le trousseau et la masquer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a variable name: use letters, digits, _, - and . (at most 64).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de variable&#xa0;: utilisez des lettres, des chiffres, _, - et . (64 au plus).</translation>
    </message>
    <message>
        <source>%1 is defined twice.</source>
        <translation>%1 est définie deux fois.</translation>
    </message>
</context>
<context>
    <name>wf::ui::EventCardWidget</name>
    <message>
        <source>Helper Flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>Point de terminaison d&apos;API</translation>
    </message>
    <message>
        <source>Event · called by Call Flow, For Each and Map</source>
        <translation>Événement · appelé par Call Flow, For Each et Map</translation>
    </message>
    <message>
        <source>Event · %1</source>
        <translation>Événement · %1</translation>
    </message>
    <message>
        <source>Endpoint settings</source>
        <translation>Paramètres du point de terminaison</translation>
    </message>
    <message>
        <source>Security level, allowed app integrations, client token, Invoke and Resume URLs</source>
        <translation>Niveau de sécurité, intégrations d&apos;application autorisées, jeton client, URL d&apos;appel et de reprise</translation>
    </message>
    <message>
        <source>No inputs declared yet: add them in the inspector.</source>
        <translation>Aucune entrée déclarée pour l&apos;instant&#xa0;: ajoutez-les dans l&apos;inspecteur.</translation>
    </message>
</context>
<context>
    <name>wf::ui::ExecutionDetails</name>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Body truncated: history kept the first %1 of %2 bytes.</source>
        <translation>Corps tronqué&#xa0;: l&apos;historique a conservé les %1 premiers octets sur %2.</translation>
    </message>
    <message>
        <source>No body.</source>
        <translation>Aucun corps.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <source>Select an execution to see its request, response and trace.</source>
        <translation>Sélectionnez une exécution pour voir sa requête, sa réponse et sa trace.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the execution id</source>
        <translation>Copier l&apos;id de l&apos;exécution</translation>
    </message>
    <message>
        <source>Resume...</source>
        <translation>Reprendre...</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation>Annuler l&apos;exécution</translation>
    </message>
    <message>
        <source>Flow:</source>
        <translation>Flux&#xa0;:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Début&#xa0;:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>Appelant&#xa0;:</translation>
    </message>
    <message>
        <source>Retry of:</source>
        <translation>Relance de&#xa0;:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur&#xa0;:</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>Exécution %1</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>en cours depuis %1</translation>
    </message>
    <message>
        <source>The request, the response and the trace are shown once the execution has ended.</source>
        <translation>La requête, la réponse et la trace s&apos;affichent une fois l&apos;exécution terminée.</translation>
    </message>
    <message>
        <source>No response yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message>
        <source>The trace is shown once the execution has ended.</source>
        <translation>La trace s&apos;affiche une fois l&apos;exécution terminée.</translation>
    </message>
    <message>
        <source>Trace not saved: this flow does not save all data. Turn on &quot;Save all data&quot; in the flow&apos;s settings to keep the trace of its next executions.</source>
        <translation>Trace non enregistrée&#xa0;: ce flux n&apos;enregistre pas toutes les données. Activez «&#xa0;Save all data&#xa0;» dans les paramètres du flux pour conserver la trace de ses prochaines exécutions.</translation>
    </message>
    <message>
        <source>No trace: no card ran in this execution.</source>
        <translation>Aucune trace&#xa0;: aucune carte ne s&apos;est exécutée lors de cette exécution.</translation>
    </message>
    <message numerus="yes">
        <source>Trace truncated: history kept the first %n card(s) only.</source>
        <translation>
            <numerusform>Trace tronquée&#xa0;: l&apos;historique n&apos;a conservé que %n carte, la première.</numerusform>
            <numerusform>Trace tronquée&#xa0;: l&apos;historique n&apos;a conservé que les %n premières cartes.</numerusform>
        </translation>
    </message>
    <message>
        <source>resume</source>
        <translation>reprendre</translation>
    </message>
    <message>
        <source>Only paused executions can be resumed.</source>
        <translation>Seules les exécutions en pause peuvent être reprises.</translation>
    </message>
    <message>
        <source>Resume this paused execution with a JSON body, as its Resume URL would.</source>
        <translation>Reprendre cette exécution en pause avec un corps JSON, comme le ferait son URL de reprise.</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>relancer</translation>
    </message>
    <message>
        <source>Only failed or timed-out executions can be retried.</source>
        <translation>Seules les exécutions en échec ou expirées peuvent être relancées.</translation>
    </message>
    <message>
        <source>Run the flow again with the recorded request, as a new execution.</source>
        <translation>Exécuter de nouveau le flux avec la requête enregistrée, comme une nouvelle exécution.</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>annuler</translation>
    </message>
    <message>
        <source>Only executions in progress can be canceled.</source>
        <translation>Seules les exécutions en cours peuvent être annulées.</translation>
    </message>
    <message>
        <source>Stop this execution at its next card boundary.</source>
        <translation>Arrêter cette exécution avant sa prochaine carte.</translation>
    </message>
    <message>
        <source>The server is not running: start it (Server menu or status bar) to %1 executions.</source>
        <translation>Le serveur n&apos;est pas démarré&#xa0;: démarrez-le (menu Serveur ou barre d&apos;état) pour %1 des exécutions.</translation>
    </message>
</context>
<context>
    <name>wf::ui::FieldListEditor</name>
    <message>
        <source>Add field</source>
        <translation>Ajouter un champ</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Remove this field</source>
        <translation>Retirer ce champ</translation>
    </message>
    <message>
        <source>A field needs a name.</source>
        <translation>Un champ doit avoir un nom.</translation>
    </message>
    <message>
        <source>Another field is called &apos;%1&apos;.</source>
        <translation>Un autre champ s&apos;appelle «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowCanvas</name>
    <message>
        <source>+ Add card</source>
        <translation>+ Ajouter une carte</translation>
    </message>
    <message>
        <source>Add a card at the end of the flow</source>
        <translation>Ajouter une carte à la fin du flux</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowEditorPage</name>
    <message>
        <source>Helper Flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>API Endpoint</source>
        <translation>Point de terminaison d&apos;API</translation>
    </message>
    <message>
        <source>Choose a flow to edit it.</source>
        <translation>Choisissez un flux à modifier.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Test flow</source>
        <translation>Tester le flux</translation>
    </message>
    <message>
        <source>Bind %1 to %2</source>
        <translation>Lier %1 à %2</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>Déplacer la carte</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Ajouter une carte</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>There is no flow &apos;%1&apos; in this workspace.</source>
        <translation>Il n&apos;y a pas de flux «&#xa0;%1&#xa0;» dans cet espace de travail.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Helper flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was deleted.</source>
        <translation>Le flux «&#xa0;%1&#xa0;» a été supprimé.</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problèmes (%1)</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; is no longer in the workspace.</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;est plus dans l&apos;espace de travail.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not saved yet: fix the %n problem(s) first</source>
        <translation>
            <numerusform>Pas encore enregistré&#xa0;: corrigez d&apos;abord %n problème</numerusform>
            <numerusform>Pas encore enregistré&#xa0;: corrigez d&apos;abord les %n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Move card up</source>
        <translation>Monter la carte</translation>
    </message>
    <message>
        <source>Move card down</source>
        <translation>Descendre la carte</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rétablir&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowListModel</name>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Helper flow</source>
        <translation>Flux d&apos;assistance</translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation>Point de terminaison d&apos;API</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Security level</source>
        <translation>Niveau de sécurité</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Dernière exécution</translation>
    </message>
    <message>
        <source>Last status</source>
        <translation>Dernier statut</translation>
    </message>
    <message>
        <source>A flow needs a name.</source>
        <translation>Un flux doit avoir un nom.</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; no longer exists.</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The change to &apos;%1&apos; was not saved: %2</source>
        <translation>La modification de «&#xa0;%1&#xa0;» n&apos;a pas été enregistrée&#xa0;: %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Aujourd&apos;hui %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Hier %1</translation>
    </message>
    <message>
        <source>Secure with client token</source>
        <translation>Sécuriser avec un jeton client</translation>
    </message>
    <message>
        <source>Secure with OAuth 2.0</source>
        <translation>Sécuriser avec OAuth 2.0</translation>
    </message>
    <message>
        <source>None (public service)</source>
        <translation>Aucune (service public)</translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowsPage</name>
    <message>
        <source>Flow files (*.json);;All files (*)</source>
        <translation>Fichiers de flux (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Filter by name, description or id</source>
        <translation>Filtrer par nom, description ou id</translation>
    </message>
    <message>
        <source>New flow</source>
        <translation>Nouveau flux</translation>
    </message>
    <message>
        <source>Import flow...</source>
        <translation>Importer...</translation>
    </message>
    <message>
        <source>Export flow...</source>
        <translation>Exporter...</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Endpoint settings...</source>
        <translation>Paramètres d&apos;API...</translation>
    </message>
    <message>
        <source>Show history</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Filter flows</source>
        <translation>Filtrer les flux</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No flows yet. Create one with New flow (Ctrl+N), or import a flow file.</source>
        <translation>Aucun flux pour l&apos;instant. Créez-en un avec Nouveau flux (Ctrl+N), ou importez un fichier de flux.</translation>
    </message>
    <message>
        <source>No flow matches “%1”.</source>
        <translation>Aucun flux ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was deleted.</source>
        <translation>Le flux «&#xa0;%1&#xa0;» a été supprimé.</translation>
    </message>
    <message>
        <source>Undo restores it with the same Invoke URL and a new client token (the old one was deleted with it).</source>
        <translation>Annuler le restaure avec la même URL d&apos;appel et un nouveau jeton client (l&apos;ancien a été supprimé avec lui).</translation>
    </message>
    <message>
        <source>Undo restores it with the same Invoke URL.</source>
        <translation>Annuler le restaure avec la même URL d&apos;appel.</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not added: %2</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;a pas été ajouté&#xa0;: %2</translation>
    </message>
    <message>
        <source>Name of the new flow:</source>
        <translation>Nom du nouveau flux&#xa0;:</translation>
    </message>
    <message>
        <source>A flow needs a name; no flow was created.</source>
        <translation>Un flux doit avoir un nom&#xa0;; aucun flux n&apos;a été créé.</translation>
    </message>
    <message>
        <source>Created the flow &apos;%1&apos;. It is off until you switch it on.</source>
        <translation>Flux «&#xa0;%1&#xa0;» créé. Il reste désactivé tant que vous ne l&apos;activez pas.</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Created &apos;%1&apos;, a copy of &apos;%2&apos;.</source>
        <translation>«&#xa0;%1&#xa0;» créé, copie de «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Created &apos;%1&apos;, a copy of &apos;%2&apos; with its own Invoke URL.</source>
        <translation>«&#xa0;%1&#xa0;» créé, copie de «&#xa0;%2&#xa0;» avec sa propre URL d&apos;appel.</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not deleted: it is called by %2. Change or delete those flows first.</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;a pas été supprimé&#xa0;: il est appelé par %2. Modifiez ou supprimez d&apos;abord ces flux.</translation>
    </message>
    <message>
        <source>Delete flow</source>
        <translation>Supprimer le flux</translation>
    </message>
    <message>
        <source>Delete the flow &apos;%1&apos;? Its Invoke URL stops answering. Its execution history is kept.</source>
        <translation>Supprimer le flux «&#xa0;%1&#xa0;»&#xa0;? Son URL d&apos;appel cesse de répondre. Son historique d&apos;exécution est conservé.</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not deleted: %2</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;a pas été supprimé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not restored: %2</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;a pas été restauré&#xa0;: %2</translation>
    </message>
    <message>
        <source>Restored the flow &apos;%1&apos;. Its client token is new: copy it from the endpoint settings.</source>
        <translation>Flux «&#xa0;%1&#xa0;» restauré. Son jeton client est nouveau&#xa0;: copiez-le depuis les paramètres du point de terminaison.</translation>
    </message>
    <message>
        <source>Restored the flow &apos;%1&apos;.</source>
        <translation>Flux «&#xa0;%1&#xa0;» restauré.</translation>
    </message>
    <message>
        <source>Import flow</source>
        <translation>Importer un flux</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 n&apos;a pas été importé&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 was not imported: a flow file is at most %2 MiB.</source>
        <translation>%1 n&apos;a pas été importé&#xa0;: un fichier de flux fait au plus %2 Mio.</translation>
    </message>
    <message numerus="yes">
        <source>%1 was not imported: %n problem(s).</source>
        <translation>
            <numerusform>%1 n&apos;a pas été importé&#xa0;: %n problème.</numerusform>
            <numerusform>%1 n&apos;a pas été importé&#xa0;: %n problèmes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported the flow &apos;%1&apos; from %2.</source>
        <translation>Flux «&#xa0;%1&#xa0;» importé depuis %2.</translation>
    </message>
    <message>
        <source>A flow with the id &apos;%1&apos; exists already: the imported one is &apos;%2&apos;.</source>
        <translation>Un flux ayant l&apos;id «&#xa0;%1&#xa0;» existe déjà&#xa0;: le flux importé est «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Export flow</source>
        <translation>Exporter le flux</translation>
    </message>
    <message>
        <source>The flow &apos;%1&apos; was not exported: %2</source>
        <translation>Le flux «&#xa0;%1&#xa0;» n&apos;a pas été exporté&#xa0;: %2</translation>
    </message>
    <message>
        <source>Exported the flow &apos;%1&apos; to %2.</source>
        <translation>Flux «&#xa0;%1&#xa0;» exporté vers %2.</translation>
    </message>
</context>
<context>
    <name>wf::ui::HistoryModel</name>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
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
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Invoke</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Relance</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Client token</source>
        <translation>Jeton client</translation>
    </message>
    <message>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
    <message>
        <source>unknown address</source>
        <translation>adresse inconnue</translation>
    </message>
</context>
<context>
    <name>wf::ui::HistoryPage</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Resume execution</source>
        <translation>Reprendre l&apos;exécution</translation>
    </message>
    <message>
        <source>JSON body for the Pause card&apos;s outputs (leave empty to resume without a body):</source>
        <translation>Corps JSON pour les sorties de la carte Pause (laissez vide pour reprendre sans corps)&#xa0;:</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Effacer l&apos;historique</translation>
    </message>
    <message>
        <source>History could not be read: %1</source>
        <translation>L&apos;historique n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Search bodies, trace, errors, path...</source>
        <translation>Rechercher&#xa0;: corps, trace, erreurs, chemin...</translation>
    </message>
    <message>
        <source>Read history again (F5)</source>
        <translation>Relire l&apos;historique (F5)</translation>
    </message>
    <message>
        <source>Flow:</source>
        <translation>Flux&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Charger plus</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>Tous les flux</translation>
    </message>
    <message>
        <source>Clear all history...</source>
        <translation>Effacer tout l&apos;historique...</translation>
    </message>
    <message>
        <source>Clear flow history...</source>
        <translation>Effacer l&apos;historique du flux...</translation>
    </message>
    <message>
        <source>Remove the executions of every flow from history</source>
        <translation>Retirer de l&apos;historique les exécutions de tous les flux</translation>
    </message>
    <message>
        <source>Remove the executions of %1 from history</source>
        <translation>Retirer de l&apos;historique les exécutions de %1</translation>
    </message>
    <message>
        <source>No executions.</source>
        <translation>Aucune exécution.</translation>
    </message>
    <message>
        <source>Showing %1 of %2 executions.</source>
        <translation>Exécutions affichées&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Load the next %1 older executions</source>
        <translation>Charger les %1 exécutions plus anciennes suivantes</translation>
    </message>
    <message>
        <source>Execution %1 is no longer in history.</source>
        <translation>L&apos;exécution %1 n&apos;est plus dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Execution %1 could not be read: %2</source>
        <translation>L&apos;exécution %1 n&apos;a pas pu être lue&#xa0;: %2</translation>
    </message>
    <message>
        <source>Execution %1 is not in history.</source>
        <translation>L&apos;exécution %1 n&apos;est pas dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Not resumed: the body is not JSON (%1 at offset %2).</source>
        <translation>Non reprise&#xa0;: le corps n&apos;est pas du JSON (%1 à la position %2).</translation>
    </message>
    <message>
        <source>Resume of %1 answered %2.</source>
        <translation>La reprise de %1 a répondu %2.</translation>
    </message>
    <message>
        <source>Retry of %1 answered %2.</source>
        <translation>La relance de %1 a répondu %2.</translation>
    </message>
    <message>
        <source>Retry of %1 ran as %2 and answered %3.</source>
        <translation>La relance de %1 s&apos;est exécutée en tant que %2 et a répondu %3.</translation>
    </message>
    <message>
        <source>Execution %1 stops at its next card.</source>
        <translation>L&apos;exécution %1 s&apos;arrête avant sa prochaine carte.</translation>
    </message>
    <message>
        <source>Execution %1 is no longer running.</source>
        <translation>L&apos;exécution %1 n&apos;est plus en cours.</translation>
    </message>
    <message>
        <source>Remove the executions of every flow from history? This cannot be undone.</source>
        <translation>Retirer de l&apos;historique les exécutions de tous les flux&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Remove the executions of &quot;%1&quot; from history? This cannot be undone.</source>
        <translation>Retirer de l&apos;historique les exécutions de «&#xa0;%1&#xa0;»&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Removed %1 executions from history.</source>
        <translation>Exécutions retirées de l&apos;historique&#xa0;: %1.</translation>
    </message>
    <message>
        <source>History was not cleared: %1</source>
        <translation>L&apos;historique n&apos;a pas été effacé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::JsonView</name>
    <message>
        <source>Fold all</source>
        <translation>Tout replier</translation>
    </message>
    <message>
        <source>Unfold all</source>
        <translation>Tout déplier</translation>
    </message>
</context>
<context>
    <name>wf::ui::KeyValueTable</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Retirer la ligne</translation>
    </message>
    <message>
        <source>Send this row</source>
        <translation>Envoyer cette ligne</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>Start or stop the server</source>
        <translation>Démarrer ou arrêter le serveur</translation>
    </message>
    <message>
        <source>Serve on another port...</source>
        <translation>Servir sur un autre port...</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Secrets: secrets.json in the workspace (no keychain)</source>
        <translation>Secrets&#xa0;: secrets.json dans l&apos;espace de travail (pas de trousseau)</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Serveur arrêté</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Server starting...</source>
        <translation>Démarrage du serveur...</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>À l&apos;écoute sur %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Server stopping...</source>
        <translation>Arrêt du serveur...</translation>
    </message>
    <message>
        <source>Server not running: %1</source>
        <translation>Serveur arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Use another port...</source>
        <translation>Utiliser un autre port...</translation>
    </message>
    <message>
        <source>Serve on another port</source>
        <translation>Servir sur un autre port</translation>
    </message>
    <message>
        <source>Port (0 picks any free port):</source>
        <translation>Port (0 choisit un port libre)&#xa0;:</translation>
    </message>
    <message>
        <source>The flow &quot;%1&quot; has problems, so its latest changes are not saved. Quit and lose them?</source>
        <translation>Le flux «&#xa0;%1&#xa0;» comporte des problèmes, ses dernières modifications ne sont donc pas enregistrées. Quitter et les perdre&#xa0;?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>Éditeur de flux</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Execution history</source>
        <translation>Historique d&apos;exécution</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Paramètres...</translation>
    </message>
    <message>
        <source>F&amp;low</source>
        <translation>F&amp;lux</translation>
    </message>
    <message>
        <source>Endpoint &amp;settings...</source>
        <translation>&amp;Paramètres du point de terminaison...</translation>
    </message>
    <message>
        <source>Request tester</source>
        <translation>Testeur de requêtes</translation>
    </message>
    <message>
        <source>Open in request &amp;tester</source>
        <translation>Ouvrir dans le &amp;testeur de requêtes</translation>
    </message>
</context>
<context>
    <name>wf::ui::OutputChip</name>
    <message>
        <source>%1 (%2): drag it onto an input of a later card to bind that input to it</source>
        <translation>%1 (%2)&#xa0;: faites-la glisser sur une entrée d&apos;une carte suivante pour y lier cette entrée</translation>
    </message>
</context>
<context>
    <name>wf::ui::PrivateKeyDialog</name>
    <message>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <source>A new %1 key was added to &lt;b&gt;%2&lt;/b&gt; with key ID &lt;code&gt;%3&lt;/code&gt;.</source>
        <translation>Une nouvelle clé %1 a été ajoutée à &lt;b&gt;%2&lt;/b&gt; avec l&apos;ID de clé &lt;code&gt;%3&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Copy this private key now: it is shown only once and cannot be shown again. Your client signs its JWT assertions with it; the server keeps only the public key.</source>
        <translation>Copiez cette clé privée maintenant&#xa0;: elle ne s&apos;affiche qu&apos;une fois et ne pourra plus être affichée. Votre client signe ses assertions JWT avec elle&#xa0;; le serveur ne conserve que la clé publique.</translation>
    </message>
    <message>
        <source>Keep in keychain for the request tester</source>
        <translation>Conserver dans le trousseau pour le testeur de requêtes</translation>
    </message>
    <message>
        <source>The request tester and `wfconsole token --app` can then sign assertions with this key. Kept in the secret store of this workspace (%1).</source>
        <translation>Le testeur de requêtes et `wfconsole token --app` pourront alors signer des assertions avec cette clé. Conservée dans le magasin de secrets de cet espace de travail (%1).</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
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
        <translation>Copier</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>This key cannot be written in this format.</source>
        <translation>Cette clé ne peut pas être écrite dans ce format.</translation>
    </message>
    <message>
        <source>PEM copied</source>
        <translation>PEM copiée</translation>
    </message>
    <message>
        <source>JWK copied</source>
        <translation>JWK copiée</translation>
    </message>
    <message>
        <source>The private key could not be kept: %1</source>
        <translation>La clé privée n&apos;a pas pu être conservée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::ProblemListModel</name>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>wf::ui::RequestEditor</name>
    <message>
        <source>Any method: flows answer GET and POST, others get 405</source>
        <translation>N&apos;importe quelle méthode&#xa0;: les flux répondent à GET et POST, les autres reçoivent 405</translation>
    </message>
    <message>
        <source>{{baseUrl}}/api/flo/... (or paste a cURL command)</source>
        <translation>{{baseUrl}}/api/flo/... (ou collez une commande cURL)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>En&amp;voyer</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>Envoyer la requête (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Stop waiting for the answer (Esc)</source>
        <translation>Ne plus attendre la réponse (Échap)</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>paramètre</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>header</source>
        <translation>en-tête</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Aucun</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Formulaire</translation>
    </message>
    <message>
        <source>&amp;Raw text</source>
        <translation>Texte &amp;brut</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormater</translation>
    </message>
    <message>
        <source>Indent the JSON body (Ctrl+Shift+F)</source>
        <translation>Indenter le corps JSON (Ctrl+Maj+F)</translation>
    </message>
    <message>
        <source>This request has no body.</source>
        <translation>Cette requête n&apos;a pas de corps.</translation>
    </message>
    <message>
        <source>field</source>
        <translation>champ</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3</source>
        <translation>JSON non valide à la ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Body ●</source>
        <translation>Corps ●</translation>
    </message>
    <message>
        <source>Auth ●</source>
        <translation>Authentification ●</translation>
    </message>
    <message>
        <source>Could not read the cURL command: %1</source>
        <translation>La commande cURL n&apos;a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loaded the cURL command as a request.</source>
        <translation>Commande cURL chargée comme requête.</translation>
    </message>
</context>
<context>
    <name>wf::ui::ResponseView</name>
    <message>
        <source>Getting an access token...</source>
        <translation>Obtention d&apos;un jeton d&apos;accès...</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>Envoi...</translation>
    </message>
    <message>
        <source>Receiving the answer...</source>
        <translation>Réception de la réponse...</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.d.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open e&amp;xecution</source>
        <translation>Ouvrir l&apos;e&amp;xécution</translation>
    </message>
    <message>
        <source>Show the execution named by X-Execution-Id in Execution history</source>
        <translation>Afficher l&apos;exécution désignée par X-Execution-Id dans l&apos;historique d&apos;exécution</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>Mise en forme</translation>
    </message>
    <message>
        <source>Pretty JSON (folding, highlighting) or the raw bytes</source>
        <translation>JSON mis en forme (repli, coloration) ou octets bruts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>Requête envoyée</translation>
    </message>
    <message>
        <source>No request sent yet. Press Send (Ctrl+Enter).</source>
        <translation>Aucune requête envoyée pour l&apos;instant. Appuyez sur Envoyer (Ctrl+Entrée).</translation>
    </message>
    <message>
        <source>The first answer was 401: the cached token was dropped, a new one fetched and the request sent once more.</source>
        <translation>La première réponse était 401&#xa0;: le jeton en cache a été abandonné, un nouveau jeton obtenu et la requête envoyée une nouvelle fois.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Aucune réponse</translation>
    </message>
    <message>
        <source>Time %1</source>
        <translation>Durée %1</translation>
    </message>
    <message>
        <source>DNS: %1
Connect: %2
First byte: %3
Total: %4
Access token: %5</source>
        <translation>DNS&#xa0;: %1
Connexion&#xa0;: %2
Premier octet&#xa0;: %3
Total&#xa0;: %4
Jeton d&apos;accès&#xa0;: %5</translation>
    </message>
    <message>
        <source>Size %1</source>
        <translation>Taille %1</translation>
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
        <translation>Carte</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>wf::ui::SecretField</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>Not in this machine&apos;s keychain</source>
        <translation>Absent du trousseau de cette machine</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Mask the value</source>
        <translation>Masquer la valeur</translation>
    </message>
    <message>
        <source>Show the value</source>
        <translation>Afficher la valeur</translation>
    </message>
</context>
<context>
    <name>wf::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>127.0.0.1 serves this computer only; 0.0.0.0 serves every network.</source>
        <translation>127.0.0.1 ne sert que cet ordinateur&#xa0;; 0.0.0.0 sert tous les réseaux.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>Public &amp;base URL:</source>
        <translation>&amp;URL de base publique&#xa0;:</translation>
    </message>
    <message>
        <source>Empty: made of the host and the port</source>
        <translation>Vide&#xa0;: formée de l&apos;hôte et du port</translation>
    </message>
    <message>
        <source>The address callers use, when it is not the host and port served (behind a proxy). Every URL shown and the token issuer derive from it.</source>
        <translation>L&apos;adresse qu&apos;utilisent les appelants, quand ce n&apos;est pas l&apos;hôte et le port servis (derrière un proxy). Toutes les URL affichées et l&apos;émetteur des jetons en dérivent.</translation>
    </message>
    <message>
        <source>TLS &amp;certificate:</source>
        <translation>&amp;Certificat TLS&#xa0;:</translation>
    </message>
    <message>
        <source>None: plain HTTP</source>
        <translation>Aucun&#xa0;: HTTP simple</translation>
    </message>
    <message>
        <source>TLS private &amp;key:</source>
        <translation>Clé pri&amp;vée TLS&#xa0;:</translation>
    </message>
    <message>
        <source>The certificate&apos;s unencrypted PEM key</source>
        <translation>La clé PEM non chiffrée du certificat</translation>
    </message>
    <message>
        <source>Choose the TLS certificate (PEM)</source>
        <translation>Choisir le certificat TLS (PEM)</translation>
    </message>
    <message>
        <source>Choose the TLS private key (PEM)</source>
        <translation>Choisir la clé privée TLS (PEM)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <source>Changing the host, port, certificate or body limit restarts the server.</source>
        <translation>Modifier l&apos;hôte, le port, le certificat ou la limite du corps redémarre le serveur.</translation>
    </message>
    <message>
        <source>Limits and history</source>
        <translation>Limites et historique</translation>
    </message>
    <message>
        <source>Request &amp;body limit:</source>
        <translation>Limite du c&amp;orps de requête&#xa0;:</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>Limite de &amp;débit&#xa0;:</translation>
    </message>
    <message>
        <source>calls per second per flow (0: no limit)</source>
        <translation>appels par seconde et par flux (0&#xa0;: pas de limite)</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>Délai d&apos;e&amp;xpiration&#xa0;:</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Keep &amp;history for:</source>
        <translation>Conserver l&apos;histori&amp;que pendant&#xa0;:</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Keep pa&amp;used executions for:</source>
        <translation>Conserver les exécutions en pau&amp;se pendant&#xa0;:</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Applied the next time the console starts.</source>
        <translation>Appliquée au prochain démarrage de la console.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apparence&#xa0;:</translation>
    </message>
    <message>
        <source>Enter an IP address to listen on, such as 127.0.0.1 (this computer only), 0.0.0.0 (every network) or ::1.</source>
        <translation>Saisissez une adresse IP d&apos;écoute, comme 127.0.0.1 (cet ordinateur seulement), 0.0.0.0 (tous les réseaux) ou&#xa0;::1.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>Saisissez un port de 1 à 65535.</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address without a query, such as https://flows.example.com, or leave it empty.</source>
        <translation>Saisissez une adresse http:// ou https:// sans requête, comme https://flows.example.com, ou laissez le champ vide.</translation>
    </message>
    <message>
        <source>Enter a size in MiB greater than 0, such as 10 or 0.5.</source>
        <translation>Saisissez une taille en Mio supérieure à 0, comme 10 ou 0,5.</translation>
    </message>
    <message>
        <source>Enter a number of calls per second, 0 or more (0 switches the limit off).</source>
        <translation>Saisissez un nombre d&apos;appels par seconde, 0 ou plus (0 désactive la limite).</translation>
    </message>
    <message>
        <source>Enter a number of seconds from 1 to 86400.</source>
        <translation>Saisissez un nombre de secondes de 1 à 86400.</translation>
    </message>
    <message>
        <source>Enter a number of days from 1 to 36500.</source>
        <translation>Saisissez un nombre de jours de 1 à 36500.</translation>
    </message>
    <message>
        <source>Choose both the certificate and its private key, or neither.</source>
        <translation>Choisissez à la fois le certificat et sa clé privée, ou aucun des deux.</translation>
    </message>
    <message>
        <source>This certificate and key cannot be used: %1</source>
        <translation>Ce certificat et cette clé ne peuvent pas être utilisés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Les paramètres n&apos;ont pas pu être enregistrés&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::TestFlowPanel</name>
    <message>
        <source>One header per line: Name: value</source>
        <translation>Un en-tête par ligne&#xa0;: Nom: valeur</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Chaîne de requête</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Body (JSON)</source>
        <translation>Corps (JSON)</translation>
    </message>
    <message>
        <source>Run test</source>
        <translation>Lancer le test</translation>
    </message>
    <message>
        <source>Run the flow with this request (Ctrl+R)</source>
        <translation>Exécuter le flux avec cette requête (Ctrl+R)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Pas encore exécuté</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Inputs (JSON object)</source>
        <translation>Entrées (objet JSON)</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4 ms</source>
        <translation>%1 %2 · %3 · %4 ms</translation>
    </message>
    <message>
        <source>The inputs of a helper flow are a JSON object.</source>
        <translation>Les entrées d&apos;un flux d&apos;assistance forment un objet JSON.</translation>
    </message>
</context>
<context>
    <name>wf::ui::TesterPage</name>
    <message>
        <source>the pasted private key: %1</source>
        <translation>la clé privée collée&#xa0;: %1</translation>
    </message>
    <message>
        <source>the pasted key is a public key: paste the private key</source>
        <translation>la clé collée est une clé publique&#xa0;: collez la clé privée</translation>
    </message>
    <message>
        <source>choose an app integration and one of its keys on the Auth tab</source>
        <translation>choisissez une intégration d&apos;application et l&apos;une de ses clés dans l&apos;onglet Authentification</translation>
    </message>
    <message>
        <source>the private key %1 is not kept in the keychain: generate a key with &quot;Keep in keychain for the request tester&quot;, or paste the private key</source>
        <translation>la clé privée %1 n&apos;est pas conservée dans le trousseau&#xa0;: générez une clé avec «&#xa0;Conserver dans le trousseau pour le testeur de requêtes&#xa0;», ou collez la clé privée</translation>
    </message>
    <message>
        <source>Request tester</source>
        <translation>Testeur de requêtes</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Nouvelle requête</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save as...</source>
        <translation>Enregistrer sous...</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>Copier au format cURL</translation>
    </message>
    <message>
        <source>Variables...</source>
        <translation>Variables...</translation>
    </message>
    <message>
        <source>A request for &quot;%1&quot; is ready: press Send (Ctrl+Enter).</source>
        <translation>Une requête pour «&#xa0;%1&#xa0;» est prête&#xa0;: appuyez sur Envoyer (Ctrl+Entrée).</translation>
    </message>
    <message>
        <source>The tester&apos;s variables could not be read: %1</source>
        <translation>Les variables du testeur n&apos;ont pas pu être lues&#xa0;: %1</translation>
    </message>
    <message>
        <source>Token URL: %1</source>
        <translation>URL de jeton&#xa0;: %1</translation>
    </message>
    <message>
        <source>OAuth 2.0: %1</source>
        <translation>OAuth 2.0&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>Non copiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Include the secrets (client token, access token, secret variables) in the command? Anyone who sees the command can then call the flow.</source>
        <translation>Inclure les secrets (jeton client, jeton d&apos;accès, variables secrètes) dans la commande&#xa0;? Quiconque voit la commande pourra alors appeler le flux.</translation>
    </message>
    <message>
        <source>Copied as cURL, with its secrets.</source>
        <translation>Copiée au format cURL, avec ses secrets.</translation>
    </message>
    <message>
        <source>Copied as cURL (secrets replaced by placeholders).</source>
        <translation>Copiée au format cURL (secrets remplacés par des emplacements).</translation>
    </message>
    <message>
        <source>No access token yet: press Get token and copy again for a ready command.</source>
        <translation>Pas encore de jeton d&apos;accès&#xa0;: appuyez sur Obtenir un jeton et copiez de nouveau pour avoir une commande prête à l&apos;emploi.</translation>
    </message>
    <message>
        <source>Variables saved.</source>
        <translation>Variables enregistrées.</translation>
    </message>
    <message>
        <source>Variables not saved: %1</source>
        <translation>Variables non enregistrées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::TesterSidebar</name>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Request tester</source>
        <translation>Testeur de requêtes</translation>
    </message>
    <message>
        <source>Postman collection (*.json)</source>
        <translation>Collection Postman (*.json)</translation>
    </message>
    <message>
        <source>Export as Postman collection</source>
        <translation>Exporter comme collection Postman</translation>
    </message>
    <message>
        <source>Import a Postman collection</source>
        <translation>Importer une collection Postman</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <source>Remove from history</source>
        <translation>Retirer de l&apos;historique</translation>
    </message>
    <message>
        <source>Clear history...</source>
        <translation>Effacer l&apos;historique...</translation>
    </message>
    <message>
        <source>New folder...</source>
        <translation>Nouveau dossier...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Renommer...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Supprimer...</translation>
    </message>
    <message>
        <source>Export as Postman collection...</source>
        <translation>Exporter comme collection Postman...</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Nouvelle collection</translation>
    </message>
    <message>
        <source>Export the selected collection as Postman v2.1</source>
        <translation>Exporter la collection sélectionnée au format Postman v2.1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>The tester&apos;s history could not be read: %1</source>
        <translation>L&apos;historique du testeur n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request was not added to the tester&apos;s history: %1</source>
        <translation>La requête n&apos;a pas été ajoutée à l&apos;historique du testeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Clear the request tester&apos;s history?</source>
        <translation>Effacer l&apos;historique du testeur de requêtes&#xa0;?</translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1 (illisible)</translation>
    </message>
    <message>
        <source>The collection was not saved: %1</source>
        <translation>La collection n&apos;a pas été enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Name of the new collection:</source>
        <translation>Nom de la nouvelle collection&#xa0;:</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; created.</source>
        <translation>Collection «&#xa0;%1&#xa0;» créée.</translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation>Nom du nouveau dossier&#xa0;:</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? This cannot be undone.</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot; in &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» enregistrée dans «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Save the request in &quot;%1&quot; as:</source>
        <translation>Enregistrer la requête dans «&#xa0;%1&#xa0;» sous le nom&#xa0;:</translation>
    </message>
    <message>
        <source>%1 is larger than 32 MiB: not imported.</source>
        <translation>%1 dépasse 32 Mio&#xa0;: non importé.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 n&apos;a pas été importé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» importée.</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Laissé de côté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select a collection to export.</source>
        <translation>Sélectionnez une collection à exporter.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2.</source>
        <translation>«&#xa0;%1&#xa0;» exportée vers %2.</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceModel</name>
    <message>
        <source>Card id: %1</source>
        <translation>Id de carte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Function / value</source>
        <translation>Fonction / valeur</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>wfconsole</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot open the workspace in %1:
%2</source>
        <translation>Impossible d&apos;ouvrir l&apos;espace de travail dans %1&#xa0;:
%2</translation>
    </message>
</context>
</TS>
