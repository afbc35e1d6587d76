#include "Ids.h"

#include <QByteArray>
#include <cstdlib>
#include <openssl/rand.h>

namespace wf {

QString randomHex(int bytes)
{
    QByteArray buffer(bytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(buffer.data()), bytes) != 1)
        std::abort(); // no entropy: nothing secure can be made, and nothing should pretend to be
    return QString::fromLatin1(buffer.toHex());
}

QString newFlowAlias()
{
    return randomHex(16);
}

QString newExecutionId()
{
    return randomHex(16);
}

} // namespace wf
