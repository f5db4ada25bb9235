package app.nozzly.platform.errors;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which error family answers which paths of a service. */
@ConfigMapping(prefix = "platform.errors")
public interface ErrorsConfig {

    /** The family of every path no prefix below names. */
    @WithDefault("problem")
    String defaultFamily();

    /** Path prefix to family name, e.g. {@code platform.errors.families."/api/bambu/"=message-status}. */
    Map<String, String> families();
}
