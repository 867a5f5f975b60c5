package io.prodev.labs.labkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a learner reads when a hidden test fails, instead of its name and message: a nudge toward the rule
 * it checks, not the answer ("an update is a use too"). On a method of a {@link Hidden} class, or on the class
 * for all its tests; a method's hint wins. Visible tests need none: their own messages say what was expected.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Hint {

    /** One sentence, written for the learner. */
    String value();
}
