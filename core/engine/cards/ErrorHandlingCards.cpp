#include "engine/CardCatalogue.h"

namespace wf {

void registerErrorHandlingCards(CardCatalogue &catalogue)
{
    Q_UNUSED(catalogue);
}

} // namespace wf
