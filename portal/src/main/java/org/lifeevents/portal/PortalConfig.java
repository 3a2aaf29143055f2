package org.lifeevents.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The portal's own settings; the services' addresses are the REST clients' ({@code quarkus.rest-client.*.url}). */
@ConfigMapping(prefix = "lifeevents.portal")
public interface PortalConfig {

    /** The time zone dates and times are shown in. */
    @WithDefault("Europe/Tallinn")
    String timeZone();

    /** Rows per page of the queue, the data tracker and the decision log. */
    @WithDefault("20")
    int pageSize();

    /** Overrides above this many cents need a second caseworker (shown to caseworkers before they submit). */
    @WithDefault("100000")
    long fourEyesThresholdCents();
}
