package org.lifeevents.portal.services;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** A service answered with an error; carries its problem details so a page can say what went wrong in words. */
public class ServiceException extends RuntimeException {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final String service;
    private final int status;
    private final ServiceProblem problem;

    public ServiceException(String service, int status, ServiceProblem problem) {
        super(service + " answered " + status + (problem.code() == null ? "" : " " + problem.code()));
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    /** Reads a problem+json body when there is one; any other body becomes a problem with only the status. */
    public static ServiceException from(String service, Response response) {
        ServiceProblem problem = null;
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                if (body != null && body.trim().startsWith("{")) {
                    problem = JSON.readValue(body, ServiceProblem.class);
                }
            }
        } catch (Exception e) {
            // Not a problem body: the status alone tells what happened.
        }
        if (problem == null) {
            problem = new ServiceProblem(null, null, response.getStatus(), null, null, null, List.of());
        }
        return new ServiceException(service, response.getStatus(), problem);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public ServiceProblem problem() {
        return problem;
    }

    public boolean is(int status, String code) {
        return this.status == status && (code == null || code.equals(problem.code()));
    }

    public Optional<ServiceProblem.FieldError> fieldError(String field) {
        return problem.errors().stream().filter(e -> field.equals(e.field())).findFirst();
    }
}
