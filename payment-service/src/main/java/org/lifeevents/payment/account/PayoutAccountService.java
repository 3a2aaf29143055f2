package org.lifeevents.payment.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;

/** Keeps payout accounts and tells the others whether a person can be paid (never the IBAN itself). */
@ApplicationScoped
@Transactional
public class PayoutAccountService {

    @Inject
    Outbox outbox;

    public PayoutAccount setByCitizen(String personId, String iban, String correlationId) {
        PayoutAccount account = PayoutAccount.findById(personId);
        boolean first = account == null;
        if (first) {
            account = new PayoutAccount();
            account.personId = personId;
        } else if (iban.equals(account.iban) && PayoutAccount.CITIZEN.equals(account.source)) {
            return account;
        }
        account.iban = iban;
        account.source = PayoutAccount.CITIZEN;
        account.since = LocalDate.now();
        account.updatedAt = Instant.now();
        if (first) {
            account.persist();
        }
        announce(account, correlationId);
        return account;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PayoutAccount> of(String personId) {
        return PayoutAccount.findByIdOptional(personId);
    }

    private void announce(PayoutAccount account, String correlationId) {
        outbox.publish(Topics.PAYOUT_ACCOUNTS, account.personId, PayoutAccountChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setCorrelationId(correlationId)
                .setPersonId(account.personId)
                .setAccountKnown(true)
                .setSource(account.source)
                .setSince(account.since)
                .build());
    }
}
