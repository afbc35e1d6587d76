#include "engine/CardCatalogue.h"

namespace wf {

void registerBooleanCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
