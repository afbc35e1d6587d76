#include "Ids.h"

#include <QByteArray>
#include <QDateTime>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <openssl/rand.h>

namespace wf {

namespace {

// `size` bytes of the CSPRNG, drawn a few kilobytes at a time per thread: one RAND_bytes call costs
// about as much as a whole flow's random needs for hundreds of executions.
void bufferedRandomBytes(unsigned char *out, std::size_t size)
{
    thread_local unsigned char pool[4096];
    thread_local std::size_t left = 0;
    while (size > 0) {
        if (left == 0) {
            if (RAND_bytes(pool, sizeof pool) != 1)
                std::abort(); // no entropy: nothing secure can be made
            left = sizeof pool;
        }
        const std::size_t taken = std::min(size, left);
        unsigned char *from = pool + (sizeof pool - left);
        std::memcpy(out, from, taken);
        std::memset(from, 0, taken); // handed out once only
        out += taken;
        size -= taken;
        left -= taken;
    }
}

} // namespace

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
    // 48 bits of time, then 80 random bits: executions started one after another get ids that sort
    // together, so the history's index on them grows at its end instead of touching a random page on
    // each insert. The random part alone keeps an id unguessable.
    static constexpr char kHex[] = "0123456789abcdef";
    unsigned char random[10];
    bufferedRandomBytes(random, sizeof random);
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    char id[32];
    for (int i = 0; i < 12; ++i)
        id[i] = kHex[(ms >> (4 * (11 - i))) & 0xf];
    for (int i = 0; i < 10; ++i) {
        id[12 + 2 * i] = kHex[random[i] >> 4];
        id[13 + 2 * i] = kHex[random[i] & 0xf];
    }
    return QString::fromLatin1(id, sizeof id);
}

} // namespace wf
