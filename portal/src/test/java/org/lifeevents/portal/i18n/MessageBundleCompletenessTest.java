package org.lifeevents.portal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message of the portal has a Traditional Chinese translation with the same parameters, and nothing more. */
class MessageBundleCompletenessTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)[^}]*}");

    @Test
    void everyMessageHasAChineseTranslationAndEveryTranslationAMessage() throws IOException {
        Map<String, Method> messages = messages();
        Properties chinese = chinese();
        assertThat(new TreeSet<>(chinese.stringPropertyNames())).isEqualTo(new TreeSet<>(messages.keySet()));
        for (String key : messages.keySet()) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void translationsUseOnlyTheMessagesParametersAndEveryOneWhereTheEnglishShowsIt() throws IOException {
        Properties chinese = chinese();
        for (Method method : messages().values()) {
            Set<String> declared = Arrays.stream(method.getParameters()).map(p -> p.getName())
                    .collect(Collectors.toSet());
            String english = method.getAnnotation(Message.class).value();
            Set<String> inChinese = parameters(chinese.getProperty(method.getName()));
            assertThat(declared).as(method.getName() + " parameters").containsAll(inChinese);
            // A count may only choose a plural form in English; any other parameter the English shows must be shown.
            Set<String> shown = parameters(english.replaceAll("\\{#if [^}]*}", ""));
            shown.removeIf(p -> p.equals("count"));
            assertThat(inChinese).as(method.getName() + " shows the same values").containsAll(shown);
        }
    }

    @Test
    void translationsAreChineseNotCopiesOfTheEnglish() throws IOException {
        Properties chinese = chinese();
        Set<String> sameAsEnglish = new TreeSet<>();
        messages().forEach((key, method) -> {
            if (chinese.getProperty(key).equals(method.getAnnotation(Message.class).value())) {
                sameAsEnglish.add(key);
            }
        });
        // Only the language's own name and a lone parameter are the same in both languages.
        assertThat(sameAsEnglish).isSubsetOf(Set.of("language_name"));
    }

    static Map<String, Method> messages() {
        return Arrays.stream(Msg.class.getDeclaredMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .collect(Collectors.toMap(Method::getName, Function.identity()));
    }

    static Properties chinese() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleCompletenessTest.class.getResourceAsStream("/messages/msg_zh_TW.properties")) {
            assertThat(in).as("messages/msg_zh_TW.properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> parameters(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
