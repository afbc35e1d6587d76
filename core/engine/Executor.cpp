#include "engine/Executor.h"
