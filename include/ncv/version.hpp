// Defines the library's version (NCV_VERSION_MAJOR, _MINOR, _PATCH) and refuses a language older than C++20.
#pragma once

// Every ncverify header includes this one first, so an older -std stops here with one line
// instead of a cascade of errors from the first concept or designated initializer.
#if __cplusplus < 202002L
#error "ncverify needs C++20 or later: compile with -std=c++20"
#endif

/// The major version: a change of it may break code that compiles against the previous one.
#define NCV_VERSION_MAJOR 0
/// The minor version: new entities, nothing removed.
#define NCV_VERSION_MINOR 2
/// The patch version: fixes only.
#define NCV_VERSION_PATCH 0
