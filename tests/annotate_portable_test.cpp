// SPDX-License-Identifier: MIT
// The annotator's tests again with its portable candidate search (no SSE2), so both are tested.
#define IPSECERR_ANNOTATE_PORTABLE 1
// Including the other test's source is the point: the same tests, built with the other path.
#include "annotate_test.cpp"  // NOLINT(bugprone-suspicious-include)
