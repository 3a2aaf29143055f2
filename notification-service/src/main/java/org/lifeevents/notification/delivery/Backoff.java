package org.lifeevents.notification.delivery;

import java.time.Duration;

/** How long to wait after a failed send: the first pause, doubled with each failure, never longer than the cap. */
public final class Backoff {

    private Backoff() {
    }

    /** @param failures the failed attempts so far, at least 1 */
    public static Duration after(int failures, Duration first, Duration longest) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration pause = first.multipliedBy(1L << doublings);
        return pause.compareTo(longest) > 0 ? longest : pause;
    }
}
