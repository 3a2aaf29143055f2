package org.lifeevents.payment.bank;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lifeevents.common.money.Cents;
import org.lifeevents.iso20022.Iso20022Schema;
import org.lifeevents.iso20022.ValidatingXmlWriter;
import org.lifeevents.payment.PaymentConfig;
import org.lifeevents.payment.schedule.Payment;

import io.agroal.api.AgroalDataSource;

/**
 * Writes a run's file as an ISO 20022 pain.001.001.09 customer credit transfer, streamed from a read-only cursor over
 * its payments and validated against the EPC SEPA Credit Transfer schema in the same pass: no entity, no object graph,
 * no second parse, so several files can be written in parallel with memory bounded by the cursor's fetch. Everything in
 * the file comes from what was fixed when the file was assembled (message id, creation time, creditor account and name,
 * amounts), so writing it again gives the same bytes, which is what lets a resumed run send a file again safely.
 */
@ApplicationScoped
public class Pain001Writer {

    /** ISO 20022 category purpose: social security benefit. */
    public static final String SOCIAL_SECURITY_BENEFIT = "SSBE";
    /** Scheme of the creditor's private identification: national identity number. */
    public static final String NATIONAL_IDENTITY_NUMBER = "NIDN";
    /** The EPC guidelines allow 70 characters of a party's name (ISO 20022 allows 140). */
    static final int NAME_LENGTH = 70;
    private static final int FETCH = 1000;

    private static final Map<String, String> BENEFIT_NAMES = Map.of(
            "BIRTH_GRANT", "Birth grant",
            "CHILD_ALLOWANCE", "Child allowance",
            "LARGE_FAMILY_ALLOWANCE", "Large family allowance",
            "SINGLE_PARENT_ALLOWANCE", "Single parent allowance",
            "PARENTAL_BENEFIT", "Parental benefit",
            "FUNERAL_GRANT", "Funeral grant",
            "SURVIVOR_CHILD_ALLOWANCE", "Survivor child allowance");

    @Inject
    PaymentConfig config;

    @Inject
    AgroalDataSource dataSource;

    /** The file's XML, valid against the EPC pain.001.001.09 schema; throws when it is not (it must never leave then). */
    public String write(UUID fileId) {
        return new String(bytes(fileId), StandardCharsets.UTF_8);
    }

    /** The file's bytes, valid against the EPC pain.001.001.09 schema; throws when they are not. */
    public byte[] bytes(UUID fileId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(fileId, out);
        return out.toByteArray();
    }

