#include "flow/FlowValidator.h"
