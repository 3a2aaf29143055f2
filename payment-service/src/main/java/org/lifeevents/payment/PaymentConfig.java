package org.lifeevents.payment;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The payment service's settings: the agency's own account, how runs are cut into files, and how to reach the bank. */
@ConfigMapping(prefix = "lifeevents.payment")
public interface PaymentConfig {

    /** The benefits agency, debtor of every credit transfer. */
    Debtor debtor();

    Run run();

    Bank bank();

    /** The debtor of the credit transfers. */
    interface Debtor {

        String name();

        String iban();

        String bic();
    }

    /** Payment runs. */
    interface Run {

        /** When the daily run starts (Quartz-style cron); {@code off} disables it. */
        @WithDefault("0 30 2 * * ?")
        String cron();

        /** Payments per pain.001 file: the bound on what one step of a run holds in memory. */
        @WithDefault("5000")
        int maxPaymentsPerFile();

        /** Day of the following month on which a monthly benefit is paid (in arrears). */
        @WithDefault("10")
        int monthlyPaymentDay();
    }

    /** The bank that takes the pain.001 files. */
    interface Bank {

        URI url();

        /** Shared key sent in {@code X-Api-Key}; the local stack's is a DEMO value. */
        String apiKey();

        @WithDefault("PT2M")
        Duration timeout();
    }
}
