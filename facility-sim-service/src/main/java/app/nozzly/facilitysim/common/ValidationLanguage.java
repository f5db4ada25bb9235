package app.nozzly.facilitysim.common;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Bean Validation words its reasons in the request's language of specs/004 (ValidationMessages_zh.properties),
 * chosen like every other text of the answer ({@link LanguageResolver}), ahead of Quarkus' Accept-Language-only
 * resolver.
 */
@ApplicationScoped
@Priority(10)
public class ValidationLanguage implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        return LanguageResolver.current().locale();
    }
}
