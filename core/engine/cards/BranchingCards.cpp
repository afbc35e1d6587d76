#include "engine/CardCatalogue.h"

namespace wf {

void registerBranchingCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
