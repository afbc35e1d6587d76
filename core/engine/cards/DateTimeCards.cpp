#include "engine/CardCatalogue.h"

namespace wf {

void registerDateTimeCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
