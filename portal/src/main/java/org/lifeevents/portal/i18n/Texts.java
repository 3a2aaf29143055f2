package org.lifeevents.portal.i18n;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The portal's words in one language, for Java code: the typed {@link Msg} bundle, and labels of the services' codes
 * (benefits, statuses, case types, ...) looked up by key, so a new code shows as itself instead of breaking a page.
 */
public final class Texts {

    private static final Map<String, Optional<Method>> METHODS = new ConcurrentHashMap<>();

    private final String lang;
    private final Msg msg;

    private Texts(String lang, Msg msg) {
        this.lang = lang;
        this.msg = msg;
    }

    public static Texts of(String lang) {
        String tag = Languages.isSupported(lang) ? lang : Languages.ENGLISH;
        return new Texts(tag, MessageBundles.get(Msg.class, Localized.Literal.of(tag)));
    }

    public Msg msg() {
        return msg;
    }

    public String lang() {
        return lang;
    }

    /** The message {@code prefix_CODE}, or empty when there is none. */
    public Optional<String> find(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String key = prefix + "_" + code.replaceAll("[^A-Za-z0-9]", "_");
        return METHODS.computeIfAbsent(key, Texts::method).map(m -> {
            try {
                return (String) m.invoke(msg);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Message " + key + " failed", e);
            }
        });
    }

    /** The label of a service's code, or the code in readable form when the portal does not know it yet. */
    public String label(String prefix, String code) {
        if (code == null) {
            return null;
        }
        return find(prefix, code).orElseGet(() -> code.replace('_', ' ').toLowerCase(Locale.ROOT));
    }

    private static Optional<Method> method(String key) {
        try {
            Method method = Msg.class.getMethod(key);
            return method.getReturnType() == String.class ? Optional.of(method) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
