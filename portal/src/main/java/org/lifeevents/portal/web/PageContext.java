package org.lifeevents.portal.web;

import java.util.List;

/**
 * What every page needs besides its own content: the language, who is signed in with which roles, the section for
 * the navigation, the current address (the language switch comes back to it) and a notice after an action.
 */
public record PageContext(String lang, String section, String path, boolean signedIn, String userName,
        boolean citizen, boolean caseworker, boolean auditor, String notice, List<LanguageOption> languages) {

    /** One choice of the language switch. */
    public record LanguageOption(String tag, String name, boolean current) {
    }

    public boolean in(String name) {
        return name.equals(section);
    }
}
