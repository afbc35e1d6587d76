#include "endpoint/ResponseShaper.h"
