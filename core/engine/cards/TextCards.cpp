#include "engine/CardCatalogue.h"

namespace wf {

void registerTextCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
