// SPDX-License-Identifier: MIT
// The annotator's tests again with its portable candidate search (no SSE2), so both are tested.
#define IPSECERR_ANNOTATE_PORTABLE 1
#include "annotate_test.cpp"
