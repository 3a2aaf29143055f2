package org.lifeevents.registry.validation;

/**
 * The longest text the register takes in a field, in characters: far beyond any real name, place or reason, so a body
 * carrying megabytes in one of them is refused instead of stored and published to every consumer.
 */
public final class Limits {

    /** A person's given names or family name, an official's name. */
    public static final int NAME = 200;
    /** A place, a street, a municipality. */
    public static final int PLACE = 200;
    public static final int POSTAL_CODE = 20;
    /** A reason in words. */
    public static final int REASON = 2000;

    private Limits() {
    }
}
