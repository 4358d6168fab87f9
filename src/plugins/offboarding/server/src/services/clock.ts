/**
 * The plugin clock: the only place that reads the system time, so tests (and an admin's
 * "what if" tooling) can move time instead of waiting for it.
 */
const createClockService = () => {
  let frozenAt: number | null = null;
  let offsetMs = 0;

  return {
    /**
     * Real elapsed time, for infrastructure only (sweep leases must expire in real time even
     * while business time is frozen or moved).
     */
    system(): Date {
      return new Date(Date.now());
    },
    now(): Date {
      return new Date(frozenAt ?? Date.now() + offsetMs);
    },
    /** Stop the clock at `at` (tests). */
    freeze(at: Date | string | number) {
      frozenAt = new Date(at).getTime();
    },
    /** Move the clock forward, frozen or not. */
    advance(ms: number) {
      if (frozenAt !== null) frozenAt += ms;
      else offsetMs += ms;
    },
    reset() {
      frozenAt = null;
      offsetMs = 0;
    },
  };
};

export type ClockService = ReturnType<typeof createClockService>;
export default createClockService;
