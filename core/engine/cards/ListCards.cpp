#include "engine/CardCatalogue.h"

namespace wf {

void registerListCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
