package org.lifeevents.portal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.ProcessingException;

import org.lifeevents.portal.i18n.Texts;
import org.lifeevents.portal.services.ServiceException;
import org.lifeevents.portal.services.ServiceProblem;

/**
 * Turns what a service answered into words: the problem's {@code code} when the portal has words for it, else the
 * service's own {@code detail}, else what the status means; each refused field likewise.
 */
public final class Problems {

    private Problems() {
    }

    public static UserError describe(RuntimeException failure, Texts texts) {
        if (failure instanceof ServiceException e) {
            return describe(e, texts);
        }
        if (failure instanceof ProcessingException) {
            return UserError.of(texts.msg().problem_unreachable());
        }
        return UserError.of(texts.msg().problem_unexpected());
    }

    public static UserError describe(ServiceException e, Texts texts) {
        ServiceProblem problem = e.problem();
        String message = texts.find("problem", problem.code())
                .orElseGet(() -> problem.detail() != null && !problem.detail().isBlank() ? problem.detail()
                        : byStatus(e.status(), texts));
        Map<String, String> fields = new LinkedHashMap<>();
        for (ServiceProblem.FieldError error : problem.errors()) {
            if (error.field() != null) {
                fields.putIfAbsent(error.field(), field(error, texts));
            }
        }
        return new UserError(message, problem.correlationId(), fields);
    }

    /** The words for one refused field; the IBAN's reasons are known and translated. */
    static String field(ServiceProblem.FieldError error, Texts texts) {
        if ("invalid_iban".equals(error.code()) && error.message() != null) {
            String reason = error.message().toLowerCase(Locale.ROOT);
            if (reason.contains("check digits")) {
                return texts.msg().field_iban_check_digits();
            }
            if (reason.contains("country")) {
                return texts.msg().field_iban_country();
            }
            if (reason.contains("length")) {
                return texts.msg().field_iban_length();
            }
            return texts.msg().field_iban_format();
        }
        return texts.find("field", error.code())
                .orElseGet(() -> error.message() != null ? error.message() : texts.msg().field_invalid());
    }

    static String byStatus(int status, Texts texts) {
        return switch (status) {
            case 400, 422 -> texts.msg().problem_status_400();
            case 401 -> texts.msg().problem_status_401();
            case 403 -> texts.msg().problem_status_403();
            case 404 -> texts.msg().problem_status_404();
            case 409 -> texts.msg().problem_status_409();
            default -> status >= 500 ? texts.msg().problem_unreachable() : texts.msg().problem_unexpected();
        };
    }
}
