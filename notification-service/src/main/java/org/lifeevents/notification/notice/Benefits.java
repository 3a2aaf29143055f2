package org.lifeevents.notification.notice;

import java.util.Map;

/** The benefits' names as a citizen reads them, in both languages; the codes are the eligibility service's. */
final class Benefits {

    private static final Map<String, String> EN = Map.of(
            "BIRTH_GRANT", "birth grant",
            "CHILD_ALLOWANCE", "child allowance",
            "LARGE_FAMILY_ALLOWANCE", "large-family allowance",
            "SINGLE_PARENT_ALLOWANCE", "single-parent allowance",
            "PARENTAL_BENEFIT", "parental benefit",
            "FUNERAL_GRANT", "funeral grant",
            "SURVIVOR_CHILD_ALLOWANCE", "survivor's child allowance");

    private static final Map<String, String> ZH_TW = Map.of(
            "BIRTH_GRANT", "生育補助",
            "CHILD_ALLOWANCE", "兒童津貼",
            "LARGE_FAMILY_ALLOWANCE", "多子女家庭津貼",
            "SINGLE_PARENT_ALLOWANCE", "單親津貼",
            "PARENTAL_BENEFIT", "育嬰給付",
            "FUNERAL_GRANT", "喪葬補助",
            "SURVIVOR_CHILD_ALLOWANCE", "遺屬子女津貼");

    private Benefits() {
    }

    /** A benefit this service does not know yet is named by its code rather than not at all. */
    static String en(String code) {
        return EN.getOrDefault(code, code);
    }

    static String zhTw(String code) {
        return ZH_TW.getOrDefault(code, code);
    }
}
