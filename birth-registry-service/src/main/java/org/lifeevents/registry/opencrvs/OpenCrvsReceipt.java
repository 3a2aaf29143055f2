package org.lifeevents.registry.opencrvs;

import org.lifeevents.registry.registration.CorrectionReceipt;
import org.lifeevents.registry.registration.RegistrationReceipt;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an OpenCRVS notification became: the registration (first or repeated delivery alike), or the correction a
 * changed notification under a known registration number made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenCrvsReceipt(String eventType, String trackingId, String registrationNumber, String outcome,
        RegistrationReceipt registration, CorrectionReceipt correction) {

    public static final String REGISTERED = "REGISTERED";
    public static final String CORRECTED = "CORRECTED";
}
