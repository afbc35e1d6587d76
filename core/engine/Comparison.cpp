#include "engine/Comparison.h"
