package org.lifeevents.bank;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.prowidesoftware.swift.model.mx.MxPain00200110;

import static org.assertj.core.api.Assertions.assertThat;

/** A restarted bank still knows the files it took: the same report for the same file, DU01 for another under its id. */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedBankRecognisesTheFilesItReceived() throws Exception {
        String file = pain001("LEB20261201-R-00001", "80.00");
        String first = desk().receive(file);

        CreditTransferDesk restarted = desk();
        String again = restarted.receive(file);
        String other = restarted.receive(pain001("LEB20261201-R-00001", "90.00"));

        assertThat(again).isEqualTo(first);
        var duplicate = MxPain00200110.parse(other).getCstmrPmtStsRpt().getOrgnlGrpInfAndSts();
        assertThat(duplicate.getGrpSts()).isEqualTo("RJCT");
        assertThat(duplicate.getStsRsnInf().get(0).getRsn().getCd()).isEqualTo("DU01");
        assertThat(restarted.received()).singleElement().satisfies(f -> {
            assertThat(f.deliveries().get()).isEqualTo(2);
            assertThat(f.credited()).isEqualTo(1);
            assertThat(f.creditedCents()).isEqualTo(8000);
        });
        // The file itself is kept under its digest.
        assertThat(Files.readString(dir.resolve("files").resolve(CreditTransferDesk.sha256(file) + ".xml"),
                StandardCharsets.UTF_8)).isEqualTo(file);
    }

    private CreditTransferDesk desk() {
        CreditTransferDesk desk = new CreditTransferDesk();
        desk.config = new BankConfig() {
            @Override
            public String apiKey() {
                return "k";
            }

            @Override
            public String bic() {
                return "LEBKEE22XXX";
            }

            @Override
            public Optional<List<String>> incorrectAccounts() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> closedAccounts() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> deceasedAccounts() {
                return Optional.empty();
            }

            @Override
            public Optional<String> dataDir() {
                return Optional.of(dir.toString());
            }
        };
        desk.replay();
        return desk;
    }

    private static String pain001(String messageId, String amount) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn>
                <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-12-01T06:00:00Z</CreDtTm><NbOfTxs>1</NbOfTxs>
                <CtrlSum>%2$s</CtrlSum><InitgPty><Nm>Benefits agency</Nm></InitgPty></GrpHdr>
                <PmtInf><PmtInfId>%1$s-1</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>1</NbOfTxs><CtrlSum>%2$s</CtrlSum>
                <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf><ReqdExctnDt><Dt>2026-12-01</Dt></ReqdExctnDt>
                <Dbtr><Nm>Benefits agency</Nm></Dbtr><DbtrAcct><Id><IBAN>EE382200221020145685</IBAN></Id></DbtrAcct>
                <DbtrAgt><FinInstnId><BICFI>HABAEE2X</BICFI></FinInstnId></DbtrAgt><ChrgBr>SLEV</ChrgBr>
                <CdtTrfTxInf><PmtId><InstrId>I-1</InstrId><EndToEndId>E2E-I-1</EndToEndId></PmtId>
                <Amt><InstdAmt Ccy="EUR">%2$s</InstdAmt></Amt><Cdtr><Nm>Recipient</Nm></Cdtr>
                <CdtrAcct><Id><IBAN>EE471000001020145685</IBAN></Id></CdtrAcct>
                <RmtInf><Ustrd>Child allowance 2026-11</Ustrd></RmtInf></CdtTrfTxInf></PmtInf>
                </CstmrCdtTrfInitn></Document>
                """.formatted(messageId, amount);
    }
}
