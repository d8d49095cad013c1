/* Test mock of the C header <strings.h> for pincheck's lit tests
   (-nostdinc++ -isystem %mock_std). bzero and bcopy are library builtins
   only in the gnu++ modes, as with glibc. */
#ifndef PINCHECK_MOCK_STRINGS_H
#define PINCHECK_MOCK_STRINGS_H

#include <cstddef>

extern "C" {
void bzero(void *s, size_t n) noexcept;
void bcopy(const void *src, void *dest, size_t n) noexcept;
}

#endif
