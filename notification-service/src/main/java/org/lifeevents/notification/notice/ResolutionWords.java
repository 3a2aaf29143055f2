package org.lifeevents.notification.notice;

import java.util.Map;

/** A caseworker's resolution of a case in plain words (the eligibility service's resolution codes). */
final class ResolutionWords {

    private static final Map<String, String[]> WORDS = Map.of(
            "APPROVED", new String[] { "approved as the rules decided", "依規則所定予以核准" },
            "REJECTED", new String[] { "not approved", "不予核准" },
            "OVERRIDDEN", new String[] { "decided differently from the rules, with a written reason",
                    "不同於規則所定，並附書面理由" });

    private ResolutionWords() {
    }

    static String en(String code) {
        String[] words = WORDS.get(code);
        return words == null ? code : words[0];
    }

    static String zhTw(String code) {
        String[] words = WORDS.get(code);
        return words == null ? code : words[1];
    }
}
