package org.lifeevents.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo mail server (GreenMail) the notification service sends the families' e-mails to: SMTP in, IMAP to read
 * them. Every recipient gets a mailbox on first delivery, with the address as login and password. DEMO ONLY.
 */
public final class MailServer implements AutoCloseable {

    public static final int SMTP_PORT = 13025;
    public static final int IMAP_PORT = 13143;

    private final GreenMail server;
    private final int smtpPort;
    private final int imapPort;

    private MailServer(GreenMail server, int smtpPort, int imapPort) {
        this.server = server;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        server.start();
        return new MailServer(server, smtpPort, imapPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** How many messages arrived, for all mailboxes. */
    public int received() {
        return server.getReceivedMessages().length;
    }

    @Override
    public void close() {
        server.stop();
    }
}
