#pragma once

// Client tokens of flows secured with a client token: 64 lowercase hex characters from the CSPRNG. The
// workspace keeps only their SHA-256; checks compare hashes in constant time.

#include <QByteArray>
#include <QString>

namespace wf {

QString newClientToken();

// Lowercase hex SHA-256 of the token's UTF-8 bytes.
QString clientTokenHash(const QString &token);

// True when `presented` hashes to `expectedHash`; the comparison takes the same time wherever the
// hashes differ. An empty expected hash matches nothing.
bool clientTokenMatches(const QString &presented, const QString &expectedHash);

// A short, non-reversible label for logs: the first 8 hex characters of the hash.
QString clientTokenFingerprint(const QString &token);

} // namespace wf
