/* Test mock of the C header <string.h> for pincheck's lit tests
   (-nostdinc++ -isystem %mock_std). The declarations match the C library's,
   extern "C" in the global namespace, so Clang recognises them as library
   builtins (mempcpy and memccpy only in the gnu++ modes, as with glibc). */
#ifndef PINCHECK_MOCK_STRING_H
#define PINCHECK_MOCK_STRING_H

#include <cstddef>

extern "C" {
void *memcpy(void *dest, const void *src, size_t n) noexcept;
void *memmove(void *dest, const void *src, size_t n) noexcept;
void *memset(void *s, int c, size_t n) noexcept;
int memcmp(const void *a, const void *b, size_t n) noexcept;
void *memchr(const void *s, int c, size_t n) noexcept;
void *mempcpy(void *dest, const void *src, size_t n) noexcept;
void *memccpy(void *dest, const void *src, int c, size_t n) noexcept;
size_t strlen(const char *s) noexcept;
char *strcpy(char *dest, const char *src) noexcept;
int strcmp(const char *a, const char *b) noexcept;
}

#endif
