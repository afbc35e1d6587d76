#include "engine/CardCatalogue.h"

namespace wf {

void registerFlowControlCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
