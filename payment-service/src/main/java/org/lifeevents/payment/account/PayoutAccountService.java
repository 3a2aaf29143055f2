package org.lifeevents.payment.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.identity.ValidIban;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;

/**
 * Keeps payout accounts: the citizen's own, or else the tax authority's refund account on record. Every change of the
 * account in force tells the others whether the person can be paid (never the IBAN itself, which stays here), and
 * re-issues what a bank refused for a wrong account number.
 */
@ApplicationScoped
@Transactional
public class PayoutAccountService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    Event<PayoutAccountRecorded> recorded;

    /**
     * An IBAN in its electronic format (no spaces, upper case) from its printed or electronic one. Only plain spaces
     * go: a newline, a tab, a no-break space or a dash stays and the IBAN is refused, instead of guessing what was meant.
     */
    public static String normalise(String iban) {
        return iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public PayoutAccount setByCitizen(String personId, String iban, String correlationId) {
        String normal = normalise(iban);
        PayoutAccount account = PayoutAccount.findById(personId);
        boolean first = account == null;
        if (first) {
            account = new PayoutAccount();
            account.personId = personId;
        } else if (normal.equals(account.iban) && PayoutAccount.CITIZEN.equals(account.source)) {
            return account;
        }
        account.iban = normal;
        account.source = PayoutAccount.CITIZEN;
        account.since = LocalDate.now(clock);
        account.updatedAt = clock.instant();
        if (first) {
            account.persist();
        }
        announce(personId, account, correlationId);
        return account;
    }

    /**
     * The tax authority's refund account for a person changed. It becomes the payout account while the citizen has
     * given none; a withdrawn record (null IBAN) removes it then. An older record than the one held is ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void taxRecorded(String personId, String iban, LocalDate recordedOn, String correlationId) {
        if (!PersonId.isValid(personId)) {
            throw new RejectedEventException("Person id " + personId + " is not valid");
        }
        String normal = normalise(iban);
        if (normal != null && ValidIban.Validator.problem(normal) != null) {
            throw new RejectedEventException("Refund account of " + personId + " is not a valid IBAN: "
                    + ValidIban.Validator.problem(normal));
        }
        TaxRefundAccount record = TaxRefundAccount.findById(personId);
        if (record != null && recordedOn.isBefore(record.recordedOn)) {
            return;
        }
        if (record == null) {
            record = new TaxRefundAccount();
            record.personId = personId;
            record.iban = normal;
            record.recordedOn = recordedOn;
            record.updatedAt = clock.instant();
            record.persist();
        } else {
            record.iban = normal;
            record.recordedOn = recordedOn;
            record.updatedAt = clock.instant();
        }
        PayoutAccount account = PayoutAccount.findById(personId);
        if (account != null && PayoutAccount.CITIZEN.equals(account.source)) {
            return;
        }
        if (normal == null) {
            if (account != null) {
                account.delete();
                announce(personId, null, correlationId);
            }
            return;
        }
        if (account != null && normal.equals(account.iban)) {
            return;
        }
        boolean first = account == null;
        if (first) {
            account = new PayoutAccount();
            account.personId = personId;
        }
        account.iban = normal;
        account.source = PayoutAccount.TAX_AUTHORITY;
        account.since = recordedOn;
        account.updatedAt = clock.instant();
        if (first) {
            account.persist();
        }
        announce(personId, account, correlationId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PayoutAccount> of(String personId) {
        return PayoutAccount.findByIdOptional(personId);
    }

    private void announce(String personId, PayoutAccount account, String correlationId) {
        outbox.publish(Topics.PAYOUT_ACCOUNTS, personId, PayoutAccountChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(correlationId)
                .setPersonId(personId)
                .setAccountKnown(account != null)
                .setSource(account == null ? null : account.source)
                .setSince(account == null ? null : account.since)
                .build());
        if (account != null) {
            recorded.fire(new PayoutAccountRecorded(personId, account.iban));
        }
    }
}
