#include "engine/CardCatalogue.h"

namespace wf {

void registerNumberCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
