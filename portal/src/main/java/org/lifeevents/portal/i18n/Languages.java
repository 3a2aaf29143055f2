package org.lifeevents.portal.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The portal's languages: English and Traditional Chinese (Taiwan). The chosen one is remembered in a cookie; without
 * it, the browser's Accept-Language decides; English is the default.
 */
public final class Languages {

    public static final String COOKIE = "portal_lang";
    public static final String ENGLISH = "en";
    public static final String TRADITIONAL_CHINESE = "zh-TW";
    public static final List<String> SUPPORTED = List.of(ENGLISH, TRADITIONAL_CHINESE);

    private Languages() {
    }

    /** The language tag for the cookie's value, else the best match of Accept-Language, else English. */
    public static String resolve(String cookie, String acceptLanguage) {
        if (cookie != null && SUPPORTED.contains(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String wanted = range.getRange().toLowerCase(Locale.ROOT);
                    if (wanted.equals("en") || wanted.startsWith("en-")) {
                        return ENGLISH;
                    }
                    // Traditional script regions; Simplified Chinese (zh-CN, zh-Hans) is not offered, so it falls through.
                    if (wanted.equals("zh-tw") || wanted.equals("zh-hant") || wanted.startsWith("zh-hant-")
                            || wanted.equals("zh-hk") || wanted.equals("zh-mo")) {
                        return TRADITIONAL_CHINESE;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header chooses nothing.
            }
        }
        return ENGLISH;
    }

    public static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    /** The locale for formatting numbers and dates: British English (day month year) or Taiwan. */
    public static Locale formattingLocale(String tag) {
        return TRADITIONAL_CHINESE.equals(tag) ? Locale.TAIWAN : Locale.UK;
    }
}
