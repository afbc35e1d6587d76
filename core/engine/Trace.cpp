#include "engine/Trace.h"
