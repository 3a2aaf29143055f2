package org.lifeevents.consent;

/**
 * The demo realm's citizens and their person ids. Each test class that acts as a citizen over HTTP uses its own
 * citizens, so no test sees another's consents or log entries.
 */
public final class DemoPeople {

    /** ConsentApiTest. */
    public static final String KATI = "49403136515";
    /** ConsentApiTest. */
    public static final String LIIS = "49008010156";
    /** ConsentCheckTest. */
    public static final String JAAN = "39205202210";
    /** ReceiptTest. */
    public static final String EVA = "48812240272";
    /** DataAccessTest. */
    public static final String MART = "38701301147";

    private DemoPeople() {
    }
}
