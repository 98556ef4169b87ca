/**
 * Scores and times closer than this are equal. Problem times are integer-valued in practice (the
 * benchmark scales them to integers, the real-world model uses whole minutes), so comparisons are
 * exact; the tolerance only absorbs floating-point noise in sums and differences of them.
 */
export const EPSILON = 1e-9;

/** "No node / no position / no tour" in the solver's integer arrays. */
export const NONE = -1;
