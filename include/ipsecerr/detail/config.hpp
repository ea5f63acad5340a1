// SPDX-License-Identifier: MIT
// ipsecerr internals: the switches that depend on the compiler and the standard (consteval, the
// literal operator template, always_inline, exceptions), decided once for every header.
#ifndef IPSECERR_DETAIL_CONFIG_HPP
#define IPSECERR_DETAIL_CONFIG_HPP

#if defined(__cpp_consteval) && __cpp_consteval >= 201811L
#  define IPSECERR_CONSTEVAL consteval
#  define IPSECERR_HAS_CONSTEVAL 1
#else
#  define IPSECERR_CONSTEVAL constexpr
#  define IPSECERR_HAS_CONSTEVAL 0
#endif

// Whether "NAME"_ipsec is a string-literal operator template whose parameter is a class holding
// the characters (C++20), so that a misspelt name fails to compile in any context. Decided by
// standard and compiler version: g++ 11 and clang++ 14 are the first releases known to compile
// it (clang 14 does not define __cpp_nontype_template_args to C++20's value, so that macro
// cannot decide). Elsewhere the literal takes (const char*, size_t): see literals below.
#if defined(_MSVC_LANG)
#  define IPSECERR_STANDARD _MSVC_LANG
#else
#  define IPSECERR_STANDARD __cplusplus
#endif
#if IPSECERR_STANDARD >= 202002L &&                                                        \
    ((defined(__clang__) && !defined(__apple_build_version__) && __clang_major__ >= 14) || \
     (defined(__clang__) && defined(__apple_build_version__) && __clang_major__ >= 15) ||  \
     (!defined(__clang__) && defined(__GNUC__) && __GNUC__ >= 11))
#  define IPSECERR_LITERAL_TEMPLATE 1
#else
#  define IPSECERR_LITERAL_TEMPLATE 0
#endif
#undef IPSECERR_STANDARD

// For the few tiny helpers of the lookups that must never be a call (g++ otherwise leaves load8
// out of line inside larger callers such as parse()).
#if defined(__GNUC__) || defined(__clang__)
#  define IPSECERR_ALWAYS_INLINE __attribute__((always_inline))
#elif defined(_MSC_VER)
#  define IPSECERR_ALWAYS_INLINE __forceinline
#else
#  define IPSECERR_ALWAYS_INLINE
#endif

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#  define IPSECERR_HAS_EXCEPTIONS 1
#else
#  define IPSECERR_HAS_EXCEPTIONS 0
#endif

#endif  // IPSECERR_DETAIL_CONFIG_HPP
