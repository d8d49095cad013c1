/* Test mock of the C header <stdlib.h> for pincheck's lit tests
   (-nostdinc++ -isystem %mock_std). */
#ifndef PINCHECK_MOCK_STDLIB_H
#define PINCHECK_MOCK_STDLIB_H

#include <cstddef>

extern "C" {
void *malloc(size_t n) noexcept;
void *calloc(size_t count, size_t n) noexcept;
void *realloc(void *p, size_t n) noexcept;
void free(void *p) noexcept;
[[noreturn]] void abort() noexcept;
}

#endif
