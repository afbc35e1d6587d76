#include "flow/FlowLibrary.h"
