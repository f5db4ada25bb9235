package app.nozzly.facilitysim.common;

import java.util.Locale;
import java.util.Optional;

/** The two languages of specs/004 ("Language Support"); Chinese is the default. */
public enum Lang {
    EN, ZH;

    public static final Lang DEFAULT = ZH;

    /** "en", "EN", "en-US", "zh-CN", "zh_Hans" map to a language; anything else is not supported. */
    public static Optional<Lang> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("en") || lower.startsWith("en-") || lower.startsWith("en_")) {
            return Optional.of(EN);
        }
        if (lower.equals("zh") || lower.startsWith("zh-") || lower.startsWith("zh_")) {
            return Optional.of(ZH);
        }
        return Optional.empty();
    }

    public String pick(String english, String chinese) {
        return this == EN ? english : chinese;
    }

    public Locale locale() {
        return this == EN ? Locale.ENGLISH : Locale.CHINESE;
    }
}
