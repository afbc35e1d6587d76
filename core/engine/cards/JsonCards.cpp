#include "engine/CardCatalogue.h"

namespace wf {

void registerJsonCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
