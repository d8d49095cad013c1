// Places.h - which variables the analysis tracks, and the prefilter that
// skips a function without any: an object of an address-sensitive type (a
// local, a parameter or a global), a pointer to one, a container of them,
// or an address-sensitive *this.
#ifndef PINCHECK_PLACES_H
#define PINCHECK_PLACES_H

#include "model/SpecialMembers.h"
#include "model/TypeModel.h"
#include "clang/AST/Decl.h"

namespace pincheck {

/// A place: a variable holding an address-sensitive object, or a reference
/// parameter bound to one (a local reference is an alias, not a place).
bool isPlace(const clang::VarDecl *V, TypeModel &Types);

/// A pointer (raw, or a smart pointer held or referred to) to an
/// address-sensitive object: what it points to is a place.
bool pointsToSensitive(const clang::VarDecl *V, TypeModel &Types);

/// A global object (namespace scope, or a static data member).
bool isGlobalObject(const clang::VarDecl *V);

/// V is a global object of an address-sensitive type: a place of every
/// function that names it.
bool isSensitiveGlobal(const clang::VarDecl *V, TypeModel &Types);

/// T (or what it refers to) is a container that may relocate its elements
/// (model/Containers.h) and they are address-sensitive.
bool holdsSensitiveElements(clang::QualType T, TypeModel &Types);

/// An argument or parameter of type T can carry what a summary describes:
/// an address-sensitive object, or a container of them.
bool summaryMatters(clang::QualType T, TypeModel &Types);

/// The prefilter, one cheap test per function: whether any parameter or
/// local variable of FD can be a place, points to one, or is a container of
/// address-sensitive elements (its declarations are in FD's DeclContext, so
/// no statement is walked), or FD runs on an address-sensitive *this.
/// Without one, the collector finds nothing to report. AnyGlobals: the
/// translation unit has a global object of an address-sensitive type, which
/// any function may name.
bool mayHavePlaces(const clang::FunctionDecl *FD, TypeModel &Types, bool AnyGlobals);

} // namespace pincheck

#endif
