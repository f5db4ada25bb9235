package app.nozzly.platform.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Counts the endpoint (or every endpoint of the class) against the named rules of {@link RateLimitConfig}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RateLimited {

    /** Names of rules under platform.rate-limit.rules. */
    String[] value();
}
