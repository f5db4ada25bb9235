package app.nozzly.printer.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date parameter within years 1..9999, the dates request bodies may carry too (platform-commons): the day
 * after or before any of them is still a date the database can compare with.
 */
@Documented
@Constraint(validatedBy = CalendarDate.Validator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CalendarDate {

    String message() default "must be a date between 0001-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Absent dates are valid; a present one lies within years 1..9999. */
    class Validator implements ConstraintValidator<CalendarDate, LocalDate> {

        static final LocalDate FIRST = LocalDate.of(1, 1, 1);
        static final LocalDate LAST = LocalDate.of(9999, 12, 31);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
        }
    }
}
