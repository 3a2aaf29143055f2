package org.lifeevents.payment.account;

/**
 * Fired (synchronously, in the transaction that stored it) when a person's payout account in force becomes a new IBAN:
 * payments refused for a wrong account number can now be re-issued to it.
 */
public record PayoutAccountRecorded(String personId, String iban) {
}
