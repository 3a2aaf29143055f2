package org.lifeevents.portal.citizen;

/** One payment in words: benefit, period, amount, status, date and the bank reference (EndToEndId). */
public record PaymentRow(String benefit, String period, String amount, String status, String statusCode,
        String waitingFor, String date, String reference, String offset) {
}
