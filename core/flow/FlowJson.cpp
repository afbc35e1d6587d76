#include "flow/FlowJson.h"
