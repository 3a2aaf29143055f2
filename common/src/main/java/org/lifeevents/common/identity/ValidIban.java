package org.lifeevents.common.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The value, when present, is an IBAN in electronic format (no spaces): known country, that country's length and
 * structure, and mod-97 check digits. Checked by iban4j, which keeps the per-country registry.
 */
@Documented
@Constraint(validatedBy = ValidIban.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface ValidIban {

    String message() default "is not a valid IBAN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIban, String> {

        private static final Pattern ELECTRONIC_CHARACTERS = Pattern.compile("[A-Z0-9]+");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is not a valid IBAN: " + problem).addConstraintViolation();
                return false;
            }
            return true;
        }

        /** Why the value is not a valid IBAN, or null. */
        public static String problem(String value) {
            if (!ELECTRONIC_CHARACTERS.matcher(value).matches()) {
                return "only letters and digits (and spaces between them) make an IBAN";
            }
            try {
                IbanUtil.validate(value);
                return null;
            } catch (InvalidCheckDigitException e) {
                return "check digits do not match (mod 97)";
            } catch (UnsupportedCountryException e) {
                return "unknown or unsupported country";
            } catch (IbanFormatException e) {
                String violation = e.getFormatViolation() == null ? "" : e.getFormatViolation().name();
                if (violation.startsWith("COUNTRY_CODE")) {
                    return "unknown or unsupported country";
                }
                if (violation.contains("LENGTH")) {
                    return "wrong length for the country";
                }
                return "wrong format for the country";
            }
        }
    }
}
