package io.github.camelsaas.speccheck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (class or method) that sends requests the vendor's description forbids on purpose, to prove a
 * simulator refuses them (bad bodies, missing credentials, unknown paths). Its violations are counted as intended,
 * not failed; {@link #value} says why.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Inherited
public @interface OffSpecRequests {
    String value();
}
