package org.lifeevents.portal.web;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;

import org.lifeevents.portal.i18n.Texts;
import org.lifeevents.portal.services.ServiceException;

/**
 * A part of a page loaded from a service, or the reason it could not be: one service failing leaves the rest of the
 * page usable and says in words what is missing.
 */
public record Loaded<T>(T value, UserError error) {

    public static <T> Loaded<T> from(Supplier<T> call, Texts texts) {
        try {
            return new Loaded<>(call.get(), null);
        } catch (ServiceException | ProcessingException e) {
            return new Loaded<>(null, Problems.describe(e, texts));
        }
    }

    public boolean failed() {
        return error != null;
    }
}
