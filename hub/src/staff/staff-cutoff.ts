/**
 * Cut means cut: when a person's sessions end from elsewhere (deactivated, or
 * their PIN reset), every connection they are logged in on is ended at once,
 * not at its next request. net/ listens and closes the sockets; the app that
 * reconnects finds its session gone and asks for a login.
 */
export interface StaffCutoff {
  /** net/ registers what ends a person's open connections. */
  onCut(listener: (staffId: number) => void): void;
  /** Ends the connections `staffId` is logged in on; call after the commit. */
  cut(staffId: number): void;
}

export function createStaffCutoff(): StaffCutoff {
  const listeners: ((staffId: number) => void)[] = [];
  return {
    onCut: (listener) => void listeners.push(listener),
    cut(staffId) {
      for (const listener of listeners) listener(staffId);
    },
  };
}
