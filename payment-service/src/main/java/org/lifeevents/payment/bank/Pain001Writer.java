package org.lifeevents.payment.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.money.Cents;
import org.lifeevents.payment.PaymentConfig;
import org.lifeevents.payment.bank.iso20022.Iso20022Schema;
import org.lifeevents.payment.payrun.PaymentFile;
import org.lifeevents.payment.payrun.PaymentRun;
import org.lifeevents.payment.schedule.Payment;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CategoryPurpose1Choice;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericPersonIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.Party38Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentification13;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;

/**
 * Builds a run's file as an ISO 20022 pain.001.001.09 customer credit transfer with the Prowide model, and validates it
 * against the message's schema before it may leave. Everything in the file comes from what was fixed when the file was
 * assembled (message id, creation time, creditor account and name, amounts), so building it again gives the same file.
 */
@ApplicationScoped
public class Pain001Writer {

    /** ISO 20022 category purpose: social security benefit. */
    public static final String SOCIAL_SECURITY_BENEFIT = "SSBE";
    /** Scheme of the creditor's private identification: national identity number. */
    public static final String NATIONAL_IDENTITY_NUMBER = "NIDN";

    private static final Map<String, String> BENEFIT_NAMES = Map.of(
            "BIRTH_GRANT", "Birth grant",
            "CHILD_ALLOWANCE", "Child allowance",
            "LARGE_FAMILY_ALLOWANCE", "Large family allowance",
            "SINGLE_PARENT_ALLOWANCE", "Single parent allowance",
            "PARENTAL_BENEFIT", "Parental benefit",
            "FUNERAL_GRANT", "Funeral grant",
            "SURVIVOR_CHILD_ALLOWANCE", "Survivor child allowance");

    private final Iso20022Schema schema = Iso20022Schema.of(MxPain00100109.class);

    @Inject
    PaymentConfig config;

    /** The file's XML, valid against the pain.001.001.09 schema; throws when it is not (it must never leave then). */
    @Transactional
    public String write(java.util.UUID fileId) {
        PaymentFile file = PaymentFile.findById(fileId);
        PaymentRun run = PaymentRun.findById(file.runId);
        List<Payment> payments = Payment.list("fileId = ?1 order by paymentId", file.fileId);
        long sum = payments.stream().mapToLong(p -> p.amountCents).sum();
        if (payments.size() != file.nbOfTxs || sum != file.ctrlSumCents) {
            throw new IllegalStateException("File " + file.messageId + " records " + file.nbOfTxs + " payments of "
                    + file.ctrlSumCents + " cents but holds " + payments.size() + " of " + sum);
        }
        String xml = xml(file, run.runDate, payments);
        List<String> violations = schema.violations(xml);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("File " + file.messageId + " is not valid pain.001.001.09: " + violations);
        }
        return xml;
    }

    String xml(PaymentFile file, LocalDate executionDate, List<Payment> payments) {
        PaymentConfig.Debtor debtor = config.debtor();
        BigDecimal controlSum = Cents.toEuros(file.ctrlSumCents);
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(file.messageId + "-1")
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(Boolean.FALSE)
                .setNbOfTxs(String.valueOf(payments.size()))
                .setCtrlSum(controlSum)
                .setPmtTpInf(new PaymentTypeInformation26()
                        .addSvcLvl(new ServiceLevel8Choice().setCd("SEPA"))
                        .setCtgyPurp(new CategoryPurpose1Choice().setCd(SOCIAL_SECURITY_BENEFIT)))
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(executionDate))
                .setDbtr(new PartyIdentification135().setNm(debtor.name()))
                .setDbtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(debtor.iban())))
                .setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(debtor.bic())))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        for (Payment payment : payments) {
            instruction.addCdtTrfTxInf(new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6()
                            .setInstrId(instructionId(payment.paymentId))
                            .setEndToEndId(payment.correlationId))
                    .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                            .setCcy("EUR").setValue(Cents.toEuros(payment.amountCents))))
                    .setCdtr(new PartyIdentification135()
                            .setNm(limit(payment.creditorName, 140))
                            .setId(new Party38Choice().setPrvtId(new PersonIdentification13()
                                    .addOthr(new GenericPersonIdentification1().setId(payment.recipientId)
                                            .setSchmeNm(new PersonIdentificationSchemeName1Choice()
                                                    .setCd(NATIONAL_IDENTITY_NUMBER))))))
                    .setCdtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(payment.creditorIban)))
                    .setRmtInf(new RemittanceInformation16().addUstrd(remittance(payment))));
        }
        CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85()
                        .setMsgId(file.messageId)
                        .setCreDtTm(file.createdAt.atOffset(ZoneOffset.UTC))
                        .setNbOfTxs(String.valueOf(payments.size()))
                        .setCtrlSum(controlSum)
                        .setInitgPty(new PartyIdentification135().setNm(debtor.name())))
                .addPmtInf(instruction);
        MxWriteConfiguration write = new MxWriteConfiguration();
        write.documentPrefix = null;
        return new MxPain00100109().setCstmrCdtTrfInitn(initiation).message(write);
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
    public static String instructionId(java.util.UUID paymentId) {
        return paymentId.toString().replace("-", "");
    }

    /** The payment id back from an InstrId; null when it is not one of ours. */
    public static java.util.UUID paymentId(String instructionId) {
        if (instructionId == null || !instructionId.matches("[0-9a-f]{32}")) {
            return null;
        }
        return java.util.UUID.fromString(instructionId.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
