package org.lifeevents.registry.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.registry.write.RegistryWrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads of registrations and their history. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class RegistrationQueries {

    @Inject
    ObjectMapper json;

    public RegistrationView registration(String registrationNumber) {
        Registration r = require(registrationNumber);
        return new RegistrationView(r.registrationNumber, r.kind, r.status, r.subjectPersonId, r.eventDate,
                r.householdId, read(r.recordJson), r.correlationId, r.registeredAt, r.updatedAt, r.revokedAt,
                r.revocationReason);
    }

    public List<HistoryEntry> history(String registrationNumber) {
        require(registrationNumber);
        List<HistoryEntry> entries = new ArrayList<>();
        for (RegistryWrite write : RegistryWrite.ofRegistration(registrationNumber)) {
            entries.add(new HistoryEntry(entries.size() + 1, write.kind, write.writeNumber, write.recordedAt,
                    write.recordedBy, write.correlationId, read(write.requestJson), read(write.responseJson)));
        }
        return entries;
    }

    static Registration require(String registrationNumber) {
        Registration registration = Registration.findById(registrationNumber);
        if (registration == null) {
            throw ProblemException.notFound("registration_not_found", "No registration " + registrationNumber + ".");
        }
        return registration;
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
