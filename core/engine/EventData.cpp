#include "engine/EventData.h"
