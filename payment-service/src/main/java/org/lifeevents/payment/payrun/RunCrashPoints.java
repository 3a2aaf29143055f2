package org.lifeevents.payment.payrun;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points between the steps of a run. Production code only passes them; a test installs a hook that throws at
 * one of them to play a crash at exactly that moment, then resumes the run.
 */
@ApplicationScoped
public class RunCrashPoints {

    /** After a batch of payments was assigned to a file and committed. */
    public static final String AFTER_ASSIGNING_A_FILE = "after-assigning-a-file";
    /** After the bank took a file and before the run recorded it as sent. */
    public static final String AFTER_BANK_TOOK_FILE = "after-bank-took-file";
    /** After the file was recorded as sent and before its status report was imported. */
    public static final String AFTER_FILE_MARKED_SENT = "after-file-marked-sent";

    private volatile Consumer<String> hook = point -> {
    };

    public void reached(String point) {
        hook.accept(point);
    }

    /** For tests: what happens at each point (throw to crash). */
    public void install(Consumer<String> hook) {
        this.hook = hook == null ? point -> {
        } : hook;
    }
}
