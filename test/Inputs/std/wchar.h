/* Test mock of the C header <wchar.h> for pincheck's lit tests
   (-nostdinc++ -isystem %mock_std). */
#ifndef PINCHECK_MOCK_WCHAR_H
#define PINCHECK_MOCK_WCHAR_H

#include <cstddef>

extern "C" {
wchar_t *wmemcpy(wchar_t *dest, const wchar_t *src, size_t n) noexcept;
wchar_t *wmemmove(wchar_t *dest, const wchar_t *src, size_t n) noexcept;
wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n) noexcept;
}

#endif