    /** Streams the file to {@code out}; throws when it breaks the schema or its control figures (discard the output). */
    public void write(UUID fileId, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            // A cursor (fetch size) needs a transaction of its own in PostgreSQL; it only reads.
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                write(connection, fileId, out);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the payments of file " + fileId, e);
        }
    }

    private void write(Connection connection, UUID fileId, OutputStream out) throws SQLException {
        String messageId;
        String createdAt;
        int nbOfTxs;
        long ctrlSumCents;
        LocalDate executionDate;
        try (PreparedStatement header = connection.prepareStatement("""
                select f.message_id, f.created_at, f.nb_of_txs, f.ctrl_sum_cents, r.run_date
                from payment_file f join payment_run r on r.run_id = f.run_id where f.file_id = ?
                """)) {
            header.setObject(1, fileId);
            try (ResultSet rs = header.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("There is no file " + fileId);
                }
                messageId = rs.getString(1);
                createdAt = rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                nbOfTxs = rs.getInt(3);
                ctrlSumCents = rs.getLong(4);
                executionDate = rs.getObject(5, LocalDate.class);
            }
        }
        PaymentConfig.Debtor debtor = config.debtor();
        String controlSum = euros(ctrlSumCents);
        ValidatingXmlWriter xml = Iso20022Schema.pain001().writer(out);
        xml.start("Document").start("CstmrCdtTrfInitn")
                .start("GrpHdr")
                .element("MsgId", messageId)
                .element("CreDtTm", createdAt)
                .element("NbOfTxs", String.valueOf(nbOfTxs))
                .element("CtrlSum", controlSum)
                .start("InitgPty").element("Nm", limit(debtor.name(), NAME_LENGTH)).end()
                .end()
                .start("PmtInf")
                .element("PmtInfId", messageId + "-1")
                .element("PmtMtd", "TRF")
                .element("BtchBookg", "false")
                .element("NbOfTxs", String.valueOf(nbOfTxs))
                .element("CtrlSum", controlSum)
                .start("PmtTpInf")
                .start("SvcLvl").element("Cd", "SEPA").end()
                .start("CtgyPurp").element("Cd", SOCIAL_SECURITY_BENEFIT).end()
                .end()
                .start("ReqdExctnDt").element("Dt", executionDate.toString()).end()
                .start("Dbtr").element("Nm", limit(debtor.name(), NAME_LENGTH)).end()
                .start("DbtrAcct").start("Id").element("IBAN", debtor.iban()).end().end()
                .start("DbtrAgt").start("FinInstnId").element("BICFI", debtor.bic()).end().end()
                .element("ChrgBr", "SLEV");
        int count = 0;
        long sum = 0;
        try (PreparedStatement payments = connection.prepareStatement("""
                select payment_id, correlation_id, amount_cents, creditor_name, recipient_id, creditor_iban, benefit,
                       period_start, period_end, top_up_version, gross_cents, offset_cents
                from payment where file_id = ? order by payment_id
                """)) {
            payments.setFetchSize(FETCH);
            payments.setObject(1, fileId);
            Payment payment = new Payment();
            try (ResultSet rs = payments.executeQuery()) {
                while (rs.next()) {
                    payment.paymentId = rs.getObject(1, UUID.class);
                    payment.correlationId = rs.getString(2);
                    payment.amountCents = rs.getLong(3);
                    payment.benefit = rs.getString(7);
                    payment.periodStart = rs.getObject(8, LocalDate.class);
                    payment.periodEnd = rs.getObject(9, LocalDate.class);
                    payment.topUpVersion = rs.getLong(10);
                    payment.grossCents = rs.getLong(11);
                    payment.offsetCents = rs.getLong(12);
                    xml.start("CdtTrfTxInf")
                            .start("PmtId")
                            .element("InstrId", instructionId(payment.paymentId))
                            .element("EndToEndId", payment.correlationId)
                            .end()
                            .start("Amt").element("InstdAmt", "Ccy", "EUR", euros(payment.amountCents)).end()
                            .start("Cdtr")
                            .element("Nm", limit(rs.getString(4), NAME_LENGTH))
                            .start("Id").start("PrvtId").start("Othr")
                            .element("Id", rs.getString(5))
                            .start("SchmeNm").element("Cd", NATIONAL_IDENTITY_NUMBER).end()
                            .end().end().end()
                            .end()
                            .start("CdtrAcct").start("Id").element("IBAN", rs.getString(6)).end().end()
                            .start("RmtInf").element("Ustrd", remittance(payment)).end()
                            .end();
                    count++;
                    sum += payment.amountCents;
                }
            }
        }
        xml.finish();
        if (count != nbOfTxs || sum != ctrlSumCents) {
            throw new IllegalStateException("File " + messageId + " records " + nbOfTxs + " payments of " + ctrlSumCents
                    + " cents but holds " + count + " of " + sum);
        }
    }

    /** What the recipient reads on the statement: the benefit, the period, and any recovery offset. */
    public static String remittance(Payment payment) {
        String benefit = BENEFIT_NAMES.getOrDefault(payment.benefit, payment.benefit);
        boolean month = payment.periodStart.getDayOfMonth() == 1
                && payment.periodEnd.equals(payment.periodStart.withDayOfMonth(payment.periodStart.lengthOfMonth()));
        StringBuilder text = new StringBuilder(benefit).append(' ')
                .append(month ? payment.periodStart.toString().substring(0, 7) : payment.periodStart.toString());
        if (payment.isTopUp()) {
            text.append(" top-up");
        }
        if (payment.offsetCents > 0) {
            text.append(", ").append(Cents.format(payment.grossCents)).append(" less ")
                    .append(Cents.format(payment.offsetCents)).append(" offset against a recovery claim");
        }
        return limit(text.toString(), 140);
    }

    /** A payment id as InstrId: its 32 hex digits (an ISO Max35Text cannot hold the dashed form). */
    public static String instructionId(UUID paymentId) {
        return paymentId.toString().replace("-", "");
    }

    /** The payment id back from an InstrId; null when it is not one of ours. */
    public static UUID paymentId(String instructionId) {
        if (instructionId == null || instructionId.length() != 32
                || !instructionId.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            return null;
        }
        return new UUID(Long.parseUnsignedLong(instructionId, 0, 16, 16), Long.parseUnsignedLong(instructionId, 16, 32, 16));
    }

    private static String euros(long cents) {
        return Cents.toEuros(cents).toPlainString();
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
