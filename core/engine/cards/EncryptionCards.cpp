#include "engine/CardCatalogue.h"

namespace wf {

void registerEncryptionCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
