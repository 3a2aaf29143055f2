package org.lifeevents.registry.opencrvs;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the registry takes OpenCRVS notifications: the subscriber's secret and which person identifiers count. */
@ConfigMapping(prefix = "lifeevents.registry.opencrvs")
public interface OpenCrvsConfig {

    /**
     * The {@code sha_secret} OpenCRVS issued to this subscriber; it signs every webhook call. Without it the webhook
     * refuses every call, so a deployment that forgot it never accepts unsigned data.
     */
    Optional<String> webhookSecret();

    /**
     * The identifier type codes (OpenCRVS's {@code http://opencrvs.org/specs/identifier-type}) whose value is the
     * person id of the population register, tried in this order.
     */
    @WithDefault("NATIONAL_ID")
    List<String> personIdTypes();

    /** Who a correction built from a changed notification names as its author in the registration's history. */
    @WithDefault("OpenCRVS")
    String correctedBy();
}
