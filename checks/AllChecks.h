// AllChecks.h - every check's header, for the driver (Analyzer.cpp), which
// expands the registry into calls of their rules. scripts/new-check.py adds
// a line; test/infra/registry.test checks that every check is here.
#ifndef PINCHECK_ALLCHECKS_H
#define PINCHECK_ALLCHECKS_H

#include "PinAnnotationCheck.h"
#include "PinContainerRelocationCheck.h"
#include "PinCopyCheck.h"
#include "PinMemcpyCheck.h"
#include "PinMoveCheck.h"
#include "PinSelfReferenceCheck.h"
#include "PinStorageReuseCheck.h"
#include "PinSwapCheck.h"
#include "PinTriviallyRelocatableCheck.h"

#endif
