# SPDX-License-Identifier: MIT
# Toolchain for Windows x64 with Debian's mingw-w64 (posix threads, static runtime); every .exe
# that CMake or ctest runs goes through wine-run.sh, headless, with one Wine prefix per build.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

# The -posix compilers by name: the default alternative is the win32 thread model, whose
# libstdc++ has no std::mutex or std::thread.
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

# Headers, libraries and packages come from the mingw sysroot only, never from the host's /usr
# (whose glibc headers would shadow mingw's); Catch2 and fmt are staged by tests/CMakeLists.txt.
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Fully static: no libstdc++, libgcc or winpthread DLL next to the programs.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

# The prefix (about 700 MB) lives in the build tree unless given; try_compile projects re-read
# this file from a scratch directory, so the top-level value is forwarded to them.
if(NOT DEFINED IPSECERR_WINEPREFIX)
  set(IPSECERR_WINEPREFIX "${CMAKE_BINARY_DIR}/wineprefix")
endif()
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES IPSECERR_WINEPREFIX)
set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CURRENT_LIST_DIR}/wine-run.sh;--prefix;${IPSECERR_WINEPREFIX}")
