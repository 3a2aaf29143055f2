package org.lifeevents.portal.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeevents.portal.PortalConfig;
import org.lifeevents.portal.i18n.Formats;
import org.lifeevents.portal.i18n.Languages;
import org.lifeevents.portal.i18n.Texts;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The current request as pages see it: its language, words, formats and the signed-in person. */
@RequestScoped
public class Pages {

    public static final String CITIZEN = "citizen";
    public static final String CASEWORKER = "caseworker";
    public static final String AUDITOR = "auditor";

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    PortalConfig config;

    private String lang;
    private Texts texts;
    private Formats formats;

    public String lang() {
        if (lang == null) {
            Cookie cookie = request.getCookie(Languages.COOKIE);
            lang = Languages.resolve(cookie == null ? null : cookie.getValue(), request.getHeader("Accept-Language"));
        }
        return lang;
    }

    public Texts texts() {
        if (texts == null) {
            texts = Texts.of(lang());
        }
        return texts;
    }

    public Formats formats() {
        if (formats == null) {
            formats = new Formats(Languages.formattingLocale(lang()), ZoneId.of(config.timeZone()));
        }
        return formats;
    }

    /** The person id of the signed-in citizen (token claim {@code person_id}), or null. */
    public String personId() {
        if (identity.isAnonymous()) {
            return null;
        }
        Object claim = idToken.getClaim("person_id");
        return claim == null ? null : claim.toString();
    }

    public PageContext context(String section) {
        return context(section, null);
    }

    /** The page context; {@code done} names a finished action whose notice ({@code done_<name>}) is shown. */
    public PageContext context(String section, String done) {
        boolean signedIn = !identity.isAnonymous();
        String notice = done == null ? null : texts().find("done", done).orElse(null);
        List<PageContext.LanguageOption> languages = Languages.SUPPORTED.stream()
                .map(tag -> new PageContext.LanguageOption(tag, Texts.of(tag).msg().language_name(), tag.equals(lang())))
                .toList();
        return new PageContext(lang(), section, request.uri(), signedIn, signedIn ? userName() : null,
                identity.hasRole(CITIZEN), identity.hasRole(CASEWORKER), identity.hasRole(AUDITOR), notice, languages);
    }

    /** Renders the template in the request's language (message bundles read the locale attribute). */
    public TemplateInstance render(TemplateInstance template) {
        return template.setAttribute(MessageBundles.ATTRIBUTE_LOCALE, Locale.forLanguageTag(lang()));
    }

    private String userName() {
        String name = idToken.getClaim("name");
        if (name == null || name.isBlank()) {
            name = idToken.getClaim("preferred_username");
        }
        return name == null ? identity.getPrincipal().getName() : name;
    }
}
