// Whether this build runs under AddressSanitizer, as GCC (__SANITIZE_ADDRESS__) and clang
// (__has_feature) announce it: ASan reserves terabytes of address space, so an address-space
// limit would kill every worker.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define NIANBAO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NIANBAO_ASAN 1
#endif
#endif
#ifndef NIANBAO_ASAN
#define NIANBAO_ASAN 0
#endif
