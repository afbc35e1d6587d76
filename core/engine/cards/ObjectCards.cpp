#include "engine/CardCatalogue.h"

namespace wf {

void registerObjectCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
