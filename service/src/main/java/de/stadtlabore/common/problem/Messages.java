package de.stadtlabore.common.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Problem titles and details in German (the default) or English, chosen from the caller's
 * {@code Accept-Language} preferences.
 */
public final class Messages {

    public static final Locale GERMAN = Locale.GERMAN;
    private static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);
    private static final String BUNDLE = "messages.problems";

    private Messages() {
    }

    /** The first supported language among the caller's preferences, German otherwise. */
    public static Locale negotiate(List<Locale> preferred) {
        for (Locale locale : preferred) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(locale.getLanguage())) {
                    return supported;
                }
            }
        }
        return GERMAN;
    }

    /**
     * The negotiation for a JAX-RS request, from the raw header: a malformed one (a weight such as
     * {@code q=abc}) counts as none, instead of failing the answer.
     */
    public static Locale negotiate(jakarta.ws.rs.core.HttpHeaders headers) {
        return negotiate(headers.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The same negotiation for a raw {@code Accept-Language} header, as seen outside JAX-RS. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return GERMAN;
        }
        try {
            return negotiate(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList());
        } catch (IllegalArgumentException malformed) {
            return GERMAN;
        }
    }

    public static String title(ProblemType type, Locale locale) {
        return text("title." + type.slug(), locale);
    }

    public static String text(String key, Locale locale, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
