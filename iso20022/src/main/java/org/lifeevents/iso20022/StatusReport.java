package org.lifeevents.iso20022;

import java.util.List;

/**
 * What a pain.002 customer payment status report says about the file it answers: the group's status and, per
 * transfer, its status and the bank's first reason.
 */
public record StatusReport(String originalMessageId, String groupStatus, String groupReason, String groupReasonText,
        List<Transaction> transactions) {

    /** The status of one transfer, named by the InstrId and EndToEndId it had in the file. */
    public record Transaction(String originalInstructionId, String originalEndToEndId, String status, String reason,
            String reasonText) {
    }
}
