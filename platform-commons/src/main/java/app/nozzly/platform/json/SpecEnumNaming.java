package app.nozzly.platform.json;

import java.util.Locale;

import com.fasterxml.jackson.databind.EnumNamingStrategy;

/**
 * The specs' spelling of an enum constant: its name in lower case ({@code IN_PROGRESS} is {@code in_progress}). In
 * JSON through {@code @EnumNaming(SpecEnumNaming.class)} on the enum, which the OpenAPI document reads too;
 * elsewhere (columns, query parameters, messages) through {@link #spell}.
 */
public final class SpecEnumNaming implements EnumNamingStrategy {

    public static String spell(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    @Override
    public String convertEnumToExternalName(String enumName) {
        return spell(enumName);
    }
}
